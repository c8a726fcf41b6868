import { runNode, sandboxCredentials } from '../harness';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { contacts, userUpsertParameters } from './batch-fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const batchRequests = () => sandbox.requests.filter((request) => request.path.endsWith('/event/batch'));
const sentEmails = (body: string) => (JSON.parse(body) as Array<{ email: string }>).map((event) => event.email);

async function send(items: object[], batchOptions: object = {}, continueOnFail = false) {
	return await runNode({
		parameters: { ...userUpsertParameters, batchOptions },
		items: items as never,
		credentials: sandboxCredentials(sandbox),
		continueOnFail,
	});
}

describe('Batch → Send', () => {
	it('sends 2,500 items as exactly 3 requests of 1000, 1000 and 500 events, each event once', async () => {
		const input = contacts(2500);
		const { items, error } = await send(input);
		expect(error).toBeUndefined();

		const requests = batchRequests();
		expect(requests).toHaveLength(3);
		const chunks = requests.map((request) => sentEmails(request.body)).sort((a, b) => a[0].localeCompare(b[0]));
		expect(chunks.map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
		expect(chunks.flat()).toEqual(input.map((contact) => contact.email));
		expect(requests.every((request) => request.query === 'subtype=user' && request.status === 200)).toBe(true);

		expect(sandbox.eventCount).toBe(2500);
		expect(sandbox.events.map((event) => event.body.email).sort()).toEqual(input.map((c) => c.email).sort());

		expect(items).toHaveLength(2500);
		expect(items[1234]).toEqual({
			json: {
				success: true,
				statusCode: 200,
				subtype: 'user',
				chunk: 2,
				attempts: 1,
				event: {
					email: input[1234].email,
					group: input[1234].group,
					firstName: input[1234].firstName,
					city: input[1234].city,
					score: String(input[1234].score),
				},
			},
			pairedItem: { item: 1234 },
		});
		expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	});

	it.each([
		[3, 1, [1, 1, 1]],
		[1000, 1000, [1000]],
		[1001, 1000, [1000, 1]],
	])('sends %p items with Batch Size %p as requests of %p events', async (count, batchSize, sizes) => {
		const input = contacts(count);
		const { items, error } = await send(input, { batchSize, concurrency: 1 });
		expect(error).toBeUndefined();
		expect(batchRequests().map((request) => sentEmails(request.body).length)).toEqual(sizes);
		expect(batchRequests().flatMap((request) => sentEmails(request.body))).toEqual(input.map((c) => c.email));
		expect(items.map((item) => item.json.chunk)).toEqual(sizes.flatMap((size, chunk) => Array(size).fill(chunk + 1)));
	});

	it('sends nothing and names the item and field when an item is invalid', async () => {
		const input = contacts(5);
		input[3].email = 'not-an-email';
		const { items, error } = await send(input);
		expect(items).toEqual([]);
		expect(error?.message).toBe("'Email' is not a valid email address [item 3]");
		expect(sandbox.requests).toEqual([]);
	});

	it('with Continue On Fail, sends the valid items and reports the invalid one in its place', async () => {
		const input = contacts(5);
		input[3].email = 'not-an-email';
		const { items, error } = await send(input, {}, true);
		expect(error).toBeUndefined();
		expect(batchRequests().map((request) => sentEmails(request.body))).toEqual([
			[0, 1, 2, 4].map((i) => input[i].email),
		]);
		expect(items.map((item) => item.json.success)).toEqual([true, true, true, undefined, true]);
		expect(items[3].json).toEqual({ error: "'Email' is not a valid email address [item 3]" });
		expect(items[3].pairedItem).toEqual({ item: 3 });
		expect(items[4].json).toMatchObject({ success: true, event: { email: input[4].email } });
	});

	it('gives one summary item per batch with Output "One Item per Batch"', async () => {
		const { items } = await send(contacts(2500), { output: 'perBatch' });
		expect(items.map((item) => item.json)).toEqual([
			{ chunk: 1, firstItem: 0, lastItem: 999, count: 1000, success: true, statusCode: 200, attempts: 1 },
			{ chunk: 2, firstItem: 1000, lastItem: 1999, count: 1000, success: true, statusCode: 200, attempts: 1 },
			{ chunk: 3, firstItem: 2000, lastItem: 2499, count: 500, success: true, statusCode: 200, attempts: 1 },
		]);
		expect(items[2].pairedItem).toHaveLength(500);
	});
});
