/**
 * Dates in real workflow runs: a date without a zone is read in the workflow's time zone (its
 * setting, else n8n's default), epoch seconds and milliseconds are told apart. `npm test` runs this
 * file under TZ=UTC and TZ=America/New_York: the expectations do not depend on the server's zone.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const transaction = (transactionDate: string): INodeParameters => ({
	resource: 'transaction',
	operation: 'upsert',
	orderId: 'O-1',
	email: 'a@mapp.com',
	additionalFields: { transactionDate },
});
const sentBodies = () =>
	sandbox().requests.map((request) => arrived(sandbox(), request).body as IDataObject);

describe(`dates in workflows (process time zone: ${process.env.TZ ?? 'not set'})`, () => {
	it.each([
		['UTC', '2020-04-28T12:30:08.000Z'],
		['America/New_York', '2020-04-28T16:30:08.000Z'],
		['Asia/Tokyo', '2020-04-28T03:30:08.000Z'],
	])("the date picker's value (no zone) in a workflow set to %s", async (timezone, expected) => {
		const result = await run(sandbox(), transaction('2020-04-28T12:30:08'), { timezone });
		expect(result.error).toBeUndefined();
		expect(sentBodies().map((body) => body.transaction_date)).toEqual([expected]);
	});

	it("a workflow without a time zone setting uses n8n's default time zone (America/New_York)", async () => {
		await run(sandbox(), transaction('2020-04-28T12:30:08'));
		expect(sentBodies()[0].transaction_date).toBe('2020-04-28T16:30:08.000Z');
	});

	it("a Luxon DateTime from an expression is the instant it names, whatever the workflow's zone", async () => {
		const date = '={{ DateTime.fromISO("2020-04-28T12:30:08", { zone: "Asia/Tokyo" }) }}';
		await run(sandbox(), transaction(date), { timezone: 'America/New_York' });
		expect(sentBodies()[0].transaction_date).toBe('2020-04-28T03:30:08.000Z');
	});

	it('Batch: epoch seconds and milliseconds mapped from the items are told apart', async () => {
		const result = await run(
			sandbox(),
			{
				resource: 'batch',
				operation: 'send',
				eventKind: 'transactionUpsert',
				eventSource: 'fields',
				orderId: '={{ $json.order }}',
				email: 'a@mapp.com',
				additionalFields: { transactionDate: '={{ $json.at }}' },
			},
			{
				items: [
					{ order: '1', at: 1588077008 },
					{ order: '2', at: '1588077008537' },
				],
				timezone: 'UTC',
			},
		);
		expect(result.error).toBeUndefined();
		expect(
			(sentBodies()[0] as unknown as IDataObject[]).map((event) => event.transaction_date),
		).toEqual(['2020-04-28T12:30:08.000Z', '2020-04-28T12:30:08.537Z']);
	});

	it('Shopping Activity: Created At in epoch seconds goes out as epoch milliseconds, as Mapp documents it', async () => {
		await run(sandbox(), {
			resource: 'shoppingActivity',
			operation: 'upsert',
			activityType: 'wishlist',
			email: 'a@mapp.com',
			sku: 'S',
			createdAt: '={{ 1741867804 }}',
		});
		expect(sentBodies()[0].createdAt).toBe('1741867804000');
	});

	it('an ambiguous value stops the node before anything is sent, naming the item and the field', async () => {
		const result = await run(sandbox(), transaction('={{ $json.at }}'), {
			items: [{ at: '1588077008' }, { at: '158807700' }],
		});
		expect(result.error?.message).toBe(
			"'Transaction Date' is a number of 9 digits, neither epoch seconds (10 digits) nor epoch milliseconds (13 digits) [item 1]",
		);
		expect(sandbox().requests).toEqual([]);
	});
});
