import { eventOperation } from '../operations';

export const removeFromGroup = eventOperation('user', {
	value: 'removeFromGroup',
	name: 'Remove From Group',
	action: 'Remove a user from a group',
	description: 'Remove a contact from a group',
});
