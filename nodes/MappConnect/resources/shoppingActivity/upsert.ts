import { activityOperation } from './activityOperation';

export const upsert = activityOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a shopping activity',
	description: 'Create a new shopping activity, or update the current one if it already exists (upsert)',
});
