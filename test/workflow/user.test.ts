import { expectEventSent, resourceLocator, run, arrived, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('User', () => {
	it('Create or Update: mapped values, double opt-in, prepared message and another subtype', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'user',
				operation: 'upsert',
				identifierType: 'mobileNumber',
				mobileNumber: '+48666777888',
				group: resourceLocator('={{ 101 }}', 'id'),
				customAttributesInput: 'json',
				customAttributesJson: '={{ { first: "Anna", loyalty: 3 } }}',
				options: { doubleOptIn: true, messageId: resourceLocator('2001'), subtype: 'contact' },
			},
			{
				subtype: 'contact',
				event: {
					mobileNumber: '+48666777888',
					group: '101',
					doubleOptIn: 'true',
					messageId: '2001',
					first: 'Anna',
					loyalty: '3',
				},
			},
		);
	});

	it('Unsubscribe, by user ID', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'user',
				operation: 'unsubscribe',
				identifierType: 'userId',
				userId: 'u-17',
				group: resourceLocator('102'),
			},
			{ subtype: 'user', event: { userId: 'u-17', group: '102', unsubscribe: 'true' } },
		);
	});

	it('sends one event per input item, each paired to its item, with values mapped from it', async () => {
		const result = await run(
			sandbox(),
			{
				resource: 'user',
				operation: 'upsert',
				email: '={{ $json.mail }}',
				group: resourceLocator('101'),
			},
			{ items: [{ mail: 'a@mapp.com' }, { mail: 'b@mapp.com' }, { mail: 'c@mapp.com' }] },
		);
		expect(
			result.items.map(({ json, pairedItem }) => [
				(json.event as { email: string }).email,
				pairedItem,
			]),
		).toEqual([
			['a@mapp.com', { item: 0 }],
			['b@mapp.com', { item: 1 }],
			['c@mapp.com', { item: 2 }],
		]);
		const bodies = sandbox()
			.requests.map((request) => arrived(sandbox(), request).body as { email: string })
			.map(({ email }) => email)
			.sort();
		expect(bodies).toEqual(['a@mapp.com', 'b@mapp.com', 'c@mapp.com']);
	});

	it('reaches the integration through a custom base URL that ends in a slash', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'user', operation: 'upsert', email: 'user@mapp.com' },
			{ credentials: { baseUrl: `${sandbox().baseUrl}/` } },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map(({ path, status }) => ({ path, status }))).toEqual([
			{ path: `/charon/api/v1/integration/${sandbox().integrationId}/event`, status: 200 },
		]);
	});

	it.each([
		['a line break', '+49151\n1234567'],
		['a tab and spaces', '+49 151\t123 4567'],
		['dashes, dots and parentheses', '+49 (151) 123-45.67'],
	])(
		'a mobile number with %s goes out as the digits that were checked',
		async (_what, mobileNumber) => {
			await expectEventSent(
				sandbox(),
				{
					resource: 'user',
					operation: 'upsert',
					identifierType: 'mobileNumber',
					mobileNumber: '={{ $json.mobile }}',
					group: resourceLocator('101', 'id'),
				},
				{ subtype: 'user', event: { mobileNumber: '+491511234567', group: '101' } },
				[{ mobile: mobileNumber }],
			);
		},
	);

	it('Message → Send SMS: the recipient number goes out as checked too', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'message',
				operation: 'sendSms',
				messageId: resourceLocator('3001'),
				recipientMobileNumber: '={{ $json.mobile }}',
			},
			{ subtype: 'sms', event: { recipientMobileNumber: '+491511234567', messageId: '3001' } },
			[{ mobile: '+49 151\n1234567' }],
		);
	});
});
