import type { IDataObject } from 'n8n-workflow';
import { byId, failure, fromList, pairs } from './reader';

const email = 'a@mapp.com';
const message = fromList('2001');

describe('bad input is refused with an error naming the field and the item', () => {
	it.each<[string, string, IDataObject, string]>([
		[
			'an invalid email',
			'userUpsert',
			{ email: 'user(at)mapp.com' },
			"'Email' is not a valid email address [item 3]",
		],
		[
			'a missing email',
			'userRemoveFromGroup',
			{ email: '  ', group: byId('1') },
			"'Email' is required [item 3]",
		],
		[
			'a missing mobile number',
			'userUpsert',
			{ identifierType: 'mobileNumber' },
			"'Mobile Number' is required [item 3]",
		],
		[
			'an invalid mobile number',
			'userUnsubscribe',
			{ identifierType: 'mobileNumber', mobileNumber: 'call me', group: byId('1') },
			"'Mobile Number' is not a valid mobile number (digits, optionally starting with +) [item 3]",
		],
		[
			'a missing user ID',
			'wishlistDelete',
			{ identifierType: 'userId', sku: 'S' },
			"'User ID' is required [item 3]",
		],
		[
			'a missing group',
			'userRemoveFromGroup',
			{ email, group: fromList('') },
			"'Group' is required [item 3]",
		],
		[
			'malformed JSON attributes',
			'userUpsert',
			{ email, customAttributesInput: 'json', customAttributesJson: '{"first": }' },
			"'Custom Attributes (JSON)' is not valid JSON",
		],
		[
			'attributes that are not an object',
			'userUpsert',
			{ email, customAttributesInput: 'json', customAttributesJson: '["first"]' },
			`'Custom Attributes (JSON)' must be a JSON object, like {"name": "value"} [item 3]`,
		],
		[
			'a nested attribute value',
			'userUpsert',
			{
				email,
				customAttributesInput: 'json',
				customAttributesJson: '{"address": {"city": "Berlin"}}',
			},
			`'Custom Attributes (JSON)' value of "address" must be text, a number or a boolean, not an object [item 3]`,
		],
		[
			'an attribute value without a name',
			'userUpsert',
			{ email, customAttributes: pairs([['', 'orphan']]) },
			`'Custom Attributes' has a value without a name ("orphan") [item 3]`,
		],
		[
			'the same attribute name twice',
			'userUpsert',
			{
				email,
				customAttributes: pairs([
					['first', 'a'],
					['first', 'b'],
				]),
			},
			`'Custom Attributes' has the name "first" twice [item 3]`,
		],
		[
			'an attribute that replaces a field of the node',
			'userUpsert',
			{ email, customAttributes: pairs([['email', 'other@mapp.com']]) },
			`'Custom Attributes' must not set "email": 'Email' sets it too [item 3]`,
		],
		[
			'an attribute named __proto__',
			'userUpsert',
			{ email, customAttributes: pairs([['__proto__', 'x']]) },
			`'Custom Attributes' must not use the name "__proto__" [item 3]`,
		],
		[
			'a JSON attribute named __proto__',
			'userUpsert',
			{
				email,
				customAttributesInput: 'json',
				customAttributesJson: '{"__proto__": {"polluted": "yes"}}',
			},
			`'Custom Attributes (JSON)' must not use the name "__proto__" [item 3]`,
		],
		[
			'a Mapp-notation key named __proto__',
			'relatedDataAdd',
			{ datasetName: 'd', key: 'k', attributesInput: 'json', attributesJson: "{'__proto__':'x'}" },
			`'Attributes (JSON)' must not use the name "__proto__" [item 3]`,
		],
		[
			'an order item (JSON) with a key named __proto__',
			'transactionUpsert',
			{ email, orderId: '1', itemsInput: 'json', itemsJson: '[{"sku":"A","__proto__":{"x":"1"}}]' },
			`'Items (JSON)' entry 1 must not use the name "__proto__" [item 3]`,
		],
		[
			'an attribute named constructor (the one rule: __proto__, constructor, prototype)',
			'userUpsert',
			{ email, customAttributes: pairs([['constructor', 'x']]) },
			`'Custom Attributes' must not use the name "constructor" [item 3]`,
		],
		[
			'an order item (JSON) with a key named prototype',
			'transactionUpsert',
			{ email, orderId: '1', itemsInput: 'json', itemsJson: '[{"sku":"A","prototype":"x"}]' },
			`'Items (JSON)' entry 1 must not use the name "prototype" [item 3]`,
		],
		[
			'an order item with an extra field named __proto__',
			'transactionUpsert',
			{ email, orderId: '1', items: { item: [{ sku: 'A', extraFields: '{"__proto__":"x"}' }] } },
			`'Items' entry 1: Extra Fields (JSON) must not use the name "__proto__" [item 3]`,
		],
		[
			'a missing message',
			'messageSendEmail',
			{ email, messageId: fromList('') },
			"'Message' is required [item 3]",
		],
		[
			'a missing push message',
			'messageSendPush',
			{ email, mobileAppId: byId('5') },
			"'Push Message' is required [item 3]",
		],
		[
			'a missing mobile app',
			'messageSendPush',
			{ email, pushMessageId: byId('4') },
			"'Mobile App' is required [item 3]",
		],
		[
			'a missing SMS recipient',
			'messageSendSms',
			{ messageId: message, recipientType: 'recipientId' },
			"'Recipient ID' is required [item 3]",
		],
		['a missing order ID', 'transactionDelete', { email }, "'Order ID' is required [item 3]"],
		[
			'an invalid transaction date',
			'transactionUpsert',
			{ email, orderId: '1', additionalFields: { transactionDate: 'yesterday' } },
			"'Transaction Date' is not a valid date (use ISO 8601, e.g. 2024-02-10T17:25:43Z; without a zone it is read in the workflow's time zone; or epoch seconds (10 digits) or milliseconds (13 digits)) [item 3]",
		],
		[
			'an invalid currency',
			'transactionUpsert',
			{ email, orderId: '1', additionalFields: { currency: 'Euro' } },
			"'Currency' must be a three-letter currency code, like GBP [item 3]",
		],
		[
			'items JSON that is not an array',
			'transactionUpsert',
			{ email, orderId: '1', itemsInput: 'json', itemsJson: '{"sku": "A"}' },
			`'Items (JSON)' must be a JSON array, like [{"sku": "A-1"}] [item 3]`,
		],
		[
			'an item without SKU',
			'transactionUpsert',
			{ email, orderId: '1', items: { item: [{ sku: 'A' }, { name: 'no sku' }] } },
			"'Items' entry 2 has no SKU [item 3]",
		],
		[
			'an item whose price is not a number',
			'transactionUpsert',
			{ email, orderId: '1', itemsInput: 'json', itemsJson: '[{"sku": "A", "price": "ten"}]' },
			`'Items (JSON)' entry 1 has a "price" that is not a number [item 3]`,
		],
		[
			'malformed extra fields of an item',
			'transactionUpsert',
			{ email, orderId: '1', items: { item: [{ sku: 'A', extraFields: '{size: M}' }] } },
			"'Items' entry 1: Extra Fields (JSON) is not valid JSON",
		],
		['a missing product SKU', 'productDelete', {}, "'SKU' is required [item 3]"],
		[
			'a product price that is not a number',
			'productUpsert',
			{ productSKU: 'S', productPrice: '12,50 €' },
			"'Price' must be a number, like 19.99 [item 3]",
		],
		[
			'a product URL without protocol',
			'productUpsert',
			{ productSKU: 'S', productURL: 'shop.example.com/p' },
			"'URL' must be a URL starting with http:// or https:// [item 3]",
		],
		[
			'an invalid created at',
			'abandonedCartUpsert',
			{ email, sku: 'S', createdAt: '10/02/2024 at noon' },
			"'Created At' is not a valid date (use ISO 8601, e.g. 2024-02-10T17:25:43Z; without a zone it is read in the workflow's time zone; or epoch seconds (10 digits) or milliseconds (13 digits)) [item 3]",
		],
		[
			'a recommendation accuracy that is not a number',
			'recommendationUpsert',
			{ email, sku: 'S', accuracy: 'high' },
			"'Accuracy' must be a number, like 19.99 [item 3]",
		],
		[
			'a missing coupon code',
			'couponAdd',
			{ listName: 'summer' },
			"'Coupon Code' is required [item 3]",
		],
		[
			'a missing dataset name',
			'relatedDataAdd',
			{ key: 'k', attributes: pairs([['a', 'b']]) },
			"'Dataset Name' is required [item 3]",
		],
		[
			'related data without attributes',
			'relatedDataAdd',
			{ datasetName: 'd', key: 'k' },
			"'Attributes' must set at least one attribute [item 3]",
		],
		[
			'a malformed Mapp notation',
			'relatedDataUpdate',
			{ datasetName: 'd', key: 'k', attributesInput: 'json', attributesJson: "{'description':'x'" },
			`'Attributes (JSON)' is neither JSON nor Mapp's notation {'name':'value'} [item 3]`,
		],
		[
			'a custom event without subtype',
			'customEvent',
			{ event: '{"a": "b"}' },
			"'Event Subtype' is required [item 3]",
		],
		[
			'a subtype with spaces',
			'couponAdd',
			{ listName: 'l', value: 'v', options: { subtype: 'my coupons' } },
			`'Event Subtype' must not contain spaces ("my coupons") [item 3]`,
		],
		[
			'an empty custom event',
			'customEvent',
			{ subtype: 'automation', event: '{}' },
			"'Event (JSON)' must not be empty [item 3]",
		],
		[
			'a custom event that is a list',
			'customEvent',
			{ subtype: 'automation', event: '[{"a": "b"}]' },
			`'Event (JSON)' must be a JSON object, like {"name": "value"} [item 3]`,
		],
	])('%s', (_case, kindId, parameters, message) => {
		const error = failure(kindId, parameters);
		expect(error.message).toContain(message);
		expect(error.context.itemIndex).toBe(3);
	});

	it('names the item it is about', () => {
		expect(failure('couponAdd', { listName: 'l' }, 0).message).toBe(
			"'Coupon Code' is required [item 0]",
		);
	});
});
