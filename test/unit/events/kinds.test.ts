import { VENDOR_EXAMPLES } from '../../fixtures/vendorExamples';
import { built, byId, fromList, pairs } from './reader';

describe("event kinds build every example body of Mapp's page", () => {
	it.each(VENDOR_EXAMPLES.map((example) => [example.title, example] as const))(
		'%s',
		(_title, example) => {
			const { subtype, event } = built(example.kind, example.parameters);
			expect({ subtype, event }).toEqual({ subtype: example.subtype, event: example.event });
			// The documented key order too: the body goes out as Mapp's page shows it.
			expect(JSON.stringify(event)).toBe(JSON.stringify(example.event));
		},
	);
});

describe('event kinds: variants beyond the examples', () => {
	it('user: custom attributes as a JSON object, double opt-in and a prepared message', () => {
		expect(
			built('userUpsert', {
				identifierType: 'mobileNumber',
				mobileNumber: '+48666777888',
				customAttributesInput: 'json',
				customAttributesJson: '{"first": "firstval", "age": 42, "vip": true, "empty": ""}',
				options: { doubleOptIn: true, messageId: byId('9634') },
			}).event,
		).toEqual({
			mobileNumber: '+48666777888',
			doubleOptIn: 'true',
			messageId: '9634',
			first: 'firstval',
			age: '42',
			vip: 'true',
		});
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

	it('user: unsubscribe', () => {
		expect(
			built('userUnsubscribe', { email: 'user@mapp.com', group: fromList('12') }).event,
		).toEqual({
			email: 'user@mapp.com',
			group: '12',
			unsubscribe: 'true',
		});
	});

	it('sms: by email or by recipient ID, with a parameter', () => {
		expect(
			built('messageSendSms', {
				messageId: fromList('1'),
				recipientType: 'email',
				email: 'a@mapp.com',
			}).event,
		).toEqual({
			email: 'a@mapp.com',
			messageId: '1',
		});
		expect(
			built('messageSendSms', {
				messageId: fromList('1'),
				recipientType: 'recipientId',
				recipientId: '777',
				messageParameters: pairs([['code', 4711]]),
			}).event,
		).toEqual({ recipientId: '777', messageId: '1', code: '4711' });
	});

	it('transaction: items as a JSON array with extra fields, numbers as strings, currency upper-cased', () => {
		expect(
			built('transactionUpsert', {
				email: 'a@mapp.com',
				orderId: 7,
				itemsInput: 'json',
				itemsJson: [{ sku: 'A-1', price: 9.5, qty_ordered: 2, size: 'M' }],
				additionalFields: { currency: 'gbp' },
			}).event,
		).toEqual({
			email: 'a@mapp.com',
			orderId: '7',
			items: [{ sku: 'A-1', price: '9.5', qty_ordered: '2', size: 'M' }],
			currency: 'GBP',
		});
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

	it('product: extra catalog fields', () => {
		expect(
			built('productUpsert', {
				productSKU: 'S',
				extraFieldsInput: 'json',
				extraFieldsJson: { productImageURL: 'https://img.example.com/s.png', stock: 3 },
			}).event,
		).toEqual({ productSKU: 'S', productImageURL: 'https://img.example.com/s.png', stock: '3' });
	});

	it('shopping activity: createdAt as epoch ms, as text or as a number', () => {
		expect(
			built('wishlistUpsert', { email: 'a@mapp.com', sku: 'X', createdAt: '1741867804875' }),
		).toEqual({
			subtype: 'wishlist',
			event: { email: 'a@mapp.com', sku: 'X', createdAt: '1741867804875' },
		});
		expect(
			built('browseUpsert', { email: 'a@mapp.com', sku: 'X', createdAt: 1741867804875 }).event
				.createdAt,
		).toBe('1741867804875');
	});

	it('shopping activity: delete by user ID', () => {
		expect(
			built('abandonedCartDelete', { identifierType: 'userId', userId: '42', sku: 'S' }).event,
		).toEqual({
			sku: 'S',
			userId: '42',
			delete: 'true',
		});
	});

	it('related data: delete without a filter', () => {
		expect(built('relatedDataDelete', { datasetName: 'd', key: 'k' }).event).toEqual({
			datasetName: 'd',
			key: 'k',
			importMode: 'delete',
		});
	});

	it('custom event: any subtype, the JSON object as given', () => {
		expect(
			built('customEvent', {
				subtype: 'automation',
				event: '{"externalEvent": "signup", "email": "a@mapp.com", "n": 1}',
			}),
		).toEqual({
			subtype: 'automation',
			event: { externalEvent: 'signup', email: 'a@mapp.com', n: 1 },
		});
	});

	it("an attribute may use a name the node sets only while the node's own field is empty", () => {
		expect(
			built('userUpsert', { email: 'a@mapp.com', customAttributes: pairs([['group', '77']]) })
				.event,
		).toEqual({
			email: 'a@mapp.com',
			group: '77',
		});
	});

	it('names like toString are ordinary attribute names (constructor is not: the one rule for keys)', () => {
		expect(
			built('userUpsert', {
				email: 'a@mapp.com',
				customAttributes: pairs([
					['toString', 't'],
					['valueOf', 'v'],
					['hasOwnProperty', 'h'],
				]),
			}).event,
		).toEqual({
			email: 'a@mapp.com',
			toString: 't',
			valueOf: 'v',
			hasOwnProperty: 'h',
		});
	});

	it('names like toString are ordinary keys in order items, related data attributes and filters', () => {
		const items = built('transactionUpsert', {
			orderId: 'O-1',
			email: 'a@mapp.com',
			itemsInput: 'json',
			itemsJson: '[{"sku":"A","valueOf":"x","toString":"y"}]',
		}).event.items;
		expect(items).toEqual([{ sku: 'A', valueOf: 'x', toString: 'y' }]);
		const fieldItems = built('transactionUpsert', {
			orderId: 'O-1',
			email: 'a@mapp.com',
			items: { item: [{ sku: 'A', extraFields: '{"valueOf":"v","hasOwnProperty":"h"}' }] },
		}).event.items;
		expect(fieldItems).toEqual([{ sku: 'A', valueOf: 'v', hasOwnProperty: 'h' }]);
		expect(
			built('relatedDataUpdate', {
				datasetName: 'd',
				key: 'k',
				attributesInput: 'json',
				attributesJson: "{'valueOf':'c'}",
				filterInput: 'json',
				filterJson: '{"toString":"t"}',
			}).event,
		).toMatchObject({ attributes: { valueOf: 'c' }, filter: { toString: 't' } });
	});
});

describe('event subtype', () => {
	it('defaults to the standard name of each kind', () => {
		const defaults = Object.fromEntries(
			[
				'userUpsert',
				'messageSendSms',
				'browseDelete',
				'recommendationUpsert',
				'relatedDataDelete',
			].map((id) => [
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
		expect(
			built('couponAdd', { listName: 'l', value: 'v', options: { subtype: ' myCoupons ' } })
				.subtype,
		).toBe('myCoupons');
	});
});
