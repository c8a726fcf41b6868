import { expectEventSent, resourceLocator, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Transaction', () => {
	it('Create or Update: the order with its items, group, date, currency and prepared message', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'transaction',
				operation: 'upsert',
				orderId: '06032023',
				email: 'test.example@mapp.com',
				items: { item: [{ sku: 'JB-129', name: 'George-H', price: '15', quantity: '1', extraFields: '{}' }] },
				additionalFields: {
					group: resourceLocator('8262'),
					transactionDate: '2020-04-28T12:30:08.537Z',
					currency: 'GBP',
					messageId: resourceLocator('9634'),
				},
			},
			{
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
			},
		);
	});

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
				event: { email: 'a@mapp.com', items: [{ sku: 'A-1', price: '9.99', qty_ordered: '2', size: 'M' }], orderId: '4711' },
			},
		);
	});

	it('Delete', async () => {
		await expectEventSent(
			sandbox(),
			{ resource: 'transaction', operation: 'delete', orderId: '12345', email: 'test@test.com' },
			{ subtype: 'transaction', event: { orderId: '12345', email: 'test@test.com', delete: 'true' } },
		);
	});
});
