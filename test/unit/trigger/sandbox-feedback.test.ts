import { feedbackFor, javaDateString } from '../../../tooling/sandbox/feedback';
import { actionTimeToIso } from '../../../nodes/MappConnectTrigger/actionTime';

const INTEGRATION = '11111111-2222-3333-4444-555555555555';

describe("the sandbox's feedback on accepted events", () => {
	it.each([
		['product', { productName: 'Mug' }, 'productSKU'],
		[
			'product',
			{ delete: 'true' },
			'Skipping product deletion - missing mandatory field: productSKU',
		],
		['transaction', { email: 'a@example.com', items: [] }, 'orderId'],
		['relateddata', { key: 'k1', importMode: 'add' }, 'datasetName'],
		['user', { group: '101' }, 'email, mobileNumber, userId'],
		['abandonedcart', { email: 'a@example.com' }, 'sku'],
		['coupon', { value: 'X1' }, 'listName'],
		['push', { email: 'a@example.com', mobileAppId: '1' }, 'pushMessageId'],
	])('reports a %s event %j', (subtype, event, named) => {
		const entry = feedbackFor(subtype, event, INTEGRATION);

		expect(entry).toMatchObject({
			errorCode: 'MISSING_FIELD',
			mappingName: subtype,
			integration_id: INTEGRATION,
			actionParams: event,
		});
		expect(entry?.description).toContain(named);
	});

	it.each([
		['product', { productSKU: 'SKU-1', productName: 'Mug' }],
		['transaction', { orderId: 'O-1', email: 'a@example.com' }],
		['user', { mobileNumber: '+4917000000' }],
		['email', { messageId: '7', group: '101' }],
		['automation', { externalEvent: 'x' }],
	])('says nothing about a valid %s event', (subtype, event) => {
		expect(feedbackFor(subtype, event, INTEGRATION)).toBeUndefined();
	});

	it('writes actionTime as Mapp does, which the trigger reads back', () => {
		const now = new Date('2024-03-05T07:08:09Z');

		expect(javaDateString(now)).toBe('Tue Mar 05 07:08:09 UTC 2024');
		expect(actionTimeToIso(javaDateString(now))).toBe('2024-03-05T07:08:09.000Z');
	});
});
