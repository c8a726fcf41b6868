import type { INodeParameters } from 'n8n-workflow';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const connect: INodeParameters = {
	resource: 'integration',
	operation: 'connect',
	configuration: '={{ $json.configuration }}',
};

describe('Integration → Connect', () => {
	it("POSTs the configuration as entered to …/connect and outputs Mapp's answer", async () => {
		const configuration = '{"params":{"shopUrl":"https://shop.example.com","groupId":"101"}}';
		const result = await run(sandbox(), {
			resource: 'integration',
			operation: 'connect',
			configuration,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'POST',
				path: `/integration/${sandbox().integrationId}/connect`,
				query: '',
				body: JSON.parse(configuration),
				status: 200,
			},
		]);
		// compact JSON goes out byte for byte (other spacing is sent compacted)
		expect(sandbox().requests[0].body).toBe(configuration);
		expect(result.items).toEqual([
			{
				json: { integrationId: sandbox().integrationId, connected: true, configured: ['params'] },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends an object an expression gives, one request per item, each answer paired to its item', async () => {
		const configurations = [
			{ createDefaultGroups: true, groupNamesToBeCreated: ['Customers', 'Subscribers'] },
			{},
		];
		const result = await run(sandbox(), connect, {
			items: configurations.map((configuration) => ({ configuration })),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map(({ method, body }) => [method, body])).toEqual(
			configurations.map((configuration) => ['POST', JSON.stringify(configuration)]),
		);
		expect(result.items.map(({ json, pairedItem }) => [json.configured, pairedItem])).toEqual([
			[['createDefaultGroups', 'groupNamesToBeCreated'], { item: 0 }],
			[[], { item: 1 }],
		]);
	});

	it.each([
		[
			'text that is not JSON',
			'{"params": {',
			`'Configuration (JSON)' is not valid JSON: it ends before it is complete [item 1]`,
		],
		[
			'a JSON list',
			'[{"params": {}}]',
			`'Configuration (JSON)' must be a JSON object, like {"name": "value"} [item 1]`,
		],
		['a number', 42, `'Configuration (JSON)' must be a JSON object [item 1]`],
		['nothing', '', `'Configuration (JSON)' is required: a JSON object, or {} [item 1]`],
	])(
		'refuses %s in item 1, naming the item and the field, before any request',
		async (_, bad, message) => {
			const result = await run(sandbox(), connect, {
				items: [{ configuration: { params: {} } }, { configuration: bad }],
			});
			expect(result.error?.message).toMatch(message);
			expect(sandbox().requests).toEqual([]);
		},
	);

	it('with Continue On Fail, connects with the valid items and outputs an error item for the other', async () => {
		const result = await run(sandbox(), connect, {
			items: [
				{ configuration: { a: '1' } },
				{ configuration: 'not JSON' },
				{ configuration: { b: '2' } },
			],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map(({ body }) => body)).toEqual(['{"a":"1"}', '{"b":"2"}']);
		expect(
			result.items.map(({ json, pairedItem }) => [json.configured ?? json.error, pairedItem]),
		).toEqual([
			[['a'], { item: 0 }],
			[
				`'Configuration (JSON)' is not valid JSON: it breaks at line 1, column 1 [item 1]`,
				{ item: 1 },
			],
			[['b'], { item: 2 }],
		]);
	});

	it('does not resend a request that got no answer, stops there and says which items Mapp did not get', async () => {
		sandbox().injectFault({ kind: 'drop', when: 'after', count: 1 });
		const result = await run(sandbox(), connect, {
			items: [{ configuration: { a: '1' } }, { configuration: { b: '2' } }],
		});
		expect(sandbox().requests.map(({ body }) => body)).toEqual(['{"a":"1"}']);
		expect(result.error?.message).toMatch(/^The configuration may or may not have reached Mapp: /);
		expect(result.error?.description).toContain(
			"Check the integration's status and settings in Mapp Engage",
		);
		expect(result.error?.description).toContain('Not delivered: items 1.');
	});
});

describe('Integration → Ping and Get Connection', () => {
	it("Ping: GET …/ping, Mapp's answer as it came", async () => {
		const result = await run(sandbox(), { resource: 'integration', operation: 'ping' });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'GET',
				path: `/integration/${sandbox().integrationId}/ping`,
				query: '',
				body: undefined,
				status: 200,
			},
		]);
		expect(result.items).toEqual([
			{
				json: { pong: true, integrationId: sandbox().integrationId, timestamp: expect.any(Number) },
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Get Connection: still GET …/connect for saved workflows, Mapp's answer as it came", async () => {
		const result = await run(sandbox(), { resource: 'integration', operation: 'getConnection' });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'GET',
				path: `/integration/${sandbox().integrationId}/connect`,
				query: '',
				body: undefined,
				status: 200,
			},
		]);
		expect(result.items).toEqual([
			{
				json: { integrationId: sandbox().integrationId, connected: true },
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Ping: a wrong secret is an error with Mapp's status and a hint", async () => {
		const result = await run(
			sandbox(),
			{ resource: 'integration', operation: 'ping' },
			{ credentials: { secret: 'wrong' } },
		);
		expect(result.error?.message).toMatch(/401/);
		expect(result.items).toEqual([]);
	});
});
