import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { customerEmail, orderId } from './fields';

export const deleteTransaction = eventOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a transaction',
	description: 'Delete a transaction from the Transactions eCommerce table',
	kind: {
		id: 'transactionDelete',
		displayName: 'Transaction: Delete',
		subtype: DEFAULT_SUBTYPES.transaction,
		fields: [
			orderId,
			customerEmail,
			constant('delete', 'true'),
			optionsField(DEFAULT_SUBTYPES.transaction),
		],
	},
});
