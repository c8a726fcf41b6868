import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Product', () => {
	it('Create or Update: SKU, name, price, URL and extra catalog fields', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'product',
				operation: 'upsert',
				productSKU: 'aaa-bbb-ccc',
				productName: 'someName',
				productPrice: '123',
				productURL: 'http://somedomain.com',
				extraFields: {
					values: [{ name: 'productImageURL', value: 'http://somedomain.com/a.png' }],
				},
			},
			{
				subtype: 'product',
				event: {
					productSKU: 'aaa-bbb-ccc',
					productName: 'someName',
					productPrice: '123',
					productURL: 'http://somedomain.com',
					productImageURL: 'http://somedomain.com/a.png',
				},
			},
		);
	});
});
