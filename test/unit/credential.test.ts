import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import {
	API_PATHS,
	CUSTOM_SYSTEM,
	INTEGRATION_BASE_URL_EXPRESSION,
	MAPP_SYSTEMS,
	endpointUrl,
	integrationBaseUrl,
	integrationPath,
} from '../../nodes/MappConnect/shared/api';
import { requestHash } from '../../nodes/MappConnect/shared/signing';
import { verifyToken } from '../../tooling/sandbox';

const ID = '11111111-2222-3333-4444-555555555555';
const EU = 'https://jamie.g.shortest-route.com/charon/api/v1';
const credentials = { system: 'euL3', integrationId: ID, secret: 'mysecret' };
const credential = new MappConnectApi();

/** What a request sends, as the server sees it. */
function wire(signed: IHttpRequestOptions & { uri?: string }) {
	const url = new URL(String(signed.url ?? signed.uri));
	const body = typeof signed.body === 'string' ? signed.body : '';
	const token = String((signed.headers ?? {})['auth-token']);
	return { url, body, token, hash: requestHash(url.pathname, body, url.search.slice(1)) };
}

function claimsOf(token: string): { 'request-hash': string; exp: number } {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

afterEach(() => jest.restoreAllMocks());

describe('the credential properties', () => {
	it('keeps the public property names', () => {
		expect(credential.name).toBe('mappConnectApi');
		expect(credential.properties.map((property) => property.name)).toEqual([
			'system',
			'baseUrl',
			'integrationId',
			'secret',
			'testNotice',
		]);
	});

	it('offers every Mapp system and Custom, EU (L3) by default', () => {
		const system = credential.properties.find((property) => property.name === 'system');
		expect(system?.default).toBe('euL3');
		expect(
			system?.options?.map((option) => ('value' in option ? option.value : undefined)),
		).toEqual([...MAPP_SYSTEMS.map(({ value }) => value), CUSTOM_SYSTEM]);
	});

	it('shows the base URL only for Custom and hides the secret', () => {
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(byName.baseUrl.displayOptions).toEqual({ show: { system: [CUSTOM_SYSTEM] } });
		expect(byName.secret.typeOptions?.password).toBe(true);
	});
});

describe('authenticate', () => {
	it("signs the node's request shape exactly as the test vector", async () => {
		jest.spyOn(Date, 'now').mockReturnValue((1700000000 - 300) * 1000);
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: EU,
			url: integrationPath(ID, API_PATHS.event),
			qs: { subtype: 'user' },
			body: { email: 'user@example.com', group: '123' },
		});
		expect(signed.url).toBe(`${EU}/integration/${ID}/event?subtype=user`);
		expect(signed.body).toBe('{"email":"user@example.com","group":"123"}');
		expect(signed.qs).toBeUndefined();
		expect(signed.baseURL).toBeUndefined();
		expect(signed.headers).toEqual({
			'auth-token':
				'eyJhbGciOiJIUzI1NiJ9.eyJyZXF1ZXN0LWhhc2giOiIwMzQ0MTc4NjliZjdhNDhkYmNjZWViZTRlZjNkNmVjYTc2ZDRiNzJlIiwiZXhwIjoxNzAwMDAwMDAwfQ.at6XyfO8lXFFyQYWIP_WA3k4iECE9iiwVr8qrRep0Ek',
			'content-type': 'application/json',
		});
	});

	it("signs the HTTP Request node's shape: absolute URL, qs object, body object", async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			url: `${EU}/integration/${ID}/event?subtype=user`,
			qs: { note: 'a b&c=d+e', tags: ['x', 'y'] },
			body: { email: 'zoë@example.com' },
			headers: { 'Content-Type': 'text/plain', Accept: 'application/json' },
		});
		const { url, body, token, hash } = wire(signed);
		expect(url.pathname).toBe(`/charon/api/v1/integration/${ID}/event`);
		expect(url.search).toBe('?subtype=user&note=a+b%26c%3Dd%2Be&tags=x&tags=y');
		expect(body).toBe('{"email":"zoë@example.com"}');
		expect(signed.headers).toEqual({
			Accept: 'application/json',
			'content-type': 'application/json',
			'auth-token': token,
		});
		expect(verifyToken(token, 'mysecret', hash)).toBeUndefined();
	});

	it('sends a JSON string body as it is, trimmed as the HTTP layer sends it', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			url: `${EU}/integration/${ID}/event`,
			qs: { subtype: 'user' },
			body: '\n {"email": "user@example.com",  "group":"123"} \n',
		});
		const { body, token, hash } = wire(signed);
		expect(body).toBe('{"email": "user@example.com",  "group":"123"}');
		expect(verifyToken(token, 'mysecret', hash)).toBeUndefined();
	});

	it('refuses a string body that is not JSON, naming neither secret nor token', async () => {
		const attempt = credential.authenticate(credentials, {
			method: 'POST',
			url: `${EU}/integration/${ID}/event`,
			body: 'email=user@example.com',
		});
		await expect(attempt).rejects.toThrow(/not valid JSON/);
		await expect(attempt).rejects.not.toThrow(/mysecret/);
	});

	it('signs a GET without query as the path alone, and sends no body', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'GET',
			baseURL: EU,
			url: integrationPath(ID, API_PATHS.ping),
			body: {},
		});
		expect(signed.url).toBe(`${EU}/integration/${ID}/ping`);
		expect(signed.body).toBeUndefined();
		expect(signed.headers).not.toHaveProperty('content-type');
		const expected = createHash('sha1').update(`/api/v1/integration/${ID}/ping`).digest('hex');
		expect(expected).toBe('35cd25b39c61a428c34ad27fda972e628dc97a86');
		expect(claimsOf(String(signed.headers?.['auth-token']))['request-hash']).toBe(expected);
	});

	it('signs a GET with a query as path|query', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'GET',
			baseURL: `${EU}/`,
			url: integrationPath(ID, API_PATHS.messageHistory),
			qs: { userEmail: 'user@example.com', numberOfRows: 10, offset: 0 },
		});
		expect(signed.url).toBe(
			`${EU}/integration/${ID}/message/history?userEmail=user%40example.com&numberOfRows=10&offset=0`,
		);
		const expected = createHash('sha1')
			.update(
				`/api/v1/integration/${ID}/message/history|userEmail=user%40example.com&numberOfRows=10&offset=0`,
			)
			.digest('hex');
		expect(claimsOf(String(signed.headers?.['auth-token']))['request-hash']).toBe(expected);
	});

	it('signs the legacy request shape of the HTTP Request node (uri, json: true)', async () => {
		const legacy = {
			method: 'POST',
			uri: `${EU}/integration/${ID}/event`,
			qs: { subtype: 'user' },
			body: { a: 1 },
			json: true,
		};
		const signed = (await credential.authenticate(
			credentials,
			legacy as unknown as IHttpRequestOptions,
		)) as IHttpRequestOptions & {
			uri?: string;
		};
		expect(signed.uri).toBe(`${EU}/integration/${ID}/event?subtype=user`);
		expect(signed.url).toBeUndefined();
		expect(signed.body).toBe('{"a":1}');
		expect(signed.json).toBe(true);
	});

	it("signs a body of bytes (the package's own transport) over those bytes and sends them as they are", async () => {
		const bytes = Buffer.from('[{"email":"zoë@example.com"}]', 'utf8');
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: EU,
			url: integrationPath(ID, API_PATHS.batch),
			qs: { subtype: 'user' },
			body: bytes as unknown as IDataObject,
		});
		expect(signed.body).toBe(bytes);
		expect(signed.headers?.['content-type']).toBe('application/json');
		const expected = createHash('sha1')
			.update(
				`/api/v1/integration/${ID}/${API_PATHS.batch}|[{"email":"zoë@example.com"}]|subtype=user`,
			)
			.digest('hex');
		expect(claimsOf(String(signed.headers?.['auth-token']))['request-hash']).toBe(expected);
	});

	it('sends no body and no content type for an empty body of bytes', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: EU,
			url: integrationPath(ID, API_PATHS.batch),
			body: Buffer.alloc(0) as unknown as IDataObject,
		});
		expect(signed.body).toBeUndefined();
		expect(signed.headers?.['content-type']).toBeUndefined();
	});

	it('signs its own result again to the same bytes (n8n re-authenticates after a 401)', async () => {
		const first = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: EU,
			url: integrationPath(ID, API_PATHS.batch),
			qs: { subtype: 'user' },
			body: [{ email: 'a@example.com' }] as unknown as IDataObject,
		});
		const again = await credential.authenticate(credentials, { ...first });
		expect(again.url).toBe(first.url);
		expect(again.body).toBe('[{"email":"a@example.com"}]');
		expect(claimsOf(String(again.headers?.['auth-token']))['request-hash']).toBe(wire(first).hash);
	});

	it('gives a token that expires a few minutes ahead, in seconds', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_500);
		const signed = await credential.authenticate(credentials, {
			method: 'GET',
			url: `${EU}/integration/${ID}/ping`,
		});
		expect(claimsOf(String(signed.headers?.['auth-token'])).exp).toBe(1_700_000_300);
	});

	it('names the Base URL when the request cannot be sent anywhere', async () => {
		const attempt = credential.authenticate(
			{ ...credentials, system: CUSTOM_SYSTEM, baseUrl: '' },
			{ method: 'GET', baseURL: '', url: integrationPath(ID, API_PATHS.ping) },
		);
		await expect(attempt).rejects.toThrow(/Base URL/);
	});
});

