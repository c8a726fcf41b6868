import { DEFAULT_SUBTYPES } from '../shared/api';
import {
	additionalFields,
	dateField,
	emailField,
	eventBody,
	locatorField,
	optionsField,
	propertiesOf,
	textField,
} from './fields';
import { orderItemsField } from './orderItems';
import type { EventKind } from './types';

const orderId = textField({ name: 'orderId', displayName: 'Order ID', required: true, description: 'Your ID of the order' });

const email = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact who placed the order',
});

const items = orderItemsField();

const group = locatorField({
	name: 'group',
	displayName: 'Group',
	searchListMethod: 'searchGroups',
	description: 'The group the contact belongs to',
});

const transactionDate = dateField({
	name: 'transactionDate',
	displayName: 'Transaction Date',
	description: 'When the order was placed; sent as an ISO 8601 date in UTC',
});

const currency = textField(
	{ name: 'currency', displayName: 'Currency', placeholder: 'e.g. GBP', description: 'Three-letter ISO 4217 currency code' },
	(value) => (/^[A-Za-z]{3}$/.test(value) ? undefined : 'must be a three-letter currency code, like GBP'),
);

const preparedMessage = locatorField({
	name: 'messageId',
	displayName: 'Prepared Message to Send',
	searchListMethod: 'searchEmailMessages',
	description: 'A prepared email message (e.g. an order confirmation) that Mapp sends to the contact',
});

const upsertAdditionalFields = additionalFields([group, transactionDate, currency, preparedMessage]);

export const transactionUpsert: EventKind = {
	id: 'transactionUpsert',
	displayName: 'Transaction: Create or Update',
	subtype: DEFAULT_SUBTYPES.transaction,
	fields: propertiesOf(orderId, email, items, upsertAdditionalFields, optionsField(DEFAULT_SUBTYPES.transaction)),
	build(params) {
		const additional = upsertAdditionalFields.read(params);
		return eventBody(params, {
			email: email.read(params),
			messageId: preparedMessage.read(additional),
			items: items.read(params),
			group: group.read(additional),
			orderId: orderId.read(params),
			transaction_date: transactionDate.read(additional),
			currency: currency.read(additional)?.toUpperCase(),
		});
	},
};

export const transactionDelete: EventKind = {
	id: 'transactionDelete',
	displayName: 'Transaction: Delete',
	subtype: DEFAULT_SUBTYPES.transaction,
	fields: propertiesOf(orderId, email, optionsField(DEFAULT_SUBTYPES.transaction)),
	build: (params) => eventBody(params, { orderId: orderId.read(params), email: email.read(params), delete: 'true' }),
};
