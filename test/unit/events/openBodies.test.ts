import type { IDataObject } from 'n8n-workflow';
import { built, byId, failure, fromList, pairs } from './reader';

const failureOfItem4 = (kindId: string, parameters: IDataObject) => failure(kindId, parameters, 4);

const bodyText = (kindId: string, parameters: IDataObject) =>
	JSON.stringify(built(kindId, parameters).event);

describe('Automation → Trigger External Event', () => {
	it("sends Mapp's documented body under subtype automation: the contact, then the event name", () => {
		expect(
			built('automationExternalEvent', { email: 'user@mapp.com', eventName: 'new_account' }),
		).toEqual({
			subtype: 'automation',
			event: { email: 'user@mapp.com', external_event: 'new_account' },
		});
		expect(
			bodyText('automationExternalEvent', { email: 'user@mapp.com', eventName: 'new_account' }),
		).toBe('{"email":"user@mapp.com","external_event":"new_account"}');
	});

	it('takes other identifiers and attributes, by name/value or JSON, and another subtype and key', () => {
		expect(
			built('automationExternalEvent', {
				identifierType: 'userId',
				userId: 'u-17',
				eventName: 'cart_abandoned',
				eventAttributes: pairs([
					['interest', 'shoes'],
					['cartValue', 49.9],
				]),
				options: { subtype: 'external_event', eventNameKey: 'externalEvent' },
			}),
		).toEqual({
			subtype: 'external_event',
			event: {
				userId: 'u-17',
				externalEvent: 'cart_abandoned',
				interest: 'shoes',
				cartValue: '49.9',
			},
		});
		expect(
			built('automationExternalEvent', {
				identifierType: 'mobileNumber',
				mobileNumber: '+48666777888',
				eventName: 'NewAccount',
				eventAttributesInput: 'json',
				eventAttributesJson: '{"interest": "bikes", "vip": true}',
			}).event,
		).toEqual({
			mobileNumber: '+48666777888',
			external_event: 'NewAccount',
			interest: 'bikes',
			vip: 'true',
		});
	});

	it.each<[string, IDataObject, string]>([
		['no event name', { email: 'a@mapp.com', eventName: ' ' }, "'Event Name' is required [item 4]"],
		[
			'an event name with a space',
			{ email: 'a@mapp.com', eventName: 'new account' },
			`'Event Name' must not contain spaces ("new account"): an event name has none in Mapp [item 4]`,
		],
		[
			'an event name key with a space',
			{ email: 'a@mapp.com', eventName: 'x', options: { eventNameKey: 'external event' } },
			`'Event Name Key' must not contain spaces ("external event"): a mapping key has none in Mapp [item 4]`,
		],
		[
			'the forbidden key',
			{ email: 'a@mapp.com', eventName: 'x', options: { eventNameKey: '__proto__' } },
			`'Event Name Key' must not use the name "__proto__" [item 4]`,
		],
		['no contact', { email: '', eventName: 'x' }, "'Email' is required [item 4]"],
		[
			'an attribute under the (default) Event Name Key',
			{ email: 'a@mapp.com', eventName: 'x', eventAttributes: pairs([['external_event', 'y']]) },
			`'Attributes' must not set "external_event": 'Event Name Key' sets it too [item 4]`,
		],
	])('refuses %s, naming the field and the item', (_case, parameters, message) => {
		expect(failureOfItem4('automationExternalEvent', parameters).message).toBe(message);
	});
});

