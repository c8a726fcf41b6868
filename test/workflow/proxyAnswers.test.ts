/**
 * A proxy's answers are named as the proxy's, never as Mapp Connect's, and no credential a proxy
 * echoes (Proxy-Authorization: base64 of user:password) reaches an error or an output item.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import type { RunNodeResult } from '../../tooling/harness';
import {
	batchUpsert,
	contactFields,
	FAST_RETRIES,
	userUpsert,
} from '../../tooling/harness/batch-fixtures';
import type { Loopback } from './loopback';
import { startServer } from './loopback';
import { useSandbox } from './mappConnect';

const sandbox = useSandbox();

const PASSWORD = 'hunter2-proxy';
const BASE64 = Buffer.from(`mapp:${PASSWORD}`).toString('base64');
const contacts = [{ email: 'anna@example.com' }, { email: 'ben@example.com' }];

let proxy: Loopback | undefined;
afterEach(async () => {
	await proxy?.close();
	proxy = undefined;
});

/** A proxy that answers every request itself with `status`, echoing the request's headers. */
async function echoingProxy(status: number, answer: (headers: IncomingHttpHeaders) => string) {
	proxy = await startServer(({ headers }, res) => {
		const extra = status === 407 ? { 'proxy-authenticate': 'Basic realm="corp"' } : {};
		res
			.writeHead(status, { 'content-type': 'text/plain', 'proxy-status': 'corp-proxy', ...extra })
			.end(answer(headers));
	});
	return `http://mapp:${PASSWORD}@127.0.0.1:${proxy.port}`;
}

async function through(url: string, parameters: INodeParameters, continueOnFail = false) {
	return await runNode({
		parameters: { ...parameters, requestOptions: { proxy: url } },
		items: contacts,
		credentials: sandboxCredentials(sandbox()),
		continueOnFail,
		retryTimings: FAST_RETRIES,
	});
}

/**
 * Everything of a run that carries the answer: the error (message, description, context, Mapp's
 * answer as n8n keeps it) and every item; not the node's own parameters, which n8n attaches to
 * an error and where the user entered the proxy's password.
 */
function readable(result: RunNodeResult): string {
	const shown = (error: Error | undefined) =>
		error && { ...error, node: undefined, message: error.message };
	const items = result.items.map(({ json, error }) => ({ json, error: shown(error) }));
	return JSON.stringify({ error: shown(result.error), items });
}

const echoLine = (headers: IncomingHttpHeaders) =>
	`Access denied. Proxy-Authorization: ${headers['proxy-authorization']}`;

describe('a proxy that answers 407 and echoes Proxy-Authorization', () => {
	it('the echo really holds the credentials (so the test can fail)', async () => {
		const url = await echoingProxy(407, echoLine);
		await through(url, userUpsert);
		expect(proxy?.received[0].headers['proxy-authorization']).toBe(`Basic ${BASE64}`);
	});

	it.each([
		['a single operation', userUpsert],
		['Integration → Ping', { resource: 'integration', operation: 'ping' }],
	])('%s: "The proxy answered 407", the credentials shown as ***', async (_name, parameters) => {
		const url = await echoingProxy(407, echoLine);
		const result = await through(url, parameters);
		expect(result.error?.message).toBe(
			'The proxy answered 407: Access denied. Proxy-Authorization: ***',
		);
		expect(result.error?.description).toContain('Check the user name and password of the proxy');
		expect(readable(result)).not.toContain(BASE64);
		expect(readable(result)).not.toContain(PASSWORD);
		expect(sandbox().requests).toEqual([]);
	});

	it('a single operation with Continue On Fail: each item names the proxy, without credentials', async () => {
		const url = await echoingProxy(407, echoLine);
		const result = await through(url, userUpsert, true);
		expect(result.items.map(({ json }) => json)).toEqual([
			{ error: 'The proxy answered 407: Access denied. Proxy-Authorization: ***' },
			{ error: 'The proxy answered 407: Access denied. Proxy-Authorization: ***' },
		]);
		expect(readable(result)).not.toContain(BASE64);
	});

	it('Batch: not delivered, "the proxy\'s HTTP 407", never the credentials', async () => {
		const url = await echoingProxy(407, echoLine);
		for (const continueOnFail of [false, true]) {
			const result = await through(url, batchUpsert, continueOnFail);
			const text = readable(result);
			expect(text).toContain(
				"the proxy's HTTP 407: Access denied. Proxy-Authorization: *** after 1 attempt",
			);
			expect(text).toContain('not delivered');
			expect(text).not.toContain(BASE64);
			expect(text).not.toContain(PASSWORD);
		}
	});
});

describe('Batch → Send From File through a proxy that answers 407', () => {
	it('stops naming the proxy and the record to resume from, never the credentials', async () => {
		const url = await echoingProxy(407, echoLine);
		const result = await runNode({
			parameters: {
				resource: 'batch',
				operation: 'sendFile',
				eventKind: 'userUpsert',
				eventSource: 'fields',
				...contactFields,
				requestOptions: { proxy: url },
			},
			files: [
				{
					content: 'email,group,firstName,city,score\nanna@example.com,66,Anna,Berlin,1\n',
					fileName: 'contacts.csv',
				},
			],
			credentials: sandboxCredentials(sandbox()),
			retryTimings: FAST_RETRIES,
		});
		expect(result.error?.message).toContain('Set Start at Record to 1 to resume');
		expect(result.error?.description).toContain('Check the user name and password of the proxy');
		expect(readable(result)).not.toContain(BASE64);
		expect(readable(result)).not.toContain(PASSWORD);
	});
});

describe("a proxy's own server error (Proxy-Status) echoing the headers as JSON", () => {
	const echoJson = (headers: IncomingHttpHeaders) =>
		JSON.stringify({ message: 'upstream connect error', request: { headers } });

	it('a single operation: "The proxy answered 502", outcome unknown, no credentials', async () => {
		const url = await echoingProxy(502, echoJson);
		const result = await through(url, userUpsert);
		expect(result.error?.message).toBe(
			'The event may or may not have reached Mapp: The proxy answered 502: upstream connect error',
		);
		expect(readable(result)).not.toContain(BASE64);
	});

	it('Batch, retried and reported: the error keeps the body without the credentials', async () => {
		const url = await echoingProxy(502, echoJson);
		const result = await through(url, { ...batchUpsert, batchOptions: { maxRetries: 1 } });
		expect(result.error?.description).toContain(
			"Batch 1 (items 0-1): the proxy's HTTP 502: upstream connect error after 2 attempts.",
		);
		const text = readable(result);
		expect(text).toContain('"proxy-authorization":"***"');
		expect(text).not.toContain(BASE64);
	});
});
