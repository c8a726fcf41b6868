/**
 * A plain client for the sandbox, with nothing of n8n in between: the benchmarks' floor and their measure of
 * how fast the sandbox answers. Signed with the package's own signing.
 */
import { type Agent, request } from 'node:http';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../product';

/** POSTs a JSON body to `url` (its query included), signed; resolves when the sandbox answers 200. */
export function postSigned(agent: Agent, url: URL, secret: string, body: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const token = signToken(
			secret,
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
}

/** Runs `task` for 0 … count-1, at most `concurrency` at a time, in order of starting. */
export async function inParallel(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}
