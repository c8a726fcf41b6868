import { eventOperation } from '../operations';

export const upsert = eventOperation('recommendation', {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a recommendation',
	description: 'Create a new recommendation, or update the current one if it already exists (upsert)',
});
