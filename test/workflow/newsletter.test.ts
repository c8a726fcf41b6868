/**
 * Newsletter → Subscribe / Unsubscribe, single and in Batch: the bytes Mapp receives are those of
 * Mapp's shop plugins, the flags JSON booleans (`"doubleOptIn":true`, `"unsubscribe":true`), the
 * other values strings.
 */
import type { INodeParameters } from 'n8n-workflow';
import { arrived, resourceLocator, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const ANNA = { email: 'anna@example.com', firstName: 'Anna', zipCode: 10115, confirm: true };
const BEN = { email: 'ben@example.com', firstName: 'Ben', zipCode: 20095, confirm: false };

const subscribe: INodeParameters = { resource: 'newsletter', operation: 'subscribe' };
const unsubscribe: INodeParameters = { resource: 'newsletter', operation: 'unsubscribe' };
const fromItem: INodeParameters = {
	email: '={{ $json.email }}',
	group: resourceLocator('101'),
};
const attributes: INodeParameters = {
	customAttributes: {
		values: [
			{ name: 'firstName', value: '={{ $json.firstName }}' },
			{ name: 'zipCode', value: '={{ $json.zipCode }}' },
		],
	},
};
const batchOf = (eventKind: string): INodeParameters => ({
	resource: 'batch',
	operation: 'send',
	eventKind,
	eventSource: 'fields',
});

/** Runs the node on the items: its output, and each request Mapp received with the body's exact text. */
async function received(parameters: INodeParameters, items: object[] = [ANNA]) {
	const result = await run(sandbox(), parameters, { items: items as never });
	expect(result.error).toBeUndefined();
	return {
		items: result.items.map(({ json }) => json),
		requests: sandbox().requests.map((request) => {
			const { method, path, query, status } = arrived(sandbox(), request);
			return { method, path, query, body: request.body, status };
		}),
	};
}

const sent = (endpoint: string) => (query: string, body: string) => ({
	method: 'POST',
	path: `/integration/${sandbox().integrationId}/${endpoint}`,
	query,
	body,
	status: 200,
});
const single = sent('event');
const batch = sent('event/batch');

describe('Newsletter', () => {
	it('Subscribe sends email and group, and no flag while Double Opt-In is off', async () => {
		const { items, requests } = await received({ ...subscribe, ...fromItem });
		expect(requests).toEqual([
			single('subtype=newsletter', '{"email":"anna@example.com","group":"101"}'),
		]);
		expect(items).toEqual([
			{
				success: true,
				statusCode: 200,
				subtype: 'newsletter',
				event: { email: 'anna@example.com', group: '101' },
			},
		]);
	});

	it('Subscribe with Double Opt-In and attributes: "doubleOptIn":true as a JSON boolean, the attributes as strings', async () => {
		const { items, requests } = await received({
			...subscribe,
			...fromItem,
			doubleOptIn: true,
			...attributes,
		});
		expect(requests).toEqual([
			single(
				'subtype=newsletter',
				'{"email":"anna@example.com","group":"101","doubleOptIn":true,"firstName":"Anna","zipCode":"10115"}',
			),
		]);
		expect(items[0].event).toEqual({
			email: 'anna@example.com',
			group: '101',
			doubleOptIn: true,
			firstName: 'Anna',
			zipCode: '10115',
		});
	});

	it("Subscribe with Double Opt-In mapped from each item: true where the item's value is true, left out where false", async () => {
		const { requests } = await received(
			{ ...subscribe, ...fromItem, doubleOptIn: '={{ $json.confirm }}' },
			[ANNA, BEN],
		);
		expect(requests.map(({ body }) => body).sort()).toEqual([
			'{"email":"anna@example.com","group":"101","doubleOptIn":true}',
			'{"email":"ben@example.com","group":"101"}',
		]);
	});

	it('Subscribe: a Double Opt-In that is neither true nor false stops the run naming the field and the item', async () => {
		const result = await run(
			sandbox(),
			{ ...subscribe, ...fromItem, doubleOptIn: '={{ $json.confirm }}' },
			{ items: [ANNA, { ...BEN, confirm: 'maybe' }] as never },
		);
		expect(result.error?.message).toBe(
			`'Double Opt-In' must be true or false, not "maybe" [item 1]`,
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('Unsubscribe sends "unsubscribe":true as a JSON boolean', async () => {
		const { items, requests } = await received({ ...unsubscribe, ...fromItem });
		expect(requests).toEqual([
			single('subtype=newsletter', '{"email":"anna@example.com","group":"101","unsubscribe":true}'),
		]);
		expect(items[0].event).toEqual({ email: 'anna@example.com', group: '101', unsubscribe: true });
	});

	it.each([
		['Subscribe', subscribe, '{"email":"anna@example.com","group":"101","doubleOptIn":true}'],
		['Unsubscribe', unsubscribe, '{"email":"anna@example.com","group":"101","unsubscribe":true}'],
	])(
		"%s goes under the subtype set in Options → Event Subtype (the integration's own mapping name)",
		async (_name, operation, body) => {
			const { requests } = await received({
				...operation,
				...fromItem,
				doubleOptIn: true,
				options: { subtype: 'consent' },
			});
			expect(requests).toEqual([single('subtype=consent', body)]);
		},
	);

	it('Batch → Newsletter: Subscribe sends both items in one request, Double Opt-In mapped from each item as a JSON boolean', async () => {
		const { items, requests } = await received(
			{
				...batchOf('newsletterSubscribe'),
				...fromItem,
				doubleOptIn: '={{ $json.confirm }}',
				...attributes,
			},
			[ANNA, BEN],
		);
		expect(requests).toEqual([
			batch(
				'subtype=newsletter',
				'[{"email":"anna@example.com","group":"101","doubleOptIn":true,"firstName":"Anna","zipCode":"10115"},' +
					'{"email":"ben@example.com","group":"101","firstName":"Ben","zipCode":"20095"}]',
			),
		]);
		expect(items.map(({ success, event }) => [success, event])).toEqual([
			[
				true,
				{
					email: 'anna@example.com',
					group: '101',
					doubleOptIn: true,
					firstName: 'Anna',
					zipCode: '10115',
				},
			],
			[true, { email: 'ben@example.com', group: '101', firstName: 'Ben', zipCode: '20095' }],
		]);
	});

	it('Batch → Newsletter: Unsubscribe, under the subtype of Options → Event Subtype', async () => {
		const { requests } = await received(
			{ ...batchOf('newsletterUnsubscribe'), ...fromItem, options: { subtype: 'consent' } },
			[ANNA, BEN],
		);
		expect(requests).toEqual([
			batch(
				'subtype=consent',
				'[{"email":"anna@example.com","group":"101","unsubscribe":true},' +
					'{"email":"ben@example.com","group":"101","unsubscribe":true}]',
			),
		]);
	});

	it('Batch → Send From File: Double Opt-In mapped from a CSV column goes out as a JSON boolean', async () => {
		const csv = 'email,optIn\r\nanna@example.com,true\r\nben@example.com,false\r\n';
		const result = await run(
			sandbox(),
			{
				resource: 'batch',
				operation: 'sendFile',
				eventKind: 'newsletterSubscribe',
				eventSource: 'fields',
				...fromItem,
				doubleOptIn: '={{ $json.optIn }}',
			},
			{ files: [{ content: csv, fileName: 'subscribers.csv' }] },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map(({ query, body }) => ({ query, body }))).toEqual([
			{
				query: 'subtype=newsletter',
				body:
					'[{"email":"anna@example.com","group":"101","doubleOptIn":true},' +
					'{"email":"ben@example.com","group":"101"}]',
			},
		]);
	});

	it.each([
		['Subscribe', subscribe],
		['Unsubscribe', unsubscribe],
		['Batch → Subscribe', batchOf('newsletterSubscribe')],
		['Batch → Unsubscribe', batchOf('newsletterUnsubscribe')],
	])(
		'%s: an invalid email stops the run naming the field and the item, and nothing is sent',
		async (_name, operation) => {
			const result = await run(
				sandbox(),
				{ ...operation, ...fromItem },
				{ items: [ANNA, { ...BEN, email: 'ben(at)example.com' }] as never },
			);
			expect(result.error?.message).toBe("'Email' is not a valid email address [item 1]");
			expect(sandbox().requests).toEqual([]);
		},
	);

	it.each([
		['Subscribe', subscribe],
		['Unsubscribe', unsubscribe],
	])(
		'%s: an item without a group stops the run naming the field and the item',
		async (_name, operation) => {
			const result = await run(
				sandbox(),
				{ ...operation, ...fromItem, group: resourceLocator('={{ $json.group }}', 'id') },
				{ items: [{ ...ANNA, group: '101' }, BEN] as never },
			);
			expect(result.error?.message).toBe("'Group' is required [item 1]");
			expect(sandbox().requests).toEqual([]);
		},
	);
});
