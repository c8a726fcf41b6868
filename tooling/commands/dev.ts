/**
 * `npm run dev`: the package built, packed and installed into a real n8n as a community package, the sandbox
 * running, the "Mapp Connect (sandbox)" credential and the example workflows imported, and the n8n editor on
 * http://localhost:5678 (N8N_PORT to change it) until Ctrl-C. n8n's data stays in `.cache/dev/` between runs.
 */
import { join } from 'node:path';
import { exampleWorkflows } from '../n8n/examples';
import { OWNER } from '../n8n/editor';
import { StepError } from '../n8n/log';
import { CACHE_DIR } from '../n8n/paths';
import { runScript, wasInterrupted } from '../n8n/script';
import { N8nSession } from '../n8n/session';
import { STABLE } from '../n8n/versions';

const DEFAULT_PORT = 5678;

async function main(): Promise<void> {
	const session = await N8nSession.open(STABLE, {
		userFolder: join(CACHE_DIR, 'dev', STABLE.n8n),
		port: Number(process.env.N8N_PORT ?? DEFAULT_PORT),
	});
	await session.importWorkflows(exampleWorkflows());
	const editor = await session.startEditor();
	const origin = new URL(session.sandbox.baseUrl).origin;
	console.log(`
n8n ${session.n8nVersion} is running with this package: ${editor.url}
  First visit: sign up an owner (any details; for example ${OWNER.email} / ${OWNER.password}).
  Credential "Mapp Connect (sandbox)" and the example workflows are imported.
  Sandbox: ${session.sandbox.baseUrl}   (received events: GET ${origin}/__sandbox/events)
  n8n's log: ${join(session.userFolder, 'n8n.log')}
Stop with Ctrl-C.`);
	const code = await editor.process.exited;
	if (wasInterrupted()) return new Promise<never>(() => undefined);
	await session.close();
	throw new StepError(`n8n stopped by itself (exit ${code}); see its log`);
}

runScript(main);
