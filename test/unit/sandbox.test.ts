import 'reflect-metadata';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import {
	httpRequest,
	proxyRequestToAxios,
} from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import {
	API_PATHS,
	MAX_EVENTS_PER_BATCH,
	integrationPath,
	type ApiPath,
} from '../../nodes/MappConnect/shared/api';
import { nowInSeconds, requestHash, signToken } from '../../nodes/MappConnect/shared/signing';
import { sandboxCredentials } from '../../tooling/harness';
import { startSandbox, type Sandbox } from '../../tooling/sandbox';
import fixtures from '../../tooling/sandbox/fixtures.json';

/** The options of n8n's older request path, which the HTTP Request node still takes. */
type LegacyRequestOptions = Exclude<Parameters<typeof proxyRequestToAxios>[3], string>;

const credential = new MappConnectApi();
let sandbox: Sandbox;
/** Every token the tests signed, to prove that none of them leaks into answers or recordings. */
const tokens: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
afterEach(() => {
	jest.restoreAllMocks();
	sandbox.reset();
});

const credentials = (overrides: ICredentialDataDecryptedObject = {}) =>
	sandboxCredentials(sandbox, overrides);

interface Call {
	method?: 'GET' | 'POST';
	path: ApiPath;
	qs?: IDataObject;
	body?: unknown;
}

/** Signs a request through the credential, the way the node's requests go in. */
async function sign(
	{ method = 'GET', path, qs, body }: Call,
	overrides: ICredentialDataDecryptedObject = {},
): Promise<IHttpRequestOptions> {
	const signed = await credential.authenticate(credentials(overrides), {
		method,
		baseURL: sandbox.baseUrl,
		url: integrationPath(String(overrides.integrationId ?? sandbox.integrationId), path),
		qs,
		body: body as IDataObject,
	});
	tokens.push(String(signed.headers?.['auth-token']));
	return signed;
}

/** Sends a signed request exactly as `authenticate` left it. */
async function send(signed: IHttpRequestOptions) {
	const response = await fetch(signed.url, {
		method: signed.method,
		headers: signed.headers as Record<string, string>,
		body: signed.body as string | undefined,
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: text ? JSON.parse(text) : undefined,
	};
}

const call = async (request: Call, overrides: ICredentialDataDecryptedObject = {}) =>
	await send(await sign(request, overrides));
const event = (body: unknown, subtype = 'user'): Call => ({
	method: 'POST',
	path: API_PATHS.event,
	qs: { subtype },
	body,
});
const batch = (events: unknown, subtype = 'user'): Call => ({
	method: 'POST',
	path: API_PATHS.batch,
	qs: { subtype },
	body: events,
});

function expectNoSecretIn(text: string) {
	expect(text).not.toContain(sandbox.secret);
	for (const token of tokens) {
		expect(text).not.toContain(token);
		expect(text).not.toContain(token.split('.')[2]);
	}
}

describe('signed requests', () => {
	it('accepts a ping signed by the credential', async () => {
		const answer = await call({ path: API_PATHS.ping });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ pong: true, integrationId: sandbox.integrationId });
		expect(sandbox.baseUrl).toMatch(/\/charon\/api\/v1$/);
	});

	it('accepts and records a signed event', async () => {
		const answer = await call(event({ email: 'zoë@example.com', group: '101' }));
		expect(answer.status).toBe(200);
		expect(sandbox.events).toEqual([
			{
				seq: 1,
				subtype: 'user',
				body: { email: 'zoë@example.com', group: '101' },
				requestSeq: 1,
				batch: false,
			},
		]);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			query: 'subtype=user',
			status: 200,
		});
	});

	describe('refuses with 401, recording nothing', () => {
		const expectRefused = async (answer: Awaited<ReturnType<typeof send>>, reason: RegExp) => {
			expect(answer.status).toBe(401);
			expect(answer.json.message).toMatch(reason);
			expect(sandbox.eventCount).toBe(0);
			expectNoSecretIn(answer.text);
		};

		it('the same request with one byte of the body changed', async () => {
			const signed = await sign(event({ email: 'user@example.com', group: '101' }));
			const tampered = String(signed.body).replace('101', '102');
			await expectRefused(await send({ ...signed, body: tampered }), /request-hash/);
		});

		it('the same request with the query changed', async () => {
			const signed = await sign(event({ email: 'user@example.com' }));
			await expectRefused(
				await send({ ...signed, url: signed.url.replace('subtype=user', 'subtype=email') }),
				/request-hash/,
			);
		});

		it('a request signed with the wrong secret', async () => {
			await expectRefused(
				await call(event({ email: 'user@example.com' }), { secret: 'wrong-secret' }),
				/signature/,
			);
		});

		it('an expired token', async () => {
			jest.spyOn(Date, 'now').mockReturnValue(Date.now() - 301_000);
			const signed = await sign(event({ email: 'user@example.com' }));
			jest.restoreAllMocks();
			await expectRefused(await send(signed), /expired/i);
		});

		it('a request without a token', async () => {
			const signed = await sign({ path: API_PATHS.ping });
			await expectRefused(await send({ ...signed, headers: {} }), /missing/i);
		});

		it('a malformed token', async () => {
			const signed = await sign({ path: API_PATHS.ping });
			await expectRefused(
				await send({ ...signed, headers: { 'auth-token': 'abc.def' } }),
				/malformed/i,
			);
		});
	});

	it('answers 404 with a message for an unknown integration ID', async () => {
		const answer = await call({ path: API_PATHS.ping }, { integrationId: 'not-this-one' });
		expect(answer.status).toBe(404);
		expect(answer.json.message).toMatch(/integration/i);
	});
});

