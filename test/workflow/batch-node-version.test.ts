/**
 * Node version 2 changed one thing: Batch → Send's Output defaults to One Item per Batch, since one item per event
 * makes a run of about a million items fail in n8n after Mapp accepted it (docs/benchmarks.md). Version 1, which
 * saved workflows keep, still defaults to One Item per Event.
 */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { MappConnect } from '../../nodes/MappConnect/MappConnect.node';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import { contacts, userUpsertParameters } from '../../tooling/harness/batch-fixtures';
import type { Sandbox } from '../../tooling/sandbox';
import { startSandbox } from '../../tooling/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const description: INodeTypeDescription = new MappConnect().description;

async function send(typeVersion: number, batchOptions = {}) {
	return await runNode({
		parameters: { ...userUpsertParameters, batchOptions },
		items: contacts(2500) as never,
		credentials: sandboxCredentials(sandbox),
		typeVersion,
	});
}

/** The Batch Options the editor shows on a Batch → Send node of this version. */
function shownBatchOptions(typeVersion: number): INodeProperties[] {
	const node = { typeVersion, parameters: userUpsertParameters } as unknown as INode;
	return description.properties.filter(
		(property) =>
			property.name === 'batchOptions' &&
			NodeHelpers.displayParameter(userUpsertParameters, property, node, description),
	);
}

const outputDefault = (property: INodeProperties) =>
	(property.options as INodeProperties[]).find((option) => option.name === 'output')?.default;

describe('Mapp Connect node versions', () => {
	it('offers versions 1 and 2 and gives a new node version 2', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	it('shows one Batch Options per version, whose Output defaults to One Item per Event in 1 and per Batch in 2', () => {
		const [v1, v2] = [shownBatchOptions(1), shownBatchOptions(2)];
		expect(v1).toHaveLength(1);
		expect(v2).toHaveLength(1);
		expect(outputDefault(v1[0])).toBe('perEvent');
		expect(outputDefault(v2[0])).toBe('perBatch');
		// Nothing else differs: a workflow moved from one version to the other keeps its options' meaning.
		const withoutOutput = (property: INodeProperties) => ({
			...property,
			displayOptions: undefined,
			options: (property.options as INodeProperties[]).filter((o) => o.name !== 'output'),
		});
		expect(withoutOutput(v2[0])).toEqual(withoutOutput(v1[0]));
	});

	it('version 1 without an Output option gives one item per event, as saved workflows expect', async () => {
		const { items, error } = await send(1);
		expect(error).toBeUndefined();
		expect(sandbox.eventCount).toBe(2500);
		expect(items).toHaveLength(2500);
		expect(items[1234].json).toMatchObject({
			success: true,
			chunk: 2,
			event: { email: contacts(1235)[1234].email },
		});
	});

	it('version 2 without an Output option gives one item per batch, paired to all its items', async () => {
		const { items, error } = await send(2);
		expect(error).toBeUndefined();
		expect(sandbox.eventCount).toBe(2500);
		expect(items.map((item) => item.json)).toEqual(
			[
				[0, 999],
				[1000, 1999],
				[2000, 2499],
			].map(([firstItem, lastItem], index) => ({
				chunk: index + 1,
				firstItem,
				lastItem,
				count: lastItem - firstItem + 1,
				success: true,
				statusCode: 200,
				attempts: 1,
			})),
		);
		expect(items[1].pairedItem).toHaveLength(1000);
	});

	it('version 2 still gives one item per event when Output says so', async () => {
		const { items } = await send(2, { output: 'perEvent' });
		expect(items).toHaveLength(2500);
		expect(items[0].json).toMatchObject({ success: true, chunk: 1 });
	});
});
