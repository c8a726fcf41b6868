import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import type { Sandbox } from '../../tooling/sandbox';
import { startSandbox } from '../../tooling/sandbox';
import { contacts, userUpsertParameters } from '../../tooling/harness/batch-fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const batchRequests = () =>
	sandbox.requests.filter((request) => request.path.endsWith('/event/batch'));
const sentEmails = (body: string) =>
	(JSON.parse(body) as Array<{ email: string }>).map((event) => event.email);

async function send(items: object[], batchOptions: INodeParameters = {}, continueOnFail = false) {
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
		const chunks = requests
			.map((request) => sentEmails(request.body))
			.sort((a, b) => a[0].localeCompare(b[0]));
		expect(chunks.map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
		expect(chunks.flat()).toEqual(input.map((contact) => contact.email));
		expect(
			requests.every((request) => request.query === 'subtype=user' && request.status === 200),
		).toBe(true);

		expect(sandbox.eventCount).toBe(2500);
		expect(sandbox.events.map((event) => event.body.email).sort()).toEqual(
			input.map((c) => c.email).sort(),
		);

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
	])(
		'sends %p items with Batch Size %p as requests of %p events',
		async (count, batchSize, sizes) => {
			const input = contacts(count);
			const { items, error } = await send(input, { batchSize, concurrency: 1 });
			expect(error).toBeUndefined();
			expect(batchRequests().map((request) => sentEmails(request.body).length)).toEqual(sizes);
			expect(batchRequests().flatMap((request) => sentEmails(request.body))).toEqual(
				input.map((c) => c.email),
			);
			expect(items.map((item) => item.json.chunk)).toEqual(
				sizes.flatMap((size, chunk) => Array(size).fill(chunk + 1)),
			);
		},
	);

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
			{
				chunk: 1,
				firstItem: 0,
				lastItem: 999,
				count: 1000,
				success: true,
				statusCode: 200,
				attempts: 1,
			},
			{
				chunk: 2,
				firstItem: 1000,
				lastItem: 1999,
				count: 1000,
				success: true,
				statusCode: 200,
				attempts: 1,
			},
			{
				chunk: 3,
				firstItem: 2000,
				lastItem: 2499,
				count: 500,
				success: true,
				statusCode: 200,
				attempts: 1,
			},
		]);
		expect(items[2].pairedItem).toHaveLength(500);
	});

	it('sends each item\'s own JSON with Event Source "Input Item", or only the Fields to Include', async () => {
		const input = contacts(3);
		const parameters = {
			resource: 'batch',
			operation: 'send',
			eventKind: 'userUpsert',
			eventSource: 'inputItem',
		};
		const credentials = sandboxCredentials(sandbox);
		await runNode({ parameters, items: input as never, credentials });
		await runNode({
			parameters: { ...parameters, fieldsToInclude: 'email, group' },
			items: input as never,
			credentials,
		});
		const [whole, picked] = batchRequests();
		expect(whole.query).toBe('subtype=user');
		// scalars as strings, as Mapp's examples send them (Value Types: Strings, the default)
		expect(JSON.parse(whole.body)).toEqual(
			input.map((contact) => ({ ...contact, score: String(contact.score) })),
		);
		expect(JSON.parse(picked.body)).toEqual(input.map(({ email, group }) => ({ email, group })));
	});

	it('sends with the Event Subtype the user set', async () => {
		const { items } = await runNode({
			parameters: { ...userUpsertParameters, options: { subtype: 'contact' } },
			items: contacts(2) as never,
			credentials: sandboxCredentials(sandbox),
		});
		expect(batchRequests().map((request) => request.query)).toEqual(['subtype=contact']);
		expect(items.map((item) => item.json.subtype)).toEqual(['contact', 'contact']);
	});

	it('refuses an Event Subtype that differs between items, as one request carries one subtype', async () => {
		const { error } = await runNode({
			parameters: {
				...userUpsertParameters,
				options: { subtype: '={{ $json.score < 2 ? "user" : "contact" }}' },
			},
			items: contacts(3) as never,
			credentials: sandboxCredentials(sandbox),
		});
		expect(error?.message).toBe(
			'\'Event Subtype\' must be the same for all items of a batch ("contact" here, "user" for item 0) [item 2]',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses a Batch Size over the limit before sending anything, even from an expression', async () => {
		const { error } = await send(contacts(3), { batchSize: '={{ 1001 }}' });
		expect(error?.message).toBe("'Batch Size' must be a whole number from 1 to 1000, not 1001");
		expect(sandbox.requests).toEqual([]);
	});

	it('spaces the requests by Max Requests per Second', async () => {
		const started = Date.now();
		await send(contacts(5), { batchSize: 1, concurrency: 5, maxRequestsPerSecond: 20 });
		expect(batchRequests()).toHaveLength(5);
		expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 50);
	});
});
