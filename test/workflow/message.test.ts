import fixtures from '../../tooling/sandbox/fixtures.json';
import { arrived, expectEventSent, resourceLocator, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Message: sending', () => {
	it('Send Email: message, recipient, parameters and external transaction formula', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'message',
				operation: 'sendEmail',
				messageId: resourceLocator('2324333335'),
				email: 'user@mapp.com',
				messageParameters: { values: [{ name: 'first', value: 'firstval' }] },
				options: { externalTransactionFormula: 'myUniqueValue' },
			},
			{
				subtype: 'email',
				event: {
					email: 'user@mapp.com',
					messageId: '2324333335',
					externalTransactionFormula: 'myUniqueValue',
					first: 'firstval',
				},
			},
		);
	});

	it('Send Push with parameters as JSON', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'message',
				operation: 'sendPush',
				pushMessageId: resourceLocator('1234'),
				mobileAppId: resourceLocator('5678', 'id'),
				email: 'john.smith@xx.xx',
				messageParametersInput: 'json',
				messageParametersJson: '{"param1": "param 1 value"}',
			},
			{
				subtype: 'push',
				event: {
					email: 'john.smith@xx.xx',
					pushMessageId: '1234',
					mobileAppId: '5678',
					param1: 'param 1 value',
				},
			},
		);
	});

	const push = {
		resource: 'message',
		operation: 'sendPush',
		pushMessageId: resourceLocator('1234'),
		mobileAppId: resourceLocator('5678', 'id'),
		messageParameters: { values: [{ name: 'param1', value: 'param 1 value' }] },
	};

	it('Send Push by mobile number: the number under mobileNumber, first, as the body', async () => {
		await expectEventSent(
			sandbox(),
			{ ...push, identifierType: 'mobileNumber', mobileNumber: '+48666777888' },
			{
				subtype: 'push',
				event: {
					mobileNumber: '+48666777888',
					pushMessageId: '1234',
					mobileAppId: '5678',
					param1: 'param 1 value',
				},
			},
		);
		expect(sandbox().requests.map(({ body }) => body)).toEqual([
			'{"mobileNumber":"+48666777888","pushMessageId":"1234","mobileAppId":"5678","param1":"param 1 value"}',
		]);
	});

	it('Send Push refuses an invalid mobile number, naming the item and field, and sends nothing', async () => {
		const result = await run(
			sandbox(),
			{ ...push, identifierType: 'mobileNumber', mobileNumber: '={{ $json.mobile }}' },
			{ items: [{ mobile: '+48666777888' }, { mobile: 'call me' }] },
		);
		expect(result.error?.message).toBe(
			"'Mobile Number' is not a valid mobile number (digits, optionally starting with +) [item 1]",
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('Send Push of a saved v1 workflow (no Identify Contact By) sends the same email body', async () => {
		// The parameters as version 1 saved them, before the contact could be a mobile number.
		await expectEventSent(
			sandbox(),
			{ ...push, email: 'john.smith@xx.xx' },
			{
				subtype: 'push',
				event: {
					email: 'john.smith@xx.xx',
					pushMessageId: '1234',
					mobileAppId: '5678',
					param1: 'param 1 value',
				},
			},
		);
		expect(sandbox().requests.map(({ body }) => body)).toEqual([
			'{"email":"john.smith@xx.xx","pushMessageId":"1234","mobileAppId":"5678","param1":"param 1 value"}',
		]);
	});
});

describe('Message: reading', () => {
	it.each([
		['email', 'message', fixtures.emailMessages],
		['sms', 'message/sms', fixtures.smsMessages],
		['push', 'message/push', fixtures.pushMessages],
	])(
		'Get Many of the %s channel: one item per message, sorted by name',
		async (channel, path, messages) => {
			const result = await run(sandbox(), {
				resource: 'message',
				operation: 'getAll',
				channel,
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
				{
					method: 'GET',
					path: `/integration/${sandbox().integrationId}/${path}`,
					query: '',
					body: undefined,
					status: 200,
				},
			]);
			const expected = Object.entries(messages)
				.map(([id, name]) => ({ id, name }))
				.sort((a, b) => a.name.localeCompare(b.name));
			expect(result.items.map(({ json }) => json)).toEqual(expected);
		},
	);

	it('Get Many with a limit', async () => {
		const result = await run(sandbox(), {
			resource: 'message',
			operation: 'getAll',
			channel: 'email',
			limit: 2,
		});
		expect(result.items.map(({ json }) => json.name)).toEqual([
			'Abandoned cart reminder',
			'Order confirmation',
		]);
	});

	it('Get History with a limit: one page of that many rows', async () => {
		const result = await run(sandbox(), {
			resource: 'message',
			operation: 'getHistory',
			userEmail: 'anna@example.com',
			limit: 3,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'GET',
				path: `/integration/${sandbox().integrationId}/message/history`,
				query: 'userEmail=anna%40example.com&numberOfRows=3&offset=0',
				body: undefined,
				status: 200,
			},
		]);
		expect(result.items.map(({ json }) => json)).toEqual(
			fixtures.messageHistory['anna@example.com'].slice(0, 3),
		);
	});

	it('Get History, Return All: every message sent to the contact', async () => {
		const result = await run(sandbox(), {
			resource: 'message',
			operation: 'getHistory',
			userEmail: 'anna@example.com',
			returnAll: true,
		});
		expect(result.items.map(({ json }) => json)).toEqual(
			fixtures.messageHistory['anna@example.com'],
		);
		// Mapp's page size is not documented, so a short page is not the end: only an empty one is.
		const rows = fixtures.messageHistory['anna@example.com'].length;
		expect(sandbox().requests.map(({ query }) => query)).toEqual([
			'userEmail=anna%40example.com&numberOfRows=100&offset=0',
			`userEmail=anna%40example.com&numberOfRows=100&offset=${rows}`,
		]);
	});
});
