import { eventOperation } from '../operations';

export const unsubscribe = eventOperation('user', {
	value: 'unsubscribe',
	name: 'Unsubscribe',
	action: 'Unsubscribe a user from a group',
	description: 'Unsubscribe a contact from a group',
});
