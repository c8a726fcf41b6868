/** What each example workflow must do against the sandbox: the events Mapp Connect receives, and what n8n reports. */

export interface ExpectedEvent {
	subtype: string;
	/** Through `event/batch` rather than one request per event. */
	batch: boolean;
	body: Record<string, unknown>;
}

export interface ExampleExpectation {
	file: string;
	/** Items on the first output of these nodes. */
	itemCounts: Record<string, number>;
	/** The exact JSON of the first output of these nodes. */
	outputs?: Record<string, Array<Record<string, unknown>>>;
	/** In any order: single operations send their items concurrently. */
	events: ExpectedEvent[];
}

const user = (email: string, firstName: string, lastName: string): ExpectedEvent => ({
	subtype: 'user',
	batch: true,
	body: { email, group: '101', firstName, lastName },
});

const welcomeEmail = (email: string, firstName: string): ExpectedEvent => ({
	subtype: 'email',
	batch: false,
	body: { email, messageId: '2001', firstName },
});

const product = (
	productSKU: string,
	productName: string,
	productPrice: string,
	category: string,
): ExpectedEvent => ({
	subtype: 'product',
	batch: false,
	body: {
		productSKU,
		productName,
		productPrice,
		productURL: `https://shop.example.com/p/${productSKU.toLowerCase()}`,
		category,
	},
});

const store = (key: string, city: string, street: string, openingHours: string): ExpectedEvent => ({
	subtype: 'relateddata',
	batch: true,
	body: {
		datasetName: 'stores',
		key,
		importMode: 'add',
		attributes: { city, street, openingHours },
	},
});

const cartAbandoned = (
	email: string,
	cartValue: string,
	firstSku: string,
	cartId: string,
): ExpectedEvent => ({
	subtype: 'automation',
	batch: false,
	body: {
		email,
		external_event: 'cart_abandoned',
		cartValue,
		firstSku,
		cartUrl: `https://shop.example.com/cart/${cartId}`,
	},
});

export const EXPECTATIONS: ExampleExpectation[] = [
	{
		file: '1-contacts-welcome-email.json',
		itemCounts: {
			'Read CSV': 3,
			'Upsert contacts (batch)': 3,
			'New contacts only': 2,
			'Send welcome email': 2,
		},
		events: [
			user('anna@example.com', 'Anna', 'Schmidt'),
			user('ben@example.com', 'Ben', 'Meyer'),
			user('chloe@example.com', 'Chloé', 'Dubois'),
			welcomeEmail('anna@example.com', 'Anna'),
			welcomeEmail('chloe@example.com', 'Chloé'),
		],
	},
	{
		file: '2-product-feed-sync.json',
		itemCounts: { 'Product feed': 4, 'Create or update product': 3, 'Delete product': 1 },
		events: [
			product('TS-001', 'Organic T-shirt', '19.9', 'Shirts'),
			product('HD-002', 'Zip hoodie', '49', 'Hoodies'),
			product('CP-003', 'Canvas cap', '15', 'Caps'),
			{ subtype: 'product', batch: false, body: { productSKU: 'SK-004', delete: 'true' } },
		],
	},
	{
		file: '3-webhook-order-transaction.json',
		itemCounts: { 'Sample order': 1, 'Create or update transaction': 1 },
		events: [
			{
				subtype: 'transaction',
				batch: false,
				body: {
					orderId: 'SO-10045',
					email: 'anna@example.com',
					items: [
						{ sku: 'TS-001', name: 'Organic T-shirt', price: '19.9', qty_ordered: '2' },
						{ sku: 'CP-003', name: 'Canvas cap', price: '15', qty_ordered: '1' },
					],
					currency: 'EUR',
					transaction_date: '2025-03-14T09:26:53.000Z',
					messageId: '2002',
				},
			},
		],
	},
	{
		file: '4-related-data-csv.json',
		itemCounts: { 'Read CSV': 3, 'Add records (batch)': 3 },
		events: [
			store('BER-01', 'Berlin', 'Friedrichstraße 12', '9-20'),
			store('MUC-02', 'München', 'Kaufingerstraße 5', '10-19'),
			store('HAM-03', 'Hamburg', 'Mönckebergstraße 7', '9-19'),
		],
	},
	{
		file: '5-feedback-alert.json',
		itemCounts: { 'Sample Feedback': 1 },
		outputs: {
			'Build Alert Text': [
				{
					text:
						':warning: Mapp Connect rejected 1 event(s)\n• *MISSING_FIELD* on `product` at 2023-04-13T12:19:10.000Z: ' +
						'Skipping product deletion - missing mandatory field: productSKU',
				},
			],
		},
		events: [],
	},
	{
		file: '6-abandoned-cart-automation.json',
		itemCounts: {
			'Open carts': 5,
			'Abandoned for over an hour': 2,
			'Start cart reminder automation': 2,
		},
		events: [
			cartAbandoned('anna@example.com', '54.8', 'TS-001', 'C-1001'),
			cartAbandoned('david@example.com', '49', 'HD-002', 'C-1005'),
		],
	},
	{
		file: '7-contact-list-file.json',
		itemCounts: { 'Contact list file': 1, 'Send contacts from the file': 1 },
		events: [
			user('anna@example.com', 'Anna', 'Schmidt'),
			user('ben@example.com', 'Ben', 'Meyer'),
			user('chloe@example.com', 'Chloé', 'Dubois'),
			user('david@example.com', 'David', "O'Neill, Jr."),
			user('emma@example.com', 'Emma', 'Fischer'),
		],
	},
];
