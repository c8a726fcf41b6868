import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Recommendation', () => {
	it('Create or Update', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'recommendation',
				operation: 'upsert',
				email: 'test.example@mapp.com',
				sku: '0602-2023-123',
				accuracy: '12',
				model: '25',
			},
			{
				subtype: 'recommendation',
				event: { email: 'test.example@mapp.com', sku: '0602-2023-123', accuracy: '12', model: '25' },
			},
		);
	});

	it('Delete', async () => {
		await expectEventSent(
			sandbox(),
			{ resource: 'recommendation', operation: 'delete', email: 'test@mapp.com', sku: '0602-2023-123' },
			{ subtype: 'recommendation', event: { sku: '0602-2023-123', email: 'test@mapp.com', delete: 'true' } },
		);
	});
});
