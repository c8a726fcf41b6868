/** The floor of `npm run bench`: Batch → Send's requests built, signed and sent by a plain script. */
import { Agent } from 'node:http';
import { API_PATHS, BATCH_DEFAULTS, MAX_EVENTS_PER_BATCH, integrationPath } from '../product';
import type { Contact } from '../harness/batch-fixtures';
import { inParallel, postSigned } from './plainClient';

export interface SandboxAddress {
	baseUrl: string;
	integrationId: string;
	secret: string;
}

/**
 * The floor: the same events (email, group, three attributes as strings), the same chunks and
 * concurrency as Batch → Send, signed with the package's own signing, sent with node:http.
 */
export async function sendWithoutN8n(input: Contact[], sandbox: SandboxAddress): Promise<void> {
	const url = new URL(
		`${sandbox.baseUrl}${integrationPath(sandbox.integrationId, API_PATHS.batch)}?subtype=user`,
	);
	const agent = new Agent({ keepAlive: true });
	const bodies: string[] = [];
	for (let start = 0; start < input.length; start += MAX_EVENTS_PER_BATCH) {
		const events = input.slice(start, start + MAX_EVENTS_PER_BATCH).map((contact) => ({
			email: contact.email,
			group: contact.group,
			firstName: contact.firstName,
			city: contact.city,
			score: String(contact.score),
		}));
		bodies.push(JSON.stringify(events));
	}
	await inParallel(bodies.length, BATCH_DEFAULTS.concurrency, (index) =>
		postSigned(agent, url, sandbox.secret, bodies[index]),
	);
	agent.destroy();
}
