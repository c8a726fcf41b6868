import { expectEventSent, resourceLocator, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('open bodies, on the wire', () => {
	it('Transaction → Create or Update: extra top-level fields, a known name while its field is empty', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'transaction',
				operation: 'upsert',
				orderId: 'SO-1',
				email: 'a@mapp.com',
				extraFieldsInput: 'json',
				extraFieldsJson: '={{ { channel: "app", currency: "eur", coupon: 10 } }}',
			},
			{
				subtype: 'transaction',
				event: {
					email: 'a@mapp.com',
					orderId: 'SO-1',
					channel: 'app',
					currency: 'eur',
					coupon: '10',
				},
			},
		);
	});

	it('Recommendation → Create or Update: by user ID, with extra fields', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'recommendation',
				operation: 'upsert',
				identifierType: 'userId',
				userId: 'u-17',
				sku: 'TS-001',
				accuracy: '0.9',
				extraFields: { values: [{ name: 'placement', value: 'home' }] },
			},
			{
				subtype: 'recommendation',
				event: { userId: 'u-17', sku: 'TS-001', accuracy: '0.9', placement: 'home' },
			},
		);
	});

	it('Recommendation → Delete: by mobile number', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'recommendation',
				operation: 'delete',
				identifierType: 'mobileNumber',
				mobileNumber: '+4915112345',
				sku: 'S-1',
			},
			{
				subtype: 'recommendation',
				event: { sku: 'S-1', mobileNumber: '+4915112345', delete: 'true' },
			},
		);
	});

	it("Related Data → Delete: with attributes, as Mapp's bulk-delete example", async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'relatedData',
				operation: 'delete',
				datasetName: 'testrdlistname',
				key: '123',
				attributes: {
					values: [
						{ name: 'description', value: 'some description' },
						{ name: 'price', value: '567' },
					],
				},
			},
			{
				subtype: 'relateddata',
				event: {
					datasetName: 'testrdlistname',
					key: '123',
					importMode: 'delete',
					attributes: { description: 'some description', price: '567' },
				},
			},
		);
	});

	it('User → Create or Update with Send Empty Values: "first" goes out as "" to clear it', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'user',
				operation: 'upsert',
				email: 'a@mapp.com',
				group: resourceLocator('101'),
				customAttributes: {
					values: [
						{ name: 'first', value: '' },
						{ name: 'second', value: 'x' },
					],
				},
				options: { sendEmptyValues: true },
			},
			{ subtype: 'user', event: { email: 'a@mapp.com', group: '101', first: '', second: 'x' } },
		);
	});
});
