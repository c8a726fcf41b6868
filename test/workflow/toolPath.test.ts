/**
 * One behaviour on every path: n8n runs the node as a workflow step through its custom operations,
 * and as an AI agent's tool through its routing (one item per call). Each test runs the same
 * parameters both ways and expects the same requests and the same output.
 */
import type { INodeParameters } from 'n8n-workflow';
import { contacts } from '../../tooling/harness/batch-fixtures';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const upsert: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	email: '={{ $json.email }}',
	group: { __rl: true, mode: 'id', value: '101' },
};

/** Runs the parameters on one item as a workflow step and as a tool; what each sent and output. */
async function bothWays(parameters: INodeParameters, item: object = contacts(1)[0]) {
	const outcome = async (asTool: boolean) => {
		sandbox().reset();
		const result = await run(sandbox(), parameters, { items: [item as never], asTool });
		return {
			error: result.error?.message,
			output: result.items.map(({ json, pairedItem }) => ({ json, pairedItem })),
			sent: sandbox().requests.map((request) => arrived(sandbox(), request)),
		};
	};
	return { step: await outcome(false), tool: await outcome(true) };
}

describe('the node as an agent tool runs what a workflow step runs', () => {
	it('Dry Run sends nothing as a tool either, and outputs the event that would go', async () => {
		const { step, tool } = await bothWays({ ...upsert, options: { dryRun: true } });
		expect(tool.sent).toEqual([]);
		expect(tool).toEqual(step);
		expect(tool.output).toEqual([
			{
				json: {
					dryRun: true,
					subtype: 'user',
					event: { email: 'contact000000@example.com', group: '101' },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Dry Run from an expression giving the text "true" sends nothing as a tool', async () => {
		const { step, tool } = await bothWays(
			{ ...upsert, options: { dryRun: '={{ $json.dry }}' } },
			{ ...contacts(1)[0], dry: 'true' },
		);
		expect(tool.sent).toEqual([]);
		expect(tool).toEqual(step);
	});

	it('sends the same event and outputs the same item', async () => {
		const { step, tool } = await bothWays(upsert);
		expect(tool.sent).toHaveLength(1);
		expect(tool).toEqual(step);
		expect(tool.output[0].json).toMatchObject({ success: true, statusCode: 200 });
	});

	it('refuses a bad value with the same error, naming the item and the field, and sends nothing', async () => {
		const { step, tool } = await bothWays(upsert, { email: 'not-an-email' });
		expect(tool.sent).toEqual([]);
		expect(tool.error).toBe("'Email' is not a valid email address [item 0]");
		expect(tool.error).toBe(step.error);
	});

	it('Batch → Send sends its one event through the batch endpoint, as a step does', async () => {
		const { step, tool } = await bothWays({
			...upsert,
			resource: 'batch',
			operation: 'send',
			eventKind: 'userUpsert',
			eventSource: 'fields',
		});
		expect(tool.sent.map(({ path, query }) => [path, query])).toEqual([
			[`/integration/${sandbox().integrationId}/event/batch`, 'subtype=user'],
		]);
		expect(tool).toEqual(step);
	});

	it('Group → Create creates the group and returns its ID, as a step does', async () => {
		const { step, tool } = await bothWays({
			resource: 'group',
			operation: 'create',
			groupName: 'VIP from the agent',
		});
		expect(tool.sent.map(({ method, body }) => [method, body])).toEqual([
			['POST', { groupNames: ['VIP from the agent'] }],
		]);
		expect(tool.output[0].json).toMatchObject({ name: 'VIP from the agent' });
		expect(tool.output.map(({ json }) => Object.keys(json))).toEqual([['name', 'id']]);
		expect(tool.error).toBe(step.error);
	});

	it('Integration → Connect POSTs the configuration and outputs the answer, as a step does', async () => {
		const configuration = '{"params":{"shopUrl":"https://shop.example.com"}}';
		const { step, tool } = await bothWays({
			resource: 'integration',
			operation: 'connect',
			configuration,
		});
		expect(tool.sent.map(({ method, path, body }) => [method, path, body])).toEqual([
			['POST', `/integration/${sandbox().integrationId}/connect`, JSON.parse(configuration)],
		]);
		expect(sandbox().requests.map(({ body }) => body)).toEqual([configuration]);
		expect(tool.output).toEqual([
			{
				json: { integrationId: sandbox().integrationId, connected: true, configured: ['params'] },
				pairedItem: { item: 0 },
			},
		]);
		expect(tool).toEqual(step);
	});

	it('Integration → Connect refuses a configuration that is not an object as a tool too, sending nothing', async () => {
		const { step, tool } = await bothWays(
			{
				resource: 'integration',
				operation: 'connect',
				configuration: '={{ $json.configuration }}',
			},
			{ configuration: '["params"]' },
		);
		expect(tool.sent).toEqual([]);
		expect(tool.error).toBe(
			`'Configuration (JSON)' must be a JSON object, like {"name": "value"} [item 0]`,
		);
		expect(tool.error).toBe(step.error);
	});
});
