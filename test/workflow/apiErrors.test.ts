import type { INodeParameters } from 'n8n-workflow';
import { resourceLocator, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const userUpsert: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	email: '={{ $json.email }}',
	group: resourceLocator('101'),
};
const twoContacts = [{ email: 'a@mapp.com' }, { email: 'b@mapp.com' }];

describe("Mapp's error answers", () => {
	it("400: Mapp's message, the status and a hint naming the subtype", async () => {
		sandbox().injectFault({ kind: 'status400' });
		const result = await run(
			sandbox(),
			{ ...userUpsert, options: { subtype: 'contacts' } },
			{ items: [twoContacts[0]] },
		);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'Mapp Connect answered 400: The event does not match the mapping of its subtype',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('the subtype "contacts"');
	});

	it('400 with Continue On Fail: an error item for the refused event, paired to it; the other event goes through', async () => {
		sandbox().injectFault({ kind: 'status400' });
		const result = await run(sandbox(), userUpsert, { items: twoContacts, continueOnFail: true });
		expect(result.error).toBeUndefined();
		const refused = sandbox().requests.find(({ fault }) => fault === 'status400');
		const refusedEmail = (JSON.parse(refused?.body ?? '{}') as { email: string }).email;
		const refusedIndex = twoContacts.findIndex(({ email }) => email === refusedEmail);
		expect(
			result.items.map(({ json, pairedItem }) => ({ ok: json.success === true, pairedItem })),
		).toEqual([0, 1].map((item) => ({ ok: item !== refusedIndex, pairedItem: { item } })));
		expect(result.items[refusedIndex].json.error).toBe(
			'Mapp Connect answered 400: The event does not match the mapping of its subtype',
		);
	});

	it('401 (wrong secret): check secret, system and clock', async () => {
		const result = await run(sandbox(), userUpsert, {
			items: [twoContacts[0]],
			credentials: { secret: 'not-the-secret' },
		});
		expect(result.error?.message).toBe('Mapp Connect answered 401: Invalid auth-token signature');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/secret.*system.*clock/s);
		expect(JSON.stringify(result.error)).not.toContain('not-the-secret');
	});

	it('401 with Continue On Fail: one error item per input item, paired', async () => {
		const result = await run(sandbox(), userUpsert, {
			items: twoContacts,
			continueOnFail: true,
			credentials: { secret: 'not-the-secret' },
		});
		expect(result.items.map(({ json, pairedItem }) => [json.error, pairedItem])).toEqual([
			['Mapp Connect answered 401: Invalid auth-token signature', { item: 0 }],
			['Mapp Connect answered 401: Invalid auth-token signature', { item: 1 }],
		]);
		expect(sandbox().events).toEqual([]);
	});

	it('404 (wrong integration ID): check the integration ID', async () => {
		const result = await run(sandbox(), userUpsert, {
			items: [twoContacts[0]],
			credentials: { integrationId: 'no-such-integration' },
		});
		expect(result.error?.message).toBe('Mapp Connect answered 404: Unknown integration');
		expect(result.error?.description).toContain('integration ID');
	});

	it('404 with Continue On Fail, on a list operation', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'group', operation: 'getAll', returnAll: true },
			{ continueOnFail: true, credentials: { integrationId: 'no-such-integration' } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json, pairedItem }) => [json.error, pairedItem])).toEqual([
			['Mapp Connect answered 404: Unknown integration', { item: 0 }],
		]);
	});

	it('500: Mapp may have recorded the event, so check before sending it again', async () => {
		sandbox().injectFault({ kind: 'status500' });
		const result = await run(sandbox(), userUpsert, { items: [twoContacts[0]] });
		expect(result.error?.message).toBe(
			'The event may or may not have reached Mapp: Mapp Connect answered 500: Internal Server Error',
		);
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toContain('may have recorded');
		expect(result.error?.description).toContain('Check in Mapp before sending it again');
	});

	it.each([
		['status500', 500, 'Internal Server Error'],
		['status502', 502, 'Bad Gateway'],
		['status503', 503, 'Service Unavailable'],
	] as const)(
		'Continue On Fail, %s: the item itself says the event may have been recorded',
		async (kind, status, text) => {
			sandbox().injectFault({ kind });
			const result = await run(sandbox(), userUpsert, {
				items: [twoContacts[0]],
				continueOnFail: true,
			});
			expect(result.items.map(({ json }) => json)).toEqual([
				{
					error: `The event may or may not have reached Mapp: Mapp Connect answered ${status}: ${text}`,
				},
			]);
		},
	);

	it('Continue On Fail, a refusal (400) says only what Mapp answered: nothing was recorded', async () => {
		sandbox().injectFault({ kind: 'status400' });
		const result = await run(sandbox(), userUpsert, {
			items: [twoContacts[0]],
			continueOnFail: true,
		});
		expect(result.items.map(({ json }) => json.error)).toEqual([
			'Mapp Connect answered 400: The event does not match the mapping of its subtype',
		]);
	});

	it("500 'Database Access Limit Exceeded' with Continue On Fail: throttling, wait 30 seconds", async () => {
		sandbox().injectFault({ kind: 'status500dbLimit', pathIncludes: 'message/history' });
		const result = await run(
			sandbox(),
			{ resource: 'message', operation: 'getHistory', userEmail: 'anna@example.com', limit: 2 },
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(
			'Mapp Connect answered 500: Database Access Limit Exceeded',
		);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect((result.items[0].error as { description?: string } | undefined)?.description).toContain(
			'at least 30 seconds',
		);
	});
});
