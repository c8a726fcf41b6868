import { eventOperation } from '../operations';

export const update = eventOperation('relatedData', {
	value: 'update',
	name: 'Update',
	action: 'Update a related data record',
	description: 'Update records of a Related Data dataset',
});
