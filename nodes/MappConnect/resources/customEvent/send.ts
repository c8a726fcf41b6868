import { eventOperation } from '../operations';

export const send = eventOperation('customEvent', {
	value: 'send',
	name: 'Send',
	action: 'Send a custom event',
	description: 'Send any event, with the subtype and JSON body of your mapping',
});