describe('open bodies', () => {
	it('Transaction: extra top-level fields after the known ones; a known name only while its field is empty', () => {
		const order = { email: 'a@mapp.com', orderId: 'O-1' };
		expect(
			bodyText('transactionUpsert', {
				...order,
				extraFields: pairs([
					['channel', 'app'],
					['currency', 'eur'],
				]),
			}),
		).toBe('{"email":"a@mapp.com","orderId":"O-1","channel":"app","currency":"eur"}');
		const both = failureOfItem4('transactionUpsert', {
			...order,
			additionalFields: { currency: 'GBP' },
			extraFieldsInput: 'json',
			extraFieldsJson: { currency: 'eur' },
		});
		expect(both.message).toBe(
			`'Extra Fields' must not set "currency": 'Currency' sets it too [item 4]`,
		);
		expect(both.description).toBe(
			`Leave one of the two empty: 'Currency' or the "currency" entry of 'Extra Fields'.`,
		);
	});

	it('Recommendation: a saved v1 workflow (email only) still sends the email; user ID and mobile number work too', () => {
		expect(
			bodyText('recommendationUpsert', {
				email: 'a@mapp.com',
				sku: 'S-1',
				accuracy: '12',
				model: '25',
			}),
		).toBe('{"email":"a@mapp.com","sku":"S-1","accuracy":"12","model":"25"}');
		expect(
			built('recommendationUpsert', {
				identifierType: 'userId',
				userId: 'u-1',
				sku: 'S-1',
				extraFields: pairs([['placement', 'home']]),
			}).event,
		).toEqual({ userId: 'u-1', sku: 'S-1', placement: 'home' });
		expect(
			bodyText('recommendationDelete', {
				identifierType: 'mobileNumber',
				mobileNumber: '+4915112345',
				sku: 'S-1',
			}),
		).toBe('{"sku":"S-1","mobileNumber":"+4915112345","delete":"true"}');
		expect(failureOfItem4('recommendationUpsert', { email: '', sku: 'S-1' }).message).toBe(
			"'Email' is required [item 4]",
		);
		expect(
			failureOfItem4('recommendationUpsert', {
				email: 'a@mapp.com',
				sku: 'S-1',
				model: '25',
				extraFields: pairs([['model', '7']]),
			}).message,
		).toBe(`'Extra Fields' must not set "model": 'Model' sets it too [item 4]`);
	});

	it("Related Data: Delete carries attributes as Mapp's bulk-delete example does", () => {
		expect(
			bodyText('relatedDataDelete', {
				datasetName: 'testrdlistname',
				key: '123',
				attributesInput: 'json',
				attributesJson: "{'description':'some description','price':'567'}",
			}),
		).toBe(
			'{"datasetName":"testrdlistname","key":"123","importMode":"delete","attributes":{"description":"some description","price":"567"}}',
		);
		expect(built('relatedDataDelete', { datasetName: 'd', key: '1' }).event).toEqual({
			datasetName: 'd',
			key: '1',
			importMode: 'delete',
		});
	});
});

describe('Send Empty Values', () => {
	const user = { email: 'a@mapp.com', group: fromList('12') };
	const attributes = pairs([
		['first', ''],
		['second', 'x'],
		['third', null],
	]);

	it('off (the default): empty values are left out', () => {
		expect(built('userUpsert', { ...user, customAttributes: attributes }).event).toEqual({
			...user,
			group: '12',
			second: 'x',
		});
	});

	it('on: the names listed with an empty value go out as "", in their order', () => {
		expect(
			bodyText('userUpsert', {
				...user,
				customAttributes: attributes,
				options: { sendEmptyValues: true },
			}),
		).toBe('{"email":"a@mapp.com","group":"12","first":"","second":"x","third":""}');
		expect(
			built('relatedDataUpdate', {
				datasetName: 'd',
				key: '1',
				attributesInput: 'json',
				attributesJson: "{'description':'','price':'5'}",
				options: { sendEmptyValues: true },
			}).event.attributes,
		).toEqual({ description: '', price: '5' });
		expect(
			built('productUpsert', {
				productSKU: 'S',
				extraFieldsInput: 'json',
				extraFieldsJson: { productImageURL: '' },
				options: { sendEmptyValues: true },
			}).event,
		).toEqual({ productSKU: 'S', productImageURL: '' });
	});

	it('never clears a field the node sets: an empty entry for it is refused like any other', () => {
		expect(
			failureOfItem4('transactionUpsert', {
				email: 'a@mapp.com',
				orderId: '1',
				additionalFields: { currency: 'EUR' },
				extraFields: pairs([['currency', '']]),
				options: { sendEmptyValues: true },
			}).message,
		).toBe(`'Extra Fields' must not set "currency": 'Currency' sets it too [item 4]`);
	});

	it('leaves message parameters alone: they fill a message, they are not stored', () => {
		expect(
			built('messageSendEmail', {
				email: 'a@mapp.com',
				messageId: byId('1'),
				messageParameters: pairs([['code', '']]),
				options: { sendEmptyValues: true },
			}).event,
		).toEqual({ email: 'a@mapp.com', messageId: '1' });
	});
});
