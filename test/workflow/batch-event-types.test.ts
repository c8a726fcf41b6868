import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';
import { loadPackage, runNode, sandboxCredentials } from '../../tooling/harness';
import type { Sandbox } from '../../tooling/sandbox';
import { startSandbox } from '../../tooling/sandbox';
import { contactFields, contacts } from '../../tooling/harness/batch-fixtures';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const email = '={{ $json.email }}';
const contact = { identifierType: 'email', email };
const sku = '={{ "SKU-" + $json.score }}';

interface EventTypeCase {
	/** The single operation that sends the same kind of event. */
	single: INodeParameters;
	fields: INodeParameters;
	subtype: string;
}

const activity = (activityType: string, subtype: string): Record<string, EventTypeCase> => ({
	[`${activityType}Upsert`]: {
		single: { resource: 'shoppingActivity', operation: 'upsert', activityType },
		fields: { ...contact, sku, price: '5.90', createdAt: '1741867804875' },
		subtype,
	},
	[`${activityType}Delete`]: {
		single: { resource: 'shoppingActivity', operation: 'delete', activityType },
		fields: { ...contact, sku },
		subtype,
	},
});

/** Every Event Type of Batch → Send, with the single operation that sends the same event. */
const EVENT_TYPES: Record<string, EventTypeCase> = {
	userUpsert: {
		single: { resource: 'user', operation: 'upsert' },
		fields: contactFields,
		subtype: 'user',
	},
	userRemoveFromGroup: {
		single: { resource: 'user', operation: 'removeFromGroup' },
		fields: { ...contact, group: byId('={{ $json.group }}') },
		subtype: 'user',
	},
	userUnsubscribe: {
		single: { resource: 'user', operation: 'unsubscribe' },
		fields: { ...contact, group: byId('={{ $json.group }}') },
		subtype: 'user',
	},
	newsletterSubscribe: {
		single: { resource: 'newsletter', operation: 'subscribe' },
		fields: {
			email,
			group: byId('={{ $json.group }}'),
			doubleOptIn: true,
			customAttributes: { values: [{ name: 'firstName', value: '={{ $json.firstName }}' }] },
		},
		subtype: 'newsletter',
	},
	newsletterUnsubscribe: {
		single: { resource: 'newsletter', operation: 'unsubscribe' },
		fields: { email, group: byId('={{ $json.group }}') },
		subtype: 'newsletter',
	},
	transactionUpsert: {
		single: { resource: 'transaction', operation: 'upsert' },
		fields: {
			orderId: '={{ "order-" + $json.score }}',
			email,
			itemsInput: 'json',
			itemsJson:
				'={{ JSON.stringify([{ sku: "SKU-" + $json.score, price: "9.99", qty_ordered: "2" }]) }}',
			additionalFields: { currency: 'eur', group: byId('={{ $json.group }}') },
		},
		subtype: 'transaction',
	},
	transactionDelete: {
		single: { resource: 'transaction', operation: 'delete' },
		fields: { orderId: '={{ "order-" + $json.score }}', email },
		subtype: 'transaction',
	},
	productUpsert: {
		single: { resource: 'product', operation: 'upsert' },
		fields: { productSKU: sku, productName: '={{ $json.firstName }}', productPrice: '12.50' },
		subtype: 'product',
	},
	productDelete: {
		single: { resource: 'product', operation: 'delete' },
		fields: { productSKU: sku },
		subtype: 'product',
	},
	...activity('abandonedCart', 'abandonedcart'),
	...activity('browse', 'browse'),
	...activity('wishlist', 'wishlist'),
	recommendationUpsert: {
		single: { resource: 'recommendation', operation: 'upsert' },
		fields: { email, sku, accuracy: '12', model: '25' },
		subtype: 'recommendation',
	},
	recommendationDelete: {
		single: { resource: 'recommendation', operation: 'delete' },
		fields: { email, sku },
		subtype: 'recommendation',
	},
	couponAdd: {
		single: { resource: 'coupon', operation: 'add' },
		fields: { listName: 'summer', value: '={{ "CODE-" + $json.score }}' },
		subtype: 'coupon',
	},
	automationExternalEvent: {
		single: { resource: 'automation', operation: 'triggerExternalEvent' },
		fields: {
			...contact,
			eventName: 'cart_abandoned',
			eventAttributes: { values: [{ name: 'city', value: '={{ $json.city }}' }] },
		},
		subtype: 'automation',
	},
	...Object.fromEntries(
		(['add', 'update', 'delete'] as const).map((operation) => [
			`relatedData${operation[0].toUpperCase()}${operation.slice(1)}`,
			{
				single: { resource: 'relatedData', operation },
				fields: {
					datasetName: 'customers',
					key: email,
					...(operation === 'delete'
						? {}
						: {
								attributesInput: 'fields',
								attributes: { values: [{ name: 'city', value: '={{ $json.city }}' }] },
							}),
				},
				subtype: 'relateddata',
			},
		]),
	),
};

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const input = contacts(3);

async function run(parameters: INodeParameters) {
	const { error } = await runNode({
		parameters,
		items: input as never,
		credentials: sandboxCredentials(sandbox),
	});
	expect(error).toBeUndefined();
	return sandbox.requests.map(({ path, query, body }) => ({
		path,
		query,
		body: JSON.parse(body) as unknown,
	}));
}

it('offers exactly the event types tested here', async () => {
	const pkg = await loadPackage();
	const node = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('mappConnect'));
	const eventKind = node.description.properties.find((property) => property.name === 'eventKind');
	const offered = (eventKind?.options as INodePropertyOptions[]).map((option) => option.value);
	expect(offered.sort()).toEqual(Object.keys(EVENT_TYPES).sort());
});

describe.each(Object.entries(EVENT_TYPES))(
	'Event Type %s',
	(eventKind, { single, fields, subtype }) => {
		it('sends in one batch request the very events its single operation sends', async () => {
			const singleRequests = await run({ ...single, ...fields });
			sandbox.reset();
			const batchRequests = await run({
				resource: 'batch',
				operation: 'send',
				eventKind,
				eventSource: 'fields',
				...fields,
			});

			expect(singleRequests).toHaveLength(3);
			expect(batchRequests).toHaveLength(1);
			expect(batchRequests[0].path).toMatch(/\/event\/batch$/);
			expect(batchRequests[0].query).toBe(`subtype=${subtype}`);
			expect(singleRequests.map((request) => request.query)).toEqual(
				Array(3).fill(`subtype=${subtype}`),
			);
			expect(batchRequests[0].body).toEqual(singleRequests.map((request) => request.body));
			expect(Object.keys(singleRequests[0].body as object).length).toBeGreaterThan(1);
		});
	},
);
