import { optionsField } from '../../fields/collection';
import { emailField, textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { messageParameters } from '../commonFields';
import { eventOperation } from '../resource';
import { emailMessage } from './emailMessage';

export const sendEmail = eventOperation({
	value: 'sendEmail',
	name: 'Send Email',
	action: 'Send an email to a user',
	description: 'Send a prepared email message to one contact',
	kind: {
		id: 'messageSendEmail',
		displayName: 'Message: Send Email',
		subtype: DEFAULT_SUBTYPES.email,
		singleOnly: true,
		keyOrder: ['email', 'messageId'],
		fields: [
			emailMessage,
			emailField({
				name: 'email',
				displayName: 'Email',
				required: true,
				description: 'Email address of the contact to send the message to',
			}),
			messageParameters,
			optionsField(DEFAULT_SUBTYPES.email, [
				textField({
					name: 'externalTransactionFormula',
					displayName: 'External Transaction Formula',
					description:
						'A unique value of your own that Mapp stores with the sendout, e.g. an order number',
				}),
			]),
		],
	},
});