describe("n8n's HTTP layers send the signed bytes unchanged", () => {
	const awkward = { subtype: 'user', note: 'a b&c=d+e/ü', list: ['x', 'y'] };

	it('httpRequest (declarative nodes, httpRequestWithAuthentication)', async () => {
		const signed = await sign({
			method: 'POST',
			path: API_PATHS.event,
			qs: awkward,
			body: { email: 'zoë@example.com' },
		});
		const response = (await httpRequest({
			...signed,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as {
			statusCode: number;
		};
		expect(response.statusCode).toBe(200);
		expect(sandbox.events.map((recorded) => recorded.body)).toEqual([{ email: 'zoë@example.com' }]);
	});

	it("proxyRequestToAxios (the HTTP Request node's requestWithAuthentication), string body with json: true", async () => {
		const signed = await credential.authenticate(credentials(), {
			method: 'POST',
			uri: `${sandbox.baseUrl}/integration/${sandbox.integrationId}/${API_PATHS.batch}`,
			qs: awkward,
			body: '  [{"email":"a@example.com"}, {"email":"b@example.com"}]\n',
			json: true,
		} as unknown as IHttpRequestOptions);
		const response = await proxyRequestToAxios(undefined, undefined, undefined, {
			...(signed as unknown as LegacyRequestOptions),
			resolveWithFullResponse: true,
			simple: false,
		});
		expect(response.statusCode).toBe(200);
		expect(sandbox.events.map((recorded) => recorded.body)).toEqual([
			{ email: 'a@example.com' },
			{ email: 'b@example.com' },
		]);
	});

	it('httpRequest with a GET and a query', async () => {
		const signed = await sign({
			path: API_PATHS.messageHistory,
			qs: { userEmail: 'anna@example.com', numberOfRows: 3 },
		});
		const response = (await httpRequest({ ...signed, json: true })) as { historyItems: unknown[] };
		expect(response.historyItems).toHaveLength(3);
	});
});

describe('events', () => {
	it('records single and batch events in arrival order', async () => {
		await call(event({ email: 'a@example.com' }));
		await call(batch([{ sku: '1' }, { sku: '2' }], 'product'));
		await call(event({ orderId: '9' }, 'transaction'));
		expect(
			sandbox.events.map(({ seq, subtype, requestSeq, batch: inBatch }) => [
				seq,
				subtype,
				requestSeq,
				inBatch,
			]),
		).toEqual([
			[1, 'user', 1, false],
			[2, 'product', 2, true],
			[3, 'product', 2, true],
			[4, 'transaction', 3, false],
		]);
		expect(sandbox.eventCount).toBe(4);
	});

	it(`refuses a batch of more than ${MAX_EVENTS_PER_BATCH} events whole, and takes ${MAX_EVENTS_PER_BATCH}`, async () => {
		const events = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, index) => ({
			email: `u${index}@example.com`,
		}));
		const refused = await call(batch(events));
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(String(MAX_EVENTS_PER_BATCH));
		expect(sandbox.eventCount).toBe(0);
		expect((await call(batch(events.slice(1)))).status).toBe(200);
		expect(sandbox.eventCount).toBe(MAX_EVENTS_PER_BATCH);
	});

	it.each([
		['an event that is not an object', event('[1, 2]'), /object/],
		['a batch that is not an array', batch({ email: 'a@example.com' }), /array/],
		['a batch with an event that is not an object', batch('[{"a":"1"}, "b"]'), /Event 1/],
		[
			'an event without subtype',
			{ method: 'POST', path: API_PATHS.event, body: { a: '1' } } as Call,
			/subtype/,
		],
	])('answers 400 to %s and records nothing', async (_case, request, message) => {
		const answer = await call(request);
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(message);
		expect(sandbox.eventCount).toBe(0);
	});

	it('answers 400 to a body that is not JSON (signed by hand: the credential refuses to send one)', async () => {
		const path = `${new URL(sandbox.baseUrl).pathname}${integrationPath(sandbox.integrationId, API_PATHS.event)}`;
		const body = '{"email": ';
		const token = signToken(
			sandbox.secret,
			requestHash(path, body, 'subtype=user'),
			nowInSeconds() + 60,
		);
		tokens.push(token);
		const answer = await send({
			method: 'POST',
			url: `${new URL(sandbox.baseUrl).origin}${path}?subtype=user`,
			headers: { 'auth-token': token, 'content-type': 'application/json' },
			body,
		});
		expect([answer.status, answer.json.message]).toEqual([400, 'The body is not JSON']);
		expect(sandbox.eventCount).toBe(0);
	});

	it('keeps only the count when recordBodies is false', async () => {
		const counting = await startSandbox({
			recordBodies: false,
			integrationId: 'counting',
			secret: 'counting-secret',
		});
		try {
			const signed = await credential.authenticate(
				{
					system: 'custom',
					baseUrl: counting.baseUrl,
					integrationId: 'counting',
					secret: 'counting-secret',
				},
				{
					method: 'POST',
					url: `${counting.baseUrl}/integration/counting/event/batch`,
					qs: { subtype: 'user' },
					body: [{ a: '1' }, { a: '2' }] as unknown as IDataObject,
				},
			);
			expect((await send(signed)).status).toBe(200);
			expect(counting.eventCount).toBe(2);
			expect(counting.events).toEqual([]);
			expect(counting.requests[0].body).toBe('');
		} finally {
			await counting.close();
		}
	});
});

describe('lists', () => {
	it.each([
		[API_PATHS.groups, fixtures.groups],
		[API_PATHS.emailMessages, fixtures.emailMessages],
		[API_PATHS.smsMessages, fixtures.smsMessages],
		[API_PATHS.pushMessages, fixtures.pushMessages],
		[API_PATHS.mobileApps, fixtures.mobileApps],
	])('answers GET %s with the fixture', async (path, expected) => {
		expect((await call({ path })).json).toEqual(expected);
	});

	it('has two groups of the same name', () => {
		const names = Object.values(fixtures.groups);
		expect(new Set(names).size).toBeLessThan(names.length);
	});

	it('pages the message history with numberOfRows and offset', async () => {
		const all = fixtures.messageHistory['anna@example.com'];
		const page = async (offset: number) =>
			(
				await call({
					path: API_PATHS.messageHistory,
					qs: { userEmail: 'anna@example.com', numberOfRows: 10, offset },
				})
			).json.historyItems;
		const pages = [await page(0), await page(10), await page(20), await page(30)];
		expect(pages.map((rows) => rows.length)).toEqual([10, 10, 5, 0]);
		expect(pages.flat()).toEqual(all);
	});

	it('creates groups through genericgroup until reset', async () => {
		const created = await call({
			method: 'POST',
			path: API_PATHS.createGroups,
			body: { groupNames: ['Fresh', 'VIP customers'] },
		});
		expect(created.json).toEqual({ groupNamesAndIds: { Fresh: 105, 'VIP customers': 102 } });
		expect((await call({ path: API_PATHS.groups })).json).toMatchObject({ '105': 'Fresh' });
		sandbox.reset();
		expect((await call({ path: API_PATHS.groups })).json).toEqual(fixtures.groups);
	});
});

describe('connect', () => {
	const connect = (body?: unknown): Call => ({ method: 'POST', path: API_PATHS.connect, body });

	it('answers a POST of a JSON object with an object, as Mapp answers its clients', async () => {
		const answer = await call(connect({ params: { shopUrl: 'https://shop.example.com' } }));
		expect([answer.status, answer.json]).toEqual([
			200,
			{ integrationId: sandbox.integrationId, connected: true, configured: ['params'] },
		]);
		expect(sandbox.requests.map(({ method, body }) => [method, body])).toEqual([
			['POST', '{"params":{"shopUrl":"https://shop.example.com"}}'],
		]);
	});

	it.each([
		['no body', undefined],
		['a list', [{ params: {} }]],
	])('refuses a POST with %s: every Mapp client sends a JSON object', async (_, body) => {
		const answer = await call(connect(body));
		expect([answer.status, answer.json]).toEqual([
			400,
			{ message: 'The body must be a JSON object' },
		]);
	});

	it('answers a GET as it always has, for saved workflows', async () => {
		const answer = await call({ path: API_PATHS.connect });
		expect([answer.status, answer.json]).toEqual([
			200,
			{ integrationId: sandbox.integrationId, connected: true },
		]);
	});
});

describe('fault injection', () => {
	it("'before' answers the fault and records nothing; the next request goes through", async () => {
		sandbox.injectFault({ kind: 'status503', count: 1 });
		expect((await call(event({ a: '1' }))).status).toBe(503);
		expect(sandbox.eventCount).toBe(0);
		expect((await call(event({ a: '2' }))).status).toBe(200);
		expect(sandbox.events.map((recorded) => recorded.body)).toEqual([{ a: '2' }]);
		expect(sandbox.requests.map(({ status, fault }) => [status, fault])).toEqual([
			[503, 'status503'],
			[200, undefined],
		]);
	});

	it("'after' records the events, then answers the fault", async () => {
		sandbox.injectFault({ kind: 'status500', when: 'after' });
		expect((await call(batch([{ a: '1' }, { a: '2' }]))).status).toBe(500);
		expect(sandbox.eventCount).toBe(2);
	});

	it('answers 429 with Retry-After, and Engage throttling as 500 "Database Access Limit Exceeded"', async () => {
		sandbox.injectFault({ kind: 'status429', retryAfterSeconds: 7 });
		sandbox.injectFault({ kind: 'status500dbLimit' });
		const throttled = await call(event({ a: '1' }));
		expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
		const limited = await call(event({ a: '1' }));
		expect([limited.status, limited.json]).toEqual([
			500,
			{ message: 'Database Access Limit Exceeded' },
		]);
	});

	it('drops the connection, before or after recording', async () => {
		sandbox.injectFault({ kind: 'drop' });
		await expect(call(event({ a: '1' }))).rejects.toThrow();
		expect(sandbox.eventCount).toBe(0);
		sandbox.injectFault({ kind: 'drop', when: 'after' });
		await expect(call(event({ a: '2' }))).rejects.toThrow();
		expect(sandbox.eventCount).toBe(1);
	});

	it('delays the answer', async () => {
		sandbox.injectFault({ kind: 'delay', delayMs: 150 });
		const started = Date.now();
		expect((await call({ path: API_PATHS.ping })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('applies only to matching paths, and a share picks the same requests for the same seed', async () => {
		const pattern = async () => {
			sandbox.reset();
			sandbox.injectFault({ kind: 'status502', share: 0.5, seed: 42, pathIncludes: 'event/batch' });
			expect((await call(event({ a: '1' }))).status).toBe(200);
			const statuses: number[] = [];
			for (let index = 0; index < 12; index += 1)
				statuses.push((await call(batch([{ a: '1' }]))).status);
			return statuses;
		};
		const first = await pattern();
		expect(first).toContain(502);
		expect(first).toContain(200);
		expect(await pattern()).toEqual(first);
	});
});

describe('control endpoints over HTTP', () => {
	it('injects faults, lists events and resets', async () => {
		const origin = new URL(sandbox.baseUrl).origin;
		const injected = await fetch(`${origin}/__sandbox/faults`, {
			method: 'POST',
			body: JSON.stringify({ kind: 'status503' }),
		});
		expect(injected.status).toBe(204);
		expect((await call(event({ a: '1' }))).status).toBe(503);
		await call(event({ a: '2' }));
		const listed = await (await fetch(`${origin}/__sandbox/events`)).json();
		expect(listed).toMatchObject({
			eventCount: 1,
			events: [{ subtype: 'user', body: { a: '2' } }],
		});
		expect(
			(await fetch(`${origin}/__sandbox/faults`, { method: 'POST', body: '{"kind":"boom"}' }))
				.status,
		).toBe(400);
		expect((await fetch(`${origin}/__sandbox/reset`, { method: 'POST' })).status).toBe(204);
		expect(sandbox.eventCount).toBe(0);
	});
});

describe('nothing leaks the secret or a token', () => {
	it('in the recorded requests and events', async () => {
		await call(event({ a: '1' }));
		await call(event({ a: '1' }), { secret: 'wrong-secret' });
		expect(tokens.length).toBeGreaterThan(1);
		expectNoSecretIn(JSON.stringify({ requests: sandbox.requests, events: sandbox.events }));
	});
});
