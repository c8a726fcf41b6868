import { eventOperation } from '../operations';

export const sendSms = eventOperation('message', {
	value: 'sendSms',
	name: 'Send SMS',
	action: 'Send an SMS to a user',
	description: 'Send a prepared SMS message to one contact',
});
