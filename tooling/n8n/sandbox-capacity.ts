/**
 * How many single-event requests per second the sandbox answers when nothing but a plain client (in this same
 * process, so a lower bound) sends them: the benchmark shows it beside the rate n8n reaches, to show that the
 * sandbox is not what limits n8n.
 */
import { Agent } from 'node:http';
import type { Sandbox } from '../sandbox';
import { inParallel, postSigned } from '../bench/plainClient';
import { eventUrl } from './bench-workflows';

const CONCURRENCY = 8;

export async function sandboxRequestsPerSecond(
	sandbox: Sandbox,
	requests: number,
): Promise<number> {
	const url = new URL(eventUrl(sandbox));
	const agent = new Agent({ keepAlive: true });
	sandbox.reset();
	const started = performance.now();
	await inParallel(requests, CONCURRENCY, (i) =>
		postSigned(
			agent,
			url,
			sandbox.secret,
			JSON.stringify({ email: `probe${i}@example.com`, group: '100' }),
		),
	);
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	sandbox.reset();
	return requests / seconds;
}
