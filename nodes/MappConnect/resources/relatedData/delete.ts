import { eventOperation } from '../operations';

export const deleteRecord = eventOperation('relatedData', {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a related data record',
	description: 'Delete records from a Related Data dataset',
});
