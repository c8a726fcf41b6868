import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Coupon', () => {
	it('Add', async () => {
		await expectEventSent(
			sandbox(),
			{ resource: 'coupon', operation: 'add', listName: 'campaing1', value: 'summer1jaosajsoas' },
			{ subtype: 'coupon', event: { listName: 'campaing1', value: 'summer1jaosajsoas' } },
		);
	});
});
