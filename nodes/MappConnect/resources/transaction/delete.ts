import { eventOperation } from '../operations';

export const deleteTransaction = eventOperation('transaction', {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a transaction',
	description: 'Delete a transaction from the Transactions eCommerce table',
});
