import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import {
	contactFields,
	contacts,
	userUpsertParameters,
} from '../../tooling/harness/batch-fixtures';
import { useSandbox } from './mappConnect';

const sandbox = useSandbox();

/** A credential whose system nobody answers at: a Dry Run must not need one. */
const unreachable = () =>
	sandboxCredentials(sandbox(), { baseUrl: 'http://127.0.0.1:9/charon/api/v1' });

async function runWith(
	parameters: INodeParameters,
	items: object[],
	credentials = sandboxCredentials(sandbox()),
) {
	return await runNode({ parameters, items: items as never, credentials });
}

describe('Dry Run', () => {
	it('single operation: outputs the very events a real run sends, sends nothing, needs no reachable Mapp', async () => {
		const input = contacts(3);
		const parameters = { resource: 'user', operation: 'upsert', ...contactFields };
		const dry = await runWith({ ...parameters, options: { dryRun: true } }, input, unreachable());
		expect(dry.error).toBeUndefined();
		expect(sandbox().requests).toEqual([]);

		const real = await runWith(parameters, input);
		expect(real.error).toBeUndefined();
		expect(dry.items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual(
			real.items.map(({ json: { subtype, event }, pairedItem }) => ({
				json: { dryRun: true, subtype, event },
				pairedItem,
			})),
		);
		const sent = sandbox()
			.requests.map((request) => request.body)
			.sort();
		expect(dry.items.map(({ json }) => JSON.stringify(json.event)).sort()).toEqual(sent);
	});

	it('still checks every item first: a bad item stops the Dry Run naming item and field', async () => {
		const input = contacts(3);
		input[2].email = 'nope';
		const dry = await runWith({ ...userUpsertParameters, batchOptions: { dryRun: true } }, input);
		expect(dry.error?.message).toBe("'Email' is not a valid email address [item 2]");
		expect(sandbox().requests).toEqual([]);
	});

	it('Custom Event and Automation have it too', async () => {
		const custom = await runWith(
			{
				resource: 'customEvent',
				operation: 'send',
				subtype: 'newsletter',
				event: '{"email":"a@b.co"}',
				options: { dryRun: true },
			},
			[{}],
			unreachable(),
		);
		expect(custom.items.map(({ json }) => json)).toEqual([
			{ dryRun: true, subtype: 'newsletter', event: { email: 'a@b.co' } },
		]);
		const automation = await runWith(
			{
				resource: 'automation',
				operation: 'triggerExternalEvent',
				email: 'a@b.co',
				eventName: 'cart_abandoned',
				options: { dryRun: true },
			},
			[{}],
			unreachable(),
		);
		expect(automation.items.map(({ json }) => json)).toEqual([
			{
				dryRun: true,
				subtype: 'automation',
				event: { email: 'a@b.co', external_event: 'cart_abandoned' },
			},
		]);
		expect(sandbox().requests).toEqual([]);
	});

	it('Batch: 50,000 items, 0 requests, and byte for byte the batches a real run sends', async () => {
		const input = contacts(50_000);
		const dry = await runWith(
			{ ...userUpsertParameters, batchOptions: { dryRun: true, output: 'perBatch' } },
			input,
		);
		expect(dry.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(0);
		expect(sandbox().eventCount).toBe(0);
		expect(dry.items).toHaveLength(50);
		expect(dry.items[49].json).toMatchObject({
			dryRun: true,
			chunk: 50,
			firstItem: 49_000,
			lastItem: 49_999,
			count: 1000,
			subtype: 'user',
		});
		expect(dry.items[49].pairedItem).toHaveLength(1000);

		const real = await runWith(
			{ ...userUpsertParameters, batchOptions: { output: 'perBatch', concurrency: 1 } },
			input,
		);
		expect(real.error).toBeUndefined();
		const requests = sandbox().requests;
		expect(requests).toHaveLength(50);
		expect(requests.map((request) => request.query)).toEqual(
			dry.items.map(({ json }) => `subtype=${String(json.subtype)}`),
		);
		expect(requests.map((request) => request.body)).toEqual(
			dry.items.map(({ json }) => JSON.stringify(json.events)),
		);
	}, 180_000);

	it('Batch, one item per event: each event with its batch, as the real run reports it', async () => {
		const input = contacts(2_500);
		const dry = await runWith(
			{ ...userUpsertParameters, options: { dryRun: true } },
			input,
			unreachable(),
		);
		expect(dry.error).toBeUndefined();
		const real = await runWith(userUpsertParameters, input);
		expect(dry.items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual(
			real.items.map(({ json: { subtype, chunk, event }, pairedItem }) => ({
				json: { dryRun: true, subtype, chunk, event },
				pairedItem,
			})),
		);
	}, 60_000);
});
