/**
 * Batch → Send with Event Source "Input Item": the item's JSON goes out with its scalars as
 * strings, as Mapp's examples and every other operation send them (Value Types → As in the Item
 * keeps the JSON types); names are ordinary keys, `__proto__` is refused.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const fromInputItem = (eventKind: string, more: INodeParameters = {}): INodeParameters => ({
	resource: 'batch',
	operation: 'send',
	eventKind,
	eventSource: 'inputItem',
	...more,
});
const sentEvents = () =>
	sandbox().requests.flatMap((request) => JSON.parse(request.body) as IDataObject[]);

const order = {
	orderId: 4711,
	email: 'a@mapp.com',
	group: 10144,
	vip: true,
	note: null,
	items: [{ sku: 'A-1', price: 9.99, qty_ordered: 2, gift: false }],
};
const relatedData = {
	datasetName: 'stores',
	key: 'BER-01',
	importMode: 'add',
	attributes: { city: 'Berlin', size: 120, open: true },
};

describe('Batch → Send, Event Source "Input Item"', () => {
	it('sends scalars as strings by default, inside objects and lists too, and keeps the structures', async () => {
		const result = await run(sandbox(), fromInputItem('transactionUpsert'), { items: [order] });
		expect(result.error).toBeUndefined();
		expect(sentEvents()).toEqual([
			{
				orderId: '4711',
				email: 'a@mapp.com',
				group: '10144',
				vip: 'true',
				note: null,
				items: [{ sku: 'A-1', price: '9.99', qty_ordered: '2', gift: 'false' }],
			},
		]);
		expect(result.items[0].json.event).toEqual(sentEvents()[0]);
	});

	it("Related Data: the attributes object stays an object, with Mapp's strings", async () => {
		await run(sandbox(), fromInputItem('relatedDataAdd'), { items: [relatedData] });
		expect(sentEvents()).toEqual([
			{ ...relatedData, attributes: { city: 'Berlin', size: '120', open: 'true' } },
		]);
	});

	it('Value Types "As in the Item" sends the JSON types unchanged', async () => {
		await run(sandbox(), fromInputItem('transactionUpsert', { valueTypes: 'raw' }), {
			items: [order],
		});
		expect(sentEvents()).toEqual([order]);
	});

	it('a value that is no JSON value is refused, naming the item and the field', async () => {
		const result = await run(
			sandbox(),
			fromInputItem('userUpsert', { fieldsToInclude: 'email, score' }),
			{
				items: [
					{ email: 'a@mapp.com', score: 1 },
					{ email: 'b@mapp.com', score: Number.NaN },
				],
			},
		);
		expect(result.error?.message).toBe(
			'\'Input Item\' field "score" must be text, a number or a boolean, not NaN [item 1]',
		);
		expect(sandbox().requests).toEqual([]);
	});

	describe('names that are also names of JavaScript objects', () => {
		it('Fields to Include "toString" sends the item\'s own field of that name; "constructor" is refused', async () => {
			const result = await run(
				sandbox(),
				fromInputItem('userUpsert', { fieldsToInclude: 'email, toString' }),
				{
					items: [{ email: 'a@mapp.com', constructor: 'Lego', toString: 'yes', other: 'x' }],
				},
			);
			expect(result.error).toBeUndefined();
			expect(sentEvents()).toEqual([{ email: 'a@mapp.com', toString: 'yes' }]);
			sandbox().reset();
			const refused = await run(
				sandbox(),
				fromInputItem('userUpsert', { fieldsToInclude: 'email, constructor' }),
				{ items: [{ email: 'a@mapp.com', constructor: 'Lego' }] },
			);
			expect(refused.error?.message).toBe(
				`'Input Item' must not use the name "constructor" [item 0]`,
			);
			expect(sandbox().requests).toEqual([]);
		});

		it('Fields to Include "constructor" on an item without that field is an error, never an empty event', async () => {
			const result = await run(
				sandbox(),
				fromInputItem('userUpsert', { fieldsToInclude: 'constructor' }),
				{
					items: [{ email: 'a@mapp.com' }],
				},
			);
			expect(result.error?.message).toBe(
				"'Fields to Include' names no field the item has (constructor) [item 0]",
			);
			expect(sandbox().requests).toEqual([]);
		});

		it('an item with a "__proto__" key (from JSON) is refused, naming the item and the field', async () => {
			const item = JSON.parse(
				'{"email":"a@mapp.com","attributes":{"__proto__":{"admin":"true"}}}',
			) as IDataObject;
			for (const valueTypes of ['strings', 'raw']) {
				const result = await run(sandbox(), fromInputItem('relatedDataAdd', { valueTypes }), {
					items: [{ email: 'b@mapp.com' }, item],
				});
				expect(result.error?.message).toBe(
					`'Input Item' must not use the name "__proto__" (in attributes) [item 1]`,
				);
			}
			expect(sandbox().requests).toEqual([]);
		});
	});
});
