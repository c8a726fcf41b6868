/**
 * The node's Request Options (Proxy, Ignore SSL Issues, Timeout), which n8n shows on every
 * operation, and n8n's proxy environment variables: honoured by the single operations and by
 * Batch alike, against a real loopback proxy, a self-signed TLS endpoint and a trickling server.
 */
import type { RunNodeOptions } from '../../tooling/harness';
import { runNode as runNodeWith, sandboxCredentials } from '../../tooling/harness';
import { SANDBOX_BASE_PATH } from '../../tooling/sandbox/server';
import type { Loopback } from './loopback';
import { credentialsAt, startProxy, startSelfSignedTls, startTrickle } from './loopback';
import { useSandbox } from './mappConnect';
import { batchUpsert, FAST_RETRIES, userUpsert } from '../../tooling/harness/batch-fixtures';

/** The node with retry waits of milliseconds, so that Batch's retries do not sleep for real. */
const runNode = async (options: RunNodeOptions) =>
	await runNodeWith({ retryTimings: FAST_RETRIES, ...options });

const sandbox = useSandbox();

const contacts = [{ email: 'anna@example.com' }, { email: 'ben@example.com' }];
const OPERATIONS = [
	['a single operation', userUpsert],
	['Batch', batchUpsert],
] as const;

let servers: Loopback[] = [];
afterEach(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
	servers = [];
});
async function started<T extends Loopback>(server: Promise<T>): Promise<T> {
	const running = await server;
	servers.push(running);
	return running;
}

const recordedEmails = () => sandbox().events.map((event) => event.body.email);

