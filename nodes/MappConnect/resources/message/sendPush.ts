import { eventOperation } from '../operations';

export const sendPush = eventOperation('message', {
	value: 'sendPush',
	name: 'Send Push',
	action: 'Send a push message to a user',
	description: 'Send a prepared push message to a contact\'s app',
});
