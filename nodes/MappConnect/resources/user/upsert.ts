import { eventOperation } from '../operations';

export const upsert = eventOperation('user', {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a user',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
});
