import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { buildEventBody, toEventResult } from '../../../nodes/MappConnect/hooks/event';
import { response, singleContext } from './context';

const transactionDelete = { resource: 'transaction', operation: 'delete', orderId: '12345', email: 'test@test.com' };
const request = { method: 'POST' as const, url: '/event', qs: {}, body: {} };

describe('buildEventBody (preSend of every event operation)', () => {
	it("puts the kind's event in the body and its subtype in the query", async () => {
		const options = await buildEventBody.call(singleContext(transactionDelete), request);
		expect(options).toEqual({
			method: 'POST',
			url: '/event',
			qs: { subtype: 'transaction' },
			body: { orderId: '12345', email: 'test@test.com', delete: 'true' },
		});
	});

	it('uses the subtype the user set and the kind of the chosen activity type', async () => {
		const options = await buildEventBody.call(
			singleContext({
				resource: 'shoppingActivity',
				operation: 'delete',
				activityType: 'browse',
				sku: 'S',
				email: 'a@mapp.com',
				options: { subtype: 'browsed' },
			}),
			request,
		);
		expect(options.qs).toEqual({ subtype: 'browsed' });
		expect(options.body).toEqual({ sku: 'S', email: 'a@mapp.com', delete: 'true' });
	});

	it('refuses bad input before the request, naming the field and the item', async () => {
		const context = singleContext({ ...transactionDelete, orderId: '' }, 2);
		await expect(buildEventBody.call(context, request)).rejects.toThrow(
			new NodeOperationError(context.getNode(), "'Order ID' is required [item 2]"),
		);
	});

	it('holds back a valid item of a run in which another item is invalid, with the invalid item named', async () => {
		const run = {};
		const valid = buildEventBody.call(singleContext(transactionDelete, 0, { run }), request);
		const invalid = buildEventBody.call(singleContext({ ...transactionDelete, orderId: '' }, 1, { run }), request);

		await expect(invalid).rejects.toThrow("'Order ID' is required [item 1]");
		await expect(valid).rejects.toThrow("'Order ID' is required [item 1]");
	});

	it('lets a valid item go when Continue On Fail is on, whatever the other items are', async () => {
		const run = {};
		const valid = buildEventBody.call(singleContext(transactionDelete, 0, { run, continueOnFail: true }), request);
		const invalid = buildEventBody.call(
			singleContext({ ...transactionDelete, orderId: '' }, 1, { run, continueOnFail: true }),
			request,
		);

		await expect(invalid).rejects.toThrow("'Order ID' is required [item 1]");
		await expect(valid).resolves.toMatchObject({ body: { orderId: '12345', email: 'test@test.com', delete: 'true' } });
	});
});

describe('toEventResult (postReceive of every event operation)', () => {
	it('answers one item, paired to its input, with what was sent', async () => {
		const context = singleContext(transactionDelete, 4);
		await buildEventBody.call(context, request);
		expect(await toEventResult.call(context, [], response(200))).toEqual([
			{
				json: {
					success: true,
					statusCode: 200,
					subtype: 'transaction',
					event: { orderId: '12345', email: 'test@test.com', delete: 'true' },
				},
				pairedItem: { item: 4 },
			},
		]);
	});

	it("turns a 400 into an API error with Mapp's message and a hint naming the subtype", async () => {
		const context = singleContext({ ...transactionDelete, options: { subtype: 'orders' } }, 1);
		await buildEventBody.call(context, request);
		const error = await toEventResult.call(context, [], response(400, { message: 'Unknown mapping' })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mapp Connect answered 400: Unknown mapping');
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('the subtype "orders"');
		expect(error.context.itemIndex).toBe(1);
	});
});
