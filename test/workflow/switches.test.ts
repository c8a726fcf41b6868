/**
 * Dry Run, Send Empty Values and Double Opt-In set by expressions: read for every item, as a
 * boolean or the text "true"/"false"; anything else is refused before anything is sent, and no
 * item's Dry Run is ever overruled by another's.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { contacts, userUpsert } from '../../tooling/harness/batch-fixtures';
import { run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const batch: INodeParameters = {
	...userUpsert,
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	eventSource: 'fields',
};

const withDry = (dry: Array<string | boolean>) =>
	contacts(dry.length).map((contact, i) => ({ ...contact, dry: dry[i] }));

describe('Dry Run from an expression', () => {
	it.each([
		['single operation', { ...userUpsert, options: { dryRun: '={{ $json.dry }}' } }],
		['Batch, Options', { ...batch, options: { dryRun: '={{ $json.dry }}' } }],
		['Batch, Batch Options', { ...batch, batchOptions: { dryRun: '={{ $json.dry }}' } }],
	])('%s: the text "true" is a Dry Run: nothing is sent', async (_, parameters) => {
		const result = await run(sandbox(), parameters as INodeParameters, {
			items: withDry(['true', 'true']),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toEqual([]);
		expect(result.items.map(({ json }) => json.dryRun)).toEqual([true, true]);
	});

	it.each([
		['single operation', { ...userUpsert, options: { dryRun: '={{ $json.dry }}' } }],
		['Batch', { ...batch, batchOptions: { dryRun: '={{ $json.dry }}' } }],
	])('%s: item 0 false, item 1 true: nothing is sent for either', async (_, parameters) => {
		const result = await run(sandbox(), parameters as INodeParameters, {
			items: withDry([false, true]),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toEqual([]);
		expect(result.items.map(({ json }) => json.dryRun)).toEqual([true, true]);
	});

	it('"false" and false send for real', async () => {
		const result = await run(
			sandbox(),
			{ ...userUpsert, options: { dryRun: '={{ $json.dry }}' } },
			{ items: withDry(['false', false]) },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox().requests).toHaveLength(2);
		expect(result.items.map(({ json }) => json.success)).toEqual([true, true]);
	});

	it('refuses another value naming the item and the field, before anything is sent, even with Continue On Fail', async () => {
		for (const continueOnFail of [false, true]) {
			const result = await run(
				sandbox(),
				{ ...userUpsert, options: { dryRun: '={{ $json.dry }}' } },
				{ items: withDry([false, 'yes']), continueOnFail },
			);
			expect(result.error?.message).toBe(`'Dry Run' must be true or false, not "yes" [item 1]`);
			expect(sandbox().requests).toEqual([]);
		}
	});
});

describe('a switch whose expression gives nothing stops the run: it never reads as "off"', () => {
	const nothing: Array<[string, IDataObject[string]]> = [
		['empty text', ''],
		['null', null],
		['an empty list', []],
	];

	it.each([
		['single operation', { ...userUpsert, options: { dryRun: '={{ $json.dry }}' } }],
		['Batch, Options', { ...batch, options: { dryRun: '={{ $json.dry }}' } }],
		['Batch, Batch Options', { ...batch, batchOptions: { dryRun: '={{ $json.dry }}' } }],
	])(
		'%s: Dry Run giving nothing sends nothing, naming the item and the field',
		async (_, parameters) => {
			for (const [, dry] of nothing) {
				for (const continueOnFail of [false, true]) {
					const items = contacts(2).map((contact, i) => ({
						...contact,
						dry: i === 0 ? true : dry,
					}));
					const result = await run(sandbox(), parameters as INodeParameters, {
						items,
						continueOnFail,
					});
					expect(result.error?.message).toBe(
						`'Dry Run' must be true or false, but its expression gave nothing (is the field it reads missing?) [item 1]`,
					);
					expect(sandbox().requests).toEqual([]);
				}
			}
		},
	);

	it('a typo naming a field the item lacks ({{ $json.dyr }}) sends nothing', async () => {
		for (const parameters of [
			{ ...userUpsert, options: { dryRun: '={{ $json.dyr }}' } },
			{ ...batch, batchOptions: { dryRun: '={{ $json.dyr }}' } },
		]) {
			const result = await run(sandbox(), parameters, { items: withDry([true, true]) });
			expect(result.error?.message).toBe(
				`'Dry Run' must be true or false, but its expression gave nothing (is the field it reads missing?) [item 0]`,
			);
		}
		expect(sandbox().requests).toEqual([]);
	});

	it.each(nothing)(
		'Send Empty Values giving %s is refused for that item, and nothing is sent',
		async (_, clear) => {
			const result = await run(
				sandbox(),
				{
					...userUpsert,
					customAttributes: { values: [{ name: 'city', value: '' }] },
					options: { sendEmptyValues: '={{ $json.clear }}' },
				},
				{
					items: contacts(2).map((contact, i) => ({ ...contact, clear: i === 0 ? false : clear })),
				},
			);
			expect(result.error?.message).toBe(
				`'Send Empty Values' must be true or false, but its expression gave nothing (is the field it reads missing?) [item 1]`,
			);
			expect(sandbox().requests).toEqual([]);
		},
	);
});

describe('Send Empty Values and Double Opt-In from an expression', () => {
	const clearing: INodeParameters = {
		...userUpsert,
		customAttributes: { values: [{ name: 'city', value: '' }] },
		options: { sendEmptyValues: '={{ $json.clear }}', doubleOptIn: '={{ $json.optIn }}' },
	};

	it('read per item: the text "true" clears the attribute and asks for the opt-in', async () => {
		const items = [
			{ email: 'a@example.com', clear: 'true', optIn: 'true' },
			{ email: 'b@example.com', clear: 'false', optIn: false },
		];
		const result = await run(sandbox(), clearing, { items });
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json.event)).toEqual([
			{ email: 'a@example.com', group: '101', doubleOptIn: 'true', city: '' },
			{ email: 'b@example.com', group: '101' },
		]);
	});

	it('refuses another value naming the item and the field, and sends nothing', async () => {
		const items = [
			{ email: 'a@example.com', clear: true, optIn: false },
			{ email: 'b@example.com', clear: 'sometimes', optIn: false },
		];
		const result = await run(sandbox(), clearing, { items });
		expect(result.error?.message).toBe(
			`'Send Empty Values' must be true or false, not "sometimes" [item 1]`,
		);
		expect(sandbox().requests).toEqual([]);
	});
});
