import { eventOperation } from '../operations';

export const sendEmail = eventOperation('message', {
	value: 'sendEmail',
	name: 'Send Email',
	action: 'Send an email to a user',
	description: 'Send a prepared email message to one contact',
});
