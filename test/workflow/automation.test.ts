import type { INodeParameters } from 'n8n-workflow';
import { expectEventSent, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Automation → Trigger External Event', () => {
	it('sends the contact, the event name and the attributes under subtype automation', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'automation',
				operation: 'triggerExternalEvent',
				email: 'anna@example.com',
				eventName: 'cart_abandoned',
				eventAttributes: {
					values: [
						{ name: 'cartValue', value: '={{ 49.9 }}' },
						{ name: 'sku', value: 'TS-001' },
					],
				},
			},
			{
				subtype: 'automation',
				event: {
					email: 'anna@example.com',
					external_event: 'cart_abandoned',
					cartValue: '49.9',
					sku: 'TS-001',
				},
			},
		);
	});

	it('with another subtype and event name key, as a plugin integration expects', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'automation',
				operation: 'triggerExternalEvent',
				identifierType: 'userId',
				userId: 'u-17',
				eventName: 'NewAccount',
				options: { subtype: 'external_event', eventNameKey: 'externalEvent' },
			},
			{ subtype: 'external_event', event: { userId: 'u-17', externalEvent: 'NewAccount' } },
		);
	});

	it('sends nothing when an event name has a space, naming the item and field', async () => {
		const result = await run(
			sandbox(),
			{
				resource: 'automation',
				operation: 'triggerExternalEvent',
				email: '={{ $json.email }}',
				eventName: '={{ $json.event }}',
			},
			{
				items: [
					{ email: 'a@example.com', event: 'ok' },
					{ email: 'b@example.com', event: 'cart abandoned' },
				],
			},
		);
		expect(result.error?.message).toBe(
			`'Event Name' must not contain spaces ("cart abandoned"): an event name has none in Mapp [item 1]`,
		);
		expect(sandbox().requests).toEqual([]);
	});
});

/** The same event, built by the same fields, from the single operation and from Batch. */
describe.each<[string, INodeParameters]>([
	['Trigger External Event', { resource: 'automation', operation: 'triggerExternalEvent' }],
	[
		'Batch → Send',
		{
			resource: 'batch',
			operation: 'send',
			eventKind: 'automationExternalEvent',
			eventSource: 'fields',
		},
	],
])('%s: Event Name Key', (_, operation) => {
	it.each<[string, INodeParameters, string]>([
		['email', { email: 'anna@example.com' }, 'Email'],
		['mobileNumber', { email: 'anna@example.com' }, 'Mobile Number'],
		['userId', { identifierType: 'userId', userId: 'u-17' }, 'User ID'],
	])(
		'refuses the contact key "%s", naming both fields and the item, and sends nothing',
		async (key, contact, contactLabel) => {
			const result = await run(
				sandbox(),
				{
					...operation,
					...contact,
					eventName: 'cart_abandoned',
					options: { eventNameKey: '={{ $json.key }}' },
				},
				{ items: [{ key: 'externalEvent' }, { key }] },
			);
			expect(result.error?.message).toBe(
				`'Event Name Key' must not be "${key}": '${contactLabel}' sends the contact under that key [item 1]`,
			);
			expect(sandbox().requests).toEqual([]);
		},
	);

	it('refuses a key one of the Attributes sets too, naming both fields, and sends nothing', async () => {
		const result = await run(sandbox(), {
			...operation,
			email: 'anna@example.com',
			eventName: 'cart_abandoned',
			eventAttributes: { values: [{ name: 'interest', value: 'shoes' }] },
			options: { eventNameKey: 'interest' },
		});
		expect(result.error?.message).toBe(
			`'Attributes' must not set "interest": 'Event Name Key' sets it too [item 0]`,
		);
		expect(sandbox().requests).toEqual([]);
	});
});
