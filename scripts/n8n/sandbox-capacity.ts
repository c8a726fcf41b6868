/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node code for tests and tools, never run inside n8n (README: Lint in strict mode) */
/**
 * How many single-event requests per second the sandbox answers when nothing but a plain client (in this same
 * process, so a lower bound) sends them: the benchmark shows it beside the rate n8n reaches, to show that the
 * sandbox is not what limits n8n.
 */
import { Agent, request } from 'node:http';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../../nodes/MappConnect/shared/signing';
import type { Sandbox } from '../../test/sandbox';
import { eventUrl } from './bench-workflows';

const CONCURRENCY = 8;

export async function sandboxRequestsPerSecond(
	sandbox: Sandbox,
	requests: number,
): Promise<number> {
	const url = new URL(eventUrl(sandbox));
	const agent = new Agent({ keepAlive: true });
	const post = (i: number) =>
		new Promise<void>((resolve, reject) => {
			const body = JSON.stringify({ email: `probe${i}@example.com`, group: '100' });
			const token = signToken(
				sandbox.secret,
				requestHash(url.pathname, body, url.search.slice(1)),
				nowInSeconds() + TOKEN_LIFETIME_SECONDS,
			);
			const headers = {
				'content-type': 'application/json',
				[AUTH_TOKEN_HEADER]: token,
				'content-length': Buffer.byteLength(body),
			};
			const req = request(url, { method: 'POST', agent, headers }, (res) => {
				res.resume();
				res.on('end', () =>
					res.statusCode === 200
						? resolve()
						: reject(new Error(`sandbox answered ${res.statusCode}`)),
				);
			});
			req.on('error', reject);
			req.end(body);
		});
	sandbox.reset();
	const started = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < requests) await post(next++);
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	sandbox.reset();
	return requests / seconds;
}