describe("integrationBaseUrl: the checked URL of the credential's integration", () => {
	it.each(MAPP_SYSTEMS.map(({ value, baseUrl }) => [value, baseUrl]))(
		'is the base URL of %s with the integration',
		(system, baseUrl) => {
			expect(integrationBaseUrl({ system, integrationId: ID, secret: 's' })).toBe(
				`${baseUrl}/integration/${ID}`,
			);
		},
	);

	it.each([
		['http://127.0.0.1:5690/charon/api/v1', 'http://127.0.0.1:5690/charon/api/v1'],
		['https://proxy.example.com/mapp/api/v1//', 'https://proxy.example.com/mapp/api/v1'],
		['https://proxy.example.com/api/v2/', 'https://proxy.example.com/api/v2'],
	])('takes the Custom base URL %s without trailing slashes', (baseUrl, expected) => {
		expect(integrationBaseUrl({ system: CUSTOM_SYSTEM, baseUrl, integrationId: 'A_b-9' })).toBe(
			`${expected}/integration/A_b-9`,
		);
	});

	it.each([
		['.', /^Integration ID may hold only letters, digits, "-" and "_"/],
		['..', /^Integration ID may hold only letters/],
		['%2e%2e', /^Integration ID may hold only letters/],
		['a/b', /^Integration ID may hold only letters/],
		['a?b', /^Integration ID may hold only letters/],
		['a#b', /^Integration ID may hold only letters/],
		[` ${ID}`, /^Integration ID may hold only letters/],
		[`${ID}\n`, /^Integration ID may hold only letters/],
		['', /^Integration ID is empty/],
		[undefined, /^Integration ID is empty/],
		[42, /^Integration ID is empty/],
	])('refuses the Integration ID %j, naming the field', (integrationId, message) => {
		expect(() =>
			integrationBaseUrl({ system: 'euL3', integrationId } as ICredentialDataDecryptedObject),
		).toThrow(message);
	});

	it.each([
		[
			'http://127.0.0.1:5690/charon/api/v1#frag',
			/^Base URL must not hold a query \("\?…"\) or fragment \("#…"\)/,
		],
		['http://127.0.0.1:5690/charon/api/v1#', /^Base URL must not hold a query/],
		['http://127.0.0.1:5690/charon/api/v1?x=1', /^Base URL must not hold a query/],
		['http://127.0.0.1:5690/charon/api/v1?', /^Base URL must not hold a query/],
		[' http://127.0.0.1:5690/charon/api/v1', /^Base URL has spaces before or after it/],
		['http://127.0.0.1:5690/charon/api/v1\t', /^Base URL has spaces before or after it/],
		['', /^Base URL is empty/],
		[undefined, /^Base URL is empty/],
		['127.0.0.1:5690/charon/api/v1', /^Base URL is not an http\(s\) URL/],
		['file:///charon/api/v1', /^Base URL is not an http\(s\) URL/],
		[
			'http://user:pw@127.0.0.1:5690/charon/api/v1',
			/^Base URL must not hold a user name or password/,
		],
		['http://127.0.0.1:5690/charon', /^Base URL must end in \/api\/v1/],
		['http://127.0.0.1:5690/charon/api/v1/..', /^Base URL must end in \/api\/v1/],
	])('refuses the Custom Base URL %j, naming the field', (baseUrl, message) => {
		expect(() =>
			integrationBaseUrl({
				system: CUSTOM_SYSTEM,
				baseUrl,
				integrationId: ID,
			} as ICredentialDataDecryptedObject),
		).toThrow(message);
	});

	it('refuses a System it does not know, naming the field', () => {
		expect(() => integrationBaseUrl({ system: 'moon', integrationId: ID })).toThrow(
			/^System is not one this node knows/,
		);
	});

	it('never repeats the secret or a password of the Base URL', () => {
		const attempt = () =>
			integrationBaseUrl({
				system: CUSTOM_SYSTEM,
				baseUrl: 'http://u:hunter2@h/api/v1',
				integrationId: ID,
				secret: 'mysecret',
			});
		expect(attempt).toThrow(/Base URL/);
		expect(attempt).not.toThrow(/hunter2|mysecret/);
	});

	it('is what authenticate checks: a request signed with a misrouting credential is refused', async () => {
		const attempt = credential.authenticate(
			{ ...credentials, integrationId: '..' },
			{ method: 'GET', url: `${EU}/integration/x/ping` },
		);
		await expect(attempt).rejects.toThrow(/^Integration ID may hold only letters/);
	});
});

describe("the node's base URL expression (requestDefaults)", () => {
	const nodeType: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
		getKnownTypes: () => ({}),
	};
	const node = {
		id: '1',
		name: 'Probe',
		type: 'probe',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolve = (expression: unknown, $credentials: IDataObject) =>
		workflow.expression.getParameterValue(
			expression as string,
			null,
			0,
			0,
			'Probe',
			[],
			'internal',
			{ $credentials },
		);

	it.each([...MAPP_SYSTEMS.map(({ value }) => value), CUSTOM_SYSTEM])(
		'sends to the integration of system %s at the URL integrationBaseUrl checked',
		(system) => {
			const data = {
				system,
				baseUrl: 'http://127.0.0.1:5690/charon/api/v1/',
				integrationId: ID,
				secret: 's',
			};
			expect(
				`${resolve(INTEGRATION_BASE_URL_EXPRESSION, data)}${endpointUrl(API_PATHS.ping)}`,
			).toBe(`${integrationBaseUrl(data)}/${API_PATHS.ping}`);
		},
	);
});
