import { optionsField } from '../../fields/collection';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { groupField } from '../commonFields';
import { eventOperation } from '../resource';
import { emailMessage } from './emailMessage';

export const sendEmailToGroup = eventOperation({
	value: 'sendEmailToGroup',
	name: 'Send Email to Group',
	action: 'Send an email to a group',
	description: 'Send a prepared email message to every member of a group',
	kind: {
		id: 'messageSendEmailToGroup',
		displayName: 'Message: Send Email to Group',
		subtype: DEFAULT_SUBTYPES.email,
		singleOnly: true,
		keyOrder: ['group', 'messageId'],
		fields: [
			emailMessage,
			groupField({ required: true, description: 'The group whose members receive the message' }),
			optionsField(DEFAULT_SUBTYPES.email),
		],
	},
});