describe('Request Options → Proxy', () => {
	it.each(OPERATIONS)('%s sends every request through the proxy', async (_name, parameters) => {
		const proxy = await started(startProxy());
		const result = await runNode({
			parameters: { ...parameters, requestOptions: { proxy: proxy.origin } },
			items: contacts,
			credentials: sandboxCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(recordedEmails().sort()).toEqual(contacts.map(({ email }) => email));
		expect(proxy.received).toHaveLength(sandbox().requests.length);
		expect(proxy.received.every(({ url }) => url.startsWith(sandbox().baseUrl))).toBe(true);
	});

	it('Batch over HTTPS goes through the proxy in a CONNECT tunnel', async () => {
		const proxy = await started(startProxy());
		const tls = await started(startSelfSignedTls(Number(new URL(sandbox().baseUrl).port)));
		const result = await runNode({
			parameters: {
				...batchUpsert,
				requestOptions: { proxy: proxy.origin, allowUnauthorizedCerts: true },
				batchOptions: { maxRetries: 0 },
			},
			items: contacts,
			credentials: sandboxCredentials(sandbox(), { baseUrl: `${tls.origin}${SANDBOX_BASE_PATH}` }),
		});
		expect(proxy.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
			`CONNECT 127.0.0.1:${tls.port}`,
		]);
		// n8n-core's HTTPS proxy agent checks the certificate inside the tunnel even with Ignore SSL
		// Issues on (it keeps that option for the proxy's own connection): so for every n8n node
		// (README, Troubleshooting). The certificate was refused; nothing went out in the clear.
		expect(result.error?.description).toContain(
			'Batch 1 (items 0-1): self-signed certificate after 1 attempt.',
		);
		expect(sandbox().requests).toEqual([]);
	});

	it.each([
		['without a port', 'http://mapp:hunter2@proxy.example', 'has no port'],
		['with a backslash', 'http://mapp:hunter2@proxy.example\\@127.0.0.1:3128', 'holds a backslash'],
		['with a newline', 'http://mapp:hunter2@proxy.example:31\n28', 'holds spaces or control'],
		['starting http:/', 'http:/mapp:hunter2@proxy.example:3128', 'is not an http(s) URL'],
	])(
		'%s: refused before anything is sent, naming the field, never showing the password',
		async (_what, proxy, problem) => {
			for (const [, parameters] of OPERATIONS) {
				const result = await runNode({
					parameters: { ...parameters, requestOptions: { proxy } },
					items: contacts,
					credentials: sandboxCredentials(sandbox()),
				});
				const message = String(result.error?.message);
				expect(message).toMatch(/^'Proxy' of the Request Options \("[^"]*\*\*\*@[^"]*"\) /);
				expect(message).toContain(`${problem}`);
				expect(message).toMatch(/: enter it as http:\/\/host:port/);
				expect(`${message} ${result.error?.description}`).not.toContain('hunter2');
			}
			expect(sandbox().requests).toEqual([]);
		},
	);
});

describe("n8n's proxy environment variables (HTTP_PROXY, as n8n's own HTTP requests honour them)", () => {
	const names = [
		'HTTP_PROXY',
		'http_proxy',
		'NO_PROXY',
		'no_proxy',
		'npm_config_no_proxy',
		'npm_config_proxy',
	];
	let saved: Record<string, string | undefined>;
	beforeEach(() => {
		saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
		for (const name of names) delete process.env[name];
	});
	afterEach(() => {
		for (const name of names) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	});

	it.each(OPERATIONS)('%s sends through the proxy HTTP_PROXY names', async (_name, parameters) => {
		const proxy = await started(startProxy());
		process.env.HTTP_PROXY = proxy.origin;
		const result = await runNode({
			parameters,
			items: contacts,
			credentials: sandboxCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(recordedEmails().sort()).toEqual(contacts.map(({ email }) => email));
		expect(proxy.received).toHaveLength(sandbox().requests.length);
	});
});

describe('Request Options → Ignore SSL Issues', () => {
	async function selfSigned() {
		const tls = await started(startSelfSignedTls(Number(new URL(sandbox().baseUrl).port)));
		return sandboxCredentials(sandbox(), { baseUrl: `${tls.origin}${SANDBOX_BASE_PATH}` });
	}

	it.each(OPERATIONS)(
		'%s refuses a self-signed certificate by default',
		async (_name, parameters) => {
			const result = await runNode({
				parameters: { ...parameters, batchOptions: { maxRetries: 0 } },
				items: contacts,
				credentials: await selfSigned(),
			});
			expect(result.error?.message).toMatch(/not delivered/);
			expect(sandbox().requests).toEqual([]);
		},
	);

	it.each(OPERATIONS)('%s accepts it with Ignore SSL Issues on', async (_name, parameters) => {
		const result = await runNode({
			parameters: { ...parameters, requestOptions: { allowUnauthorizedCerts: true } },
			items: contacts,
			credentials: await selfSigned(),
		});
		expect(result.error).toBeUndefined();
		expect(recordedEmails().sort()).toEqual(contacts.map(({ email }) => email));
	});
});

describe('Request Options → Timeout is a deadline, not an idle timeout', () => {
	/** A server that sends one byte every 200 ms and never finishes its answer. */
	async function trickling() {
		const trickle = await started(startTrickle(200));
		return { trickle, credentials: credentialsAt(trickle.origin) };
	}

	it('a single operation: the event may or may not have arrived, after the Timeout', async () => {
		const { trickle, credentials } = await trickling();
		const started = Date.now();
		const result = await runNode({
			parameters: { ...userUpsert, requestOptions: { timeout: 500 } },
			items: [contacts[0]],
			credentials,
			continueOnFail: true,
		});
		const elapsed = Date.now() - started;
		expect(result.items.map(({ json }) => json)).toEqual([
			{ error: 'The event may or may not have reached Mapp: no answer (timed out)' },
		]);
		expect(trickle.received).toHaveLength(1);
		// without a deadline the answer never ends and the run would hang until the test's timeout
		expect(elapsed).toBeLessThan(5000);
	});

	it('Batch: the chunk counts as "no answer", is retried, then reported as possibly delivered', async () => {
		const { trickle, credentials } = await trickling();
		const started = Date.now();
		const result = await runNode({
			parameters: {
				...batchUpsert,
				requestOptions: { timeout: 500 },
				batchOptions: { maxRetries: 1 },
			},
			items: contacts,
			credentials,
		});
		const elapsed = Date.now() - started;
		expect(result.error?.message).toBe(
			'Batch 1 of 1 failed: items 0-1 may or may not have been delivered',
		);
		expect(result.error?.description).toContain(
			'Batch 1 (items 0-1): no answer (timed out) after 2 attempts.',
		);
		expect(trickle.received).toHaveLength(2);
		expect(elapsed).toBeLessThan(5000);
	});
});

describe('Request Options → Timeout ends the read calls too (one deadline for every call)', () => {
	it.each([
		['Integration → Ping', { resource: 'integration', operation: 'ping' }],
		['Integration → Get Connection', { resource: 'integration', operation: 'getConnection' }],
		['Group → Get Many', { resource: 'group', operation: 'getAll', returnAll: true }],
		['Message → Get Many', { resource: 'message', operation: 'getAll', returnAll: true }],
	])('%s: a trickled answer is cut at the Timeout', async (_name, parameters) => {
		const trickle = await started(startTrickle(200));
		const begun = Date.now();
		const result = await runNode({
			parameters: { ...parameters, requestOptions: { timeout: 500 } },
			items: [{}],
			credentials: credentialsAt(trickle.origin),
			continueOnFail: true,
		});
		const elapsed = Date.now() - begun;
		expect(trickle.received).toHaveLength(1);
		expect(result.items.map(({ json }) => json)).toEqual([
			{ error: 'Mapp Connect gave no complete answer within 0.5 s' },
		]);
		// without a deadline the answer never ends and the run would hang until the test's timeout
		expect(elapsed).toBeLessThan(5000);
	});
});

describe('Request Options → Timeout that no timer can hold', () => {
	it.each([
		['2^31 ms', 2 ** 31, '2147483648'],
		['text', '5000 ms', '"5000 ms"'],
		['a fraction', 0.5, '0.5'],
		['Infinity', Infinity, 'Infinity'],
		['a negative number', -1, '-1'],
	])(
		'%s: refused naming the option, before anything is sent, on every path',
		async (_what, timeout, shown) => {
			const reads = [
				{ resource: 'integration', operation: 'ping' },
				{ resource: 'group', operation: 'getAll', returnAll: true },
			];
			for (const parameters of [userUpsert, batchUpsert, ...reads]) {
				const result = await runNode({
					parameters: { ...parameters, requestOptions: { timeout } },
					items: contacts,
					credentials: sandboxCredentials(sandbox()),
				});
				expect(result.error?.message).toBe(
					`'Timeout' of the Request Options must be a whole number of milliseconds from 1 to 2147483647, not ${shown}`,
				);
			}
			expect(sandbox().requests).toEqual([]);
		},
	);

	it('digits as text are a Timeout: "5000" sends', async () => {
		const result = await runNode({
			parameters: { ...batchUpsert, requestOptions: { timeout: '5000' } },
			items: contacts,
			credentials: sandboxCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(recordedEmails().sort()).toEqual(contacts.map(({ email }) => email));
	});

	it("a Batch Interval no timer can hold is refused too, naming n8n's label", async () => {
		const result = await runNode({
			parameters: {
				...userUpsert,
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 2 ** 31 } } },
			},
			items: contacts,
			credentials: sandboxCredentials(sandbox()),
		});
		expect(result.error?.message).toBe(
			"'Batch Interval (ms)' of the Request Options' Batching must be a whole number of milliseconds from 1 to 2147483647, not 2147483648",
		);
		expect(sandbox().requests).toEqual([]);
	});
});
