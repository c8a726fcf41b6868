import { eventOperation } from '../operations';

export const add = eventOperation('relatedData', {
	value: 'add',
	name: 'Add',
	action: 'Add a related data record',
	description: 'Add a record to a Related Data dataset',
});
