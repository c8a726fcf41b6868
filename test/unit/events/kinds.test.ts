import type { IDataObject } from 'n8n-workflow';
import { buildEvent, eventKindById, eventKindOf } from '../../../nodes/MappConnect/events';
import { byId, fromList, pairs, reader } from './reader';

/** The subtype and body a kind builds from the given parameters. */
function built(kindId: string, parameters: IDataObject) {
	const kind = eventKindById(kindId);
	if (!kind) throw new Error(`no kind ${kindId}`);
	return buildEvent(kind, reader(parameters));
}

describe('event kinds build the payloads of the vendor page', () => {
	it('user: add a user and subscribe to the group', () => {
		expect(
			built('userUpsert', {
				email: 'user@mapp.com',
				group: fromList('2324333335'),
				customAttributes: pairs([
					['first', 'firstval'],
					['second', 'secondval'],
				]),
			}),
		).toEqual({
			subtype: 'user',
			event: { email: 'user@mapp.com', group: '2324333335', first: 'firstval', second: 'secondval' },
		});
	});

	it('user: custom attributes as a JSON object, double opt-in and a prepared message', () => {
		expect(
			built('userUpsert', {
				identifierType: 'mobileNumber',
				mobileNumber: '+48666777888',
				customAttributesInput: 'json',
				customAttributesJson: '{"first": "firstval", "age": 42, "vip": true, "empty": ""}',
				options: { doubleOptIn: true, messageId: byId('9634') },
			}).event,
		).toEqual({ mobileNumber: '+48666777888', doubleOptIn: 'true', messageId: '9634', first: 'firstval', age: '42', vip: 'true' });
	});

	it('user: identified by user ID, nothing sent for empty fields', () => {
		expect(
			built('userUpsert', {
				identifierType: 'userId',
				userId: 'u-17',
				group: fromList(''),
				customAttributes: pairs([['first', '']]),
				options: { doubleOptIn: false },
			}).event,
		).toEqual({ userId: 'u-17' });
	});

	it('user: remove a user', () => {
		expect(built('userRemoveFromGroup', { email: 'user@mapp.com', group: byId('2324333335') })).toEqual({
			subtype: 'user',
			event: { email: 'user@mapp.com', group: '2324333335', delete: 'true' },
		});
	});

	it('user: unsubscribe', () => {
		expect(built('userUnsubscribe', { email: 'user@mapp.com', group: fromList('12') }).event).toEqual({
			email: 'user@mapp.com',
			group: '12',
			unsubscribe: 'true',
		});
	});

	it('email: a single message with parameters', () => {
		expect(
			built('messageSendEmail', {
				messageId: fromList('2324333335'),
				email: 'user@mapp.com',
				messageParameters: pairs([
					['first', 'firstval'],
					['second', 'secondval'],
				]),
			}),
		).toEqual({
			subtype: 'email',
			event: { email: 'user@mapp.com', messageId: '2324333335', first: 'firstval', second: 'secondval' },
		});
	});

	it('email: with externalTransactionFormula', () => {
		expect(
			built('messageSendEmail', {
				messageId: fromList('2324333335'),
				email: 'user@mapp.com',
				options: { externalTransactionFormula: 'myUniqueValue' },
			}).event,
		).toEqual({ email: 'user@mapp.com', messageId: '2324333335', externalTransactionFormula: 'myUniqueValue' });
	});

	it('email: a group message', () => {
		expect(built('messageSendEmailToGroup', { messageId: fromList('2324333335'), group: fromList('12') })).toEqual({
			subtype: 'email',
			event: { group: '12', messageId: '2324333335' },
		});
	});

	it('sms: to a mobile number, by email or by recipient ID', () => {
		expect(
			built('messageSendSms', { messageId: fromList('2324333335'), recipientMobileNumber: '+48666777888' }),
		).toEqual({ subtype: 'sms', event: { recipientMobileNumber: '+48666777888', messageId: '2324333335' } });
		expect(
			built('messageSendSms', { messageId: fromList('1'), recipientType: 'email', email: 'a@mapp.com' }).event,
		).toEqual({ email: 'a@mapp.com', messageId: '1' });
		expect(
			built('messageSendSms', {
				messageId: fromList('1'),
				recipientType: 'recipientId',
				recipientId: '777',
				messageParameters: pairs([['code', 4711]]),
			}).event,
		).toEqual({ recipientId: '777', messageId: '1', code: '4711' });
	});

	it('push: message, app, email and a parameter', () => {
		expect(
			built('messageSendPush', {
				email: 'john.smith@xx.xx',
				pushMessageId: fromList('1234'),
				mobileAppId: byId('5678'),
				messageParameters: pairs([['param1', 'param 1 value']]),
			}),
		).toEqual({
			subtype: 'push',
			event: { email: 'john.smith@xx.xx', pushMessageId: '1234', mobileAppId: '5678', param1: 'param 1 value' },
		});
	});

	it('transaction: save details in the Transactions eCommerce table', () => {
		expect(
			built('transactionUpsert', {
				email: 'test.example@mapp.com',
				orderId: '06032023',
				items: { item: [{ sku: 'JB-129', name: 'George-H', price: '15', quantity: 1, extraFields: '{}' }] },
				additionalFields: {
					messageId: fromList('9634'),
					group: fromList('8262'),
					transactionDate: '2020-04-28T12:30:08.537Z',
					currency: 'gbp',
				},
			}),
		).toEqual({
			subtype: 'transaction',
			event: {
				email: 'test.example@mapp.com',
				messageId: '9634',
				items: [{ sku: 'JB-129', name: 'George-H', price: '15', qty_ordered: '1' }],
				group: '8262',
				orderId: '06032023',
				transaction_date: '2020-04-28T12:30:08.537Z',
				currency: 'GBP',
			},
		});
	});

	it('transaction: items as a JSON array with extra fields, numbers as strings', () => {
		expect(
			built('transactionUpsert', {
				email: 'a@mapp.com',
				orderId: 7,
				itemsInput: 'json',
				itemsJson: [{ sku: 'A-1', price: 9.5, qty_ordered: 2, size: 'M' }],
			}).event,
		).toEqual({ email: 'a@mapp.com', orderId: '7', items: [{ sku: 'A-1', price: '9.5', qty_ordered: '2', size: 'M' }] });
	});

	it('transaction: extra fields of an entered item', () => {
		expect(
			built('transactionUpsert', {
				email: 'a@mapp.com',
				orderId: '1',
				items: { item: [{ sku: 'A-1', extraFields: '{"color": "red"}' }] },
			}).event.items,
		).toEqual([{ sku: 'A-1', color: 'red' }]);
	});

	it('transaction: remove a transaction', () => {
		expect(built('transactionDelete', { orderId: '12345', email: 'test@test.com' })).toEqual({
			subtype: 'transaction',
			event: { orderId: '12345', email: 'test@test.com', delete: 'true' },
		});
	});

	it('product: add and delete', () => {
		expect(
			built('productUpsert', {
				productSKU: 'aaa-bbb-ccc',
				productName: 'someName',
				productPrice: '123',
				productURL: 'http://somedomain.com',
			}),
		).toEqual({
			subtype: 'product',
			event: {
				productSKU: 'aaa-bbb-ccc',
				productName: 'someName',
				productPrice: '123',
				productURL: 'http://somedomain.com',
			},
		});
		expect(built('productDelete', { productSKU: 'aaa-bbb-ccc' }).event).toEqual({
			productSKU: 'aaa-bbb-ccc',
			delete: 'true',
		});
	});

	it('product: extra catalog fields', () => {
		expect(
			built('productUpsert', {
				productSKU: 'S',
				extraFieldsInput: 'json',
				extraFieldsJson: { productImageURL: 'https://img.example.com/s.png', stock: 3 },
			}).event,
		).toEqual({ productSKU: 'S', productImageURL: 'https://img.example.com/s.png', stock: '3' });
	});

	it('shopping activity: add or update, with createdAt as ISO date or epoch ms', () => {
		expect(
			built('abandonedCartUpsert', {
				email: 'test.example@mapp.com',
				sku: '0602-2023-123',
				createdAt: '2024-02-10T17:25:43.511Z',
				price: '25',
				extraFields: pairs([['size', 'M']]),
			}),
		).toEqual({
			subtype: 'abandonedcart',
			event: {
				email: 'test.example@mapp.com',
				sku: '0602-2023-123',
				createdAt: '2024-02-10T17:25:43.511Z',
				price: '25',
				size: 'M',
			},
		});
		expect(built('wishlistUpsert', { email: 'a@mapp.com', sku: 'X', createdAt: '1741867804875' })).toEqual({
			subtype: 'wishlist',
			event: { email: 'a@mapp.com', sku: 'X', createdAt: '1741867804875' },
		});
		expect(built('browseUpsert', { email: 'a@mapp.com', sku: 'X', createdAt: 1741867804875 }).event.createdAt).toBe(
			'1741867804875',
		);
	});

	it('shopping activity: delete, also by user ID', () => {
		expect(built('wishlistDelete', { sku: '0602-2023-123', email: 'test@mapp.com' }).event).toEqual({
			sku: '0602-2023-123',
			email: 'test@mapp.com',
			delete: 'true',
		});
		expect(built('abandonedCartDelete', { identifierType: 'userId', userId: '42', sku: 'S' }).event).toEqual({
			sku: 'S',
			userId: '42',
			delete: 'true',
		});
	});

	it('recommendation: add and delete', () => {
		expect(
			built('recommendationUpsert', { email: 'test.example@mapp.com', sku: '0602-2023-123', accuracy: '12', model: '25' })
				.event,
		).toEqual({ email: 'test.example@mapp.com', sku: '0602-2023-123', accuracy: '12', model: '25' });
		expect(built('recommendationDelete', { sku: '0602-2023-123', email: 'test@mapp.com' }).event).toEqual({
			sku: '0602-2023-123',
			email: 'test@mapp.com',
			delete: 'true',
		});
	});

	it('coupon: add a single coupon code', () => {
		expect(built('couponAdd', { listName: 'campaing1', value: 'summer1jaosajsoas' })).toEqual({
			subtype: 'coupon',
			event: { listName: 'campaing1', value: 'summer1jaosajsoas' },
		});
	});

	it('related data: add', () => {
		expect(
			built('relatedDataAdd', {
				datasetName: 'testrdlistname',
				key: '123',
				attributes: pairs([
					['description', 'some description'],
					['price', 567],
				]),
			}),
		).toEqual({
			subtype: 'relateddata',
			event: {
				datasetName: 'testrdlistname',
				key: '123',
				importMode: 'add',
				attributes: { description: 'some description', price: '567' },
			},
		});
	});

	it("related data: update with attributes and filter in Mapp's CSV-export notation", () => {
		expect(
			built('relatedDataUpdate', {
				datasetName: 'testrdlistname',
				key: '123',
				attributesInput: 'json',
				attributesJson: "{'description':'change description','price':'890'}",
				filterInput: 'json',
				filterJson: "{'description':'lorem ipsum'}",
			}).event,
		).toEqual({
			datasetName: 'testrdlistname',
			key: '123',
			importMode: 'update',
			attributes: { description: 'change description', price: '890' },
			filter: { description: 'lorem ipsum' },
		});
	});

	it('related data: delete with a JSON filter, and without one', () => {
		expect(
			built('relatedDataDelete', {
				datasetName: 'testrdlistname',
				key: '123',
				filterInput: 'json',
				filterJson: '{ "description" : "lorem ipsum" }',
			}).event,
		).toEqual({ datasetName: 'testrdlistname', key: '123', importMode: 'delete', filter: { description: 'lorem ipsum' } });
		expect(built('relatedDataDelete', { datasetName: 'd', key: 'k' }).event).toEqual({
			datasetName: 'd',
			key: 'k',
			importMode: 'delete',
		});
	});

	it('custom event: any subtype, the JSON object as given', () => {
		expect(
			built('customEvent', { subtype: 'automation', event: '{"externalEvent": "signup", "email": "a@mapp.com", "n": 1}' }),
		).toEqual({ subtype: 'automation', event: { externalEvent: 'signup', email: 'a@mapp.com', n: 1 } });
	});
});

