import type { INodeParameters } from 'n8n-workflow';
import { resourceLocator, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const email = 'a@mapp.com';

/** n8n itself refuses to run a node whose required field is left empty; these values come from expressions. */
describe('bad input fails before any request is sent', () => {
	it.each<[string, INodeParameters, string]>([
		[
			'an invalid email',
			{ resource: 'user', operation: 'upsert', email: 'a@' },
			"'Email' is not a valid email address",
		],
		[
			'a missing identifier (mapped to nothing)',
			{
				resource: 'user',
				operation: 'unsubscribe',
				email: '={{ $json.missing }}',
				group: resourceLocator('101'),
			},
			"'Email' is required",
		],
		[
			'an invalid mobile number',
			{
				resource: 'user',
				operation: 'upsert',
				identifierType: 'mobileNumber',
				mobileNumber: 'n/a',
			},
			"'Mobile Number' is not a valid mobile number",
		],
		[
			'a group mapped to nothing',
			{
				resource: 'user',
				operation: 'removeFromGroup',
				email,
				group: resourceLocator('={{ $json.group }}', 'id'),
			},
			"'Group' is required",
		],
		[
			'malformed JSON attributes',
			{
				resource: 'user',
				operation: 'upsert',
				email,
				customAttributesInput: 'json',
				customAttributesJson: '{first: 1}',
			},
			"'Custom Attributes (JSON)' is not valid JSON",
		],
		[
			'attributes that are not an object',
			{
				resource: 'user',
				operation: 'upsert',
				email,
				customAttributesInput: 'json',
				customAttributesJson: '={{ [1, 2] }}',
			},
			"'Custom Attributes (JSON)' must be a JSON object",
		],
		[
			'an attribute without a name',
			{
				resource: 'user',
				operation: 'upsert',
				email,
				customAttributes: { values: [{ name: '', value: 'x' }] },
			},
			"'Custom Attributes' has a value without a name",
		],
		[
			'an email message mapped to nothing',
			{
				resource: 'message',
				operation: 'sendEmail',
				email,
				messageId: resourceLocator('={{ $json.message }}', 'id'),
			},
			"'Message' is required",
		],
		[
			'an invalid SMS recipient number',
			{
				resource: 'message',
				operation: 'sendSms',
				messageId: resourceLocator('3001'),
				recipientMobileNumber: '12',
			},
			"'Mobile Number' is not a valid mobile number",
		],
		[
			'a mobile app mapped to nothing',
			{
				resource: 'message',
				operation: 'sendPush',
				email,
				pushMessageId: resourceLocator('4001'),
				mobileAppId: resourceLocator('={{ $json.app }}', 'id'),
			},
			"'Mobile App' is required",
		],
		[
			'an invalid history contact',
			{ resource: 'message', operation: 'getHistory', userEmail: 'anna', returnAll: true },
			"'Email' is not a valid email address",
		],
		[
			'an order ID of only spaces',
			{ resource: 'transaction', operation: 'delete', email, orderId: '={{ "  " }}' },
			"'Order ID' is required",
		],
		[
			'an item without SKU',
			{
				resource: 'transaction',
				operation: 'upsert',
				email,
				orderId: '1',
				items: { item: [{ name: 'x' }] },
			},
			"'Items' entry 1 has no SKU",
		],
		[
			'items that are not a list',
			{
				resource: 'transaction',
				operation: 'upsert',
				email,
				orderId: '1',
				itemsInput: 'json',
				itemsJson: '{}',
			},
			"'Items (JSON)' must be a JSON array",
		],
		[
			'an invalid transaction date',
			{
				resource: 'transaction',
				operation: 'upsert',
				email,
				orderId: '1',
				additionalFields: { transactionDate: 'soon' },
			},
			"'Transaction Date' is not a valid date",
		],
		[
			'a product SKU mapped to nothing',
			{
				resource: 'product',
				operation: 'upsert',
				productSKU: '={{ $json.sku }}',
				productName: 'x',
			},
			"'SKU' is required",
		],
		[
			'a product price that is not a number',
			{ resource: 'product', operation: 'upsert', productSKU: 'S', productPrice: 'free' },
			"'Price' must be a number",
		],
		[
			'an invalid created at',
			{
				resource: 'shoppingActivity',
				operation: 'upsert',
				activityType: 'browse',
				email,
				sku: 'S',
				createdAt: 'today',
			},
			"'Created At' is not a valid date",
		],
		[
			'a coupon list mapped to nothing',
			{ resource: 'coupon', operation: 'add', listName: '={{ $json.list }}', value: 'CODE' },
			"'Coupon List Name' is required",
		],
		[
			'related data without attributes',
			{ resource: 'relatedData', operation: 'add', datasetName: 'd', key: 'k' },
			"'Attributes' must set at least one attribute",
		],
		[
			'a malformed filter',
			{
				resource: 'relatedData',
				operation: 'delete',
				datasetName: 'd',
				key: 'k',
				filterInput: 'json',
				filterJson: "{'a':}",
			},
			"'Filter (JSON)' is neither JSON nor Mapp's notation",
		],
		[
			'a custom event that is not an object',
			{ resource: 'customEvent', operation: 'send', subtype: 'automation', event: '"signup"' },
			"'Event (JSON)' must be a JSON object",
		],
		[
			'a subtype with spaces',
			{
				resource: 'coupon',
				operation: 'add',
				listName: 'l',
				value: 'v',
				options: { subtype: 'my coupons' },
			},
			"'Event Subtype' must not contain spaces",
		],
		[
			'an empty group name',
			{ resource: 'group', operation: 'create', groupName: '={{ "" }}' },
			"'Group Name' is required",
		],
	])('%s', async (_case, parameters, message) => {
		const result = await run(sandbox(), parameters);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sandbox().requests).toEqual([]);
	});

	it('stops the node before sending anything when a later item of several is bad', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'coupon', operation: 'add', listName: 'summer', value: '={{ $json.code }}' },
			{ items: [{ code: 'A1' }, { code: 'B2' }, { code: '' }] },
		);
		expect(result.error?.message).toContain("'Coupon Code' is required [item 2]");
		expect(result.items).toEqual([]);
		expect(sandbox().requests).toEqual([]);
	});

	it('with Continue On Fail, the bad item becomes an error item paired to it, and the others are sent', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'coupon', operation: 'add', listName: 'summer', value: '={{ $json.code }}' },
			{ items: [{ code: 'A1' }, { code: '' }, { code: 'C3' }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map(({ json, pairedItem }) => [json.success ?? json.error, pairedItem]),
		).toEqual([
			[true, { item: 0 }],
			["'Coupon Code' is required [item 1]", { item: 1 }],
			[true, { item: 2 }],
		]);
		expect(
			sandbox()
				.events.map(({ body }) => body.value)
				.sort(),
		).toEqual(['A1', 'C3']);
	});
});
