import { additionalFields, optionsField } from '../../fields/collection';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { dateField, textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { groupField, preparedEmail } from '../commonFields';
import { eventOperation } from '../resource';
import { customerEmail, orderId } from './fields';
import { orderItemsField } from './orderItems';

export const upsert = eventOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a transaction',
	description: 'Create a new transaction, or update the current one if it already exists (upsert)',
	kind: {
		id: 'transactionUpsert',
		displayName: 'Transaction: Create or Update',
		subtype: DEFAULT_SUBTYPES.transaction,
		keyOrder: ['email', 'messageId', 'items', 'group', 'orderId', 'transaction_date', 'currency'],
		fields: [
			orderId,
			customerEmail,
			orderItemsField(),
			additionalFields([
				groupField({ description: 'The group the contact belongs to' }),
				dateField({
					name: 'transactionDate',
					key: 'transaction_date',
					displayName: 'Transaction Date',
					description: 'When the order was placed; sent as an ISO 8601 date in UTC',
				}),
				textField(
					{
						name: 'currency',
						displayName: 'Currency',
						placeholder: 'e.g. GBP',
						description: 'Three-letter ISO 4217 currency code',
					},
					(value) =>
						/^[A-Za-z]{3}$/.test(value)
							? undefined
							: 'must be a three-letter currency code, like GBP',
					(value) => value.toUpperCase(),
				),
				preparedEmail(
					'A prepared email message (e.g. an order confirmation) that Mapp sends to the contact',
				),
			]),
			nameValuesField({
				name: 'extraFields',
				displayName: 'Extra Fields',
				itemName: 'Field',
				description:
					"More top-level fields of the transaction, by their name in the integration's mapping",
				clearable: true,
			}),
			optionsField(DEFAULT_SUBTYPES.transaction, [sendEmptyValuesOption]),
		],
	},
});
