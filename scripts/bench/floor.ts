/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node code for tests and tools, never run inside n8n (README: Lint in strict mode) */
/** The floor of `npm run bench`: Batch → Send's requests built, signed and sent by a plain script. */
import { request, Agent } from 'node:http';
import {
	MAX_EVENTS_PER_BATCH,
	API_PATHS,
	integrationPath,
} from '../../nodes/MappConnect/shared/api';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../../nodes/MappConnect/shared/signing';
import { BATCH_DEFAULTS } from '../../nodes/MappConnect/resources/batch/options';
import type { Contact } from '../../test/workflow/batch-fixtures';

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
		`${sandbox.baseUrl}${integrationPath(sandbox.integrationId, API_PATHS.batch)}`,
	);
	const query = 'subtype=user';
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
	const post = (body: string) =>
		new Promise<void>((resolve, reject) => {
			const token = signToken(
				sandbox.secret,
				requestHash(url.pathname, body, query),
				nowInSeconds() + TOKEN_LIFETIME_SECONDS,
			);
			const req = request(
				`${url.href}?${query}`,
				{
					method: 'POST',
					agent,
					headers: {
						'content-type': 'application/json',
						[AUTH_TOKEN_HEADER]: token,
						'content-length': Buffer.byteLength(body),
					},
				},
				(res) => {
					res.resume();
					res.on('end', () =>
						res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
					);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) await post(bodies[next++]);
	};
	await Promise.all(Array.from({ length: BATCH_DEFAULTS.concurrency }, worker));
	agent.destroy();
}