describe('event subtype', () => {
	it('defaults to the standard name of each kind', () => {
		const defaults = Object.fromEntries(
			['userUpsert', 'messageSendSms', 'browseDelete', 'recommendationUpsert', 'relatedDataDelete'].map((id) => [
				id,
				built(id, {
					email: 'a@mapp.com',
					recipientMobileNumber: '+4912345678',
					messageId: byId('1'),
					sku: 'S',
					datasetName: 'd',
					key: 'k',
				}).subtype,
			]),
		);
		expect(defaults).toEqual({
			userUpsert: 'user',
			messageSendSms: 'sms',
			browseDelete: 'browse',
			recommendationUpsert: 'recommendation',
			relatedDataDelete: 'relateddata',
		});
	});

	it('can be overridden under Options', () => {
		expect(built('couponAdd', { listName: 'l', value: 'v', options: { subtype: ' myCoupons ' } }).subtype).toBe('myCoupons');
	});

	it('each operation sends its own kind', () => {
		expect(eventKindOf('user', 'unsubscribe')?.id).toBe('userUnsubscribe');
		expect(eventKindOf('shoppingActivity', 'delete', 'wishlist')?.id).toBe('wishlistDelete');
		expect(eventKindOf('group', 'getAll')).toBeUndefined();
	});
});
