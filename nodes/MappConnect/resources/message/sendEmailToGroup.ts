import { eventOperation } from '../operations';

export const sendEmailToGroup = eventOperation('message', {
	value: 'sendEmailToGroup',
	name: 'Send Email to Group',
	action: 'Send an email to a group',
	description: 'Send a prepared email message to every member of a group',
});
