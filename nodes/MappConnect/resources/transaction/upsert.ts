import { eventOperation } from '../operations';

export const upsert = eventOperation('transaction', {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a transaction',
	description: 'Create a new transaction, or update the current one if it already exists (upsert)',
});
