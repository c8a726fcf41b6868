import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Shopping Activity', () => {
	it.each([
		['abandonedCart', 'abandonedcart'],
		['wishlist', 'wishlist'],
		['browse', 'browse'],
	])('Create or Update of %s', async (activityType, subtype) => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'shoppingActivity',
				operation: 'upsert',
				activityType,
				email: 'test.example@mapp.com',
				sku: '0602-2023-123',
				createdAt: '2024-02-10T17:25:43.511Z',
				price: '25',
				extraFields: { values: [{ name: 'size', value: 'M' }] },
			},
			{
				subtype,
				event: {
					email: 'test.example@mapp.com',
					sku: '0602-2023-123',
					createdAt: '2024-02-10T17:25:43.511Z',
					price: '25',
					size: 'M',
				},
			},
		);
	});

	it('Create or Update with created at in epoch milliseconds', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'shoppingActivity',
				operation: 'upsert',
				activityType: 'wishlist',
				email: 'a@mapp.com',
				sku: 'S',
				createdAt: '1741867804875',
			},
			{ subtype: 'wishlist', event: { email: 'a@mapp.com', sku: 'S', createdAt: '1741867804875' } },
		);
	});

	it('Delete, by mobile number', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'shoppingActivity',
				operation: 'delete',
				activityType: 'abandonedCart',
				identifierType: 'mobileNumber',
				mobileNumber: '+48666777888',
				sku: '0602-2023-123',
			},
			{
				subtype: 'abandonedcart',
				event: { sku: '0602-2023-123', mobileNumber: '+48666777888', delete: 'true' },
			},
		);
	});
});
