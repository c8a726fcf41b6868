import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Transaction', () => {
	it('Create or Update: items mapped as a JSON array', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'transaction',
				operation: 'upsert',
				orderId: '={{ 4711 }}',
				email: 'a@mapp.com',
				itemsInput: 'json',
				itemsJson: '={{ [{ sku: "A-1", price: 9.99, qty_ordered: 2, size: "M" }] }}',
			},
			{
				subtype: 'transaction',
				event: {
					email: 'a@mapp.com',
					items: [{ sku: 'A-1', price: '9.99', qty_ordered: '2', size: 'M' }],
					orderId: '4711',
				},
			},
		);
	});
});
