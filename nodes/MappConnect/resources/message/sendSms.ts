import { choiceField, locatorField } from '../../fields/choice';
import { optionsField } from '../../fields/collection';
import { emailField, phoneField, textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { messageParameters } from '../commonFields';
import { eventOperation } from '../resource';

/** Mapp takes the SMS recipient as `email`, `recipientMobileNumber` or `recipientId`. */
const RECIPIENT_KEYS = ['email', 'recipientMobileNumber', 'recipientId'];

export const sendSms = eventOperation({
	value: 'sendSms',
	name: 'Send SMS',
	action: 'Send an SMS to a user',
	description: 'Send a prepared SMS message to one contact',
	kind: {
		id: 'messageSendSms',
		displayName: 'Message: Send SMS',
		subtype: DEFAULT_SUBTYPES.sms,
		singleOnly: true,
		keyOrder: [...RECIPIENT_KEYS, 'messageId'],
		fields: [
			locatorField({
				name: 'messageId',
				displayName: 'Message',
				searchListMethod: 'searchSmsMessages',
				required: true,
				description: 'The prepared SMS message to send',
			}),
			choiceField({
				name: 'recipientType',
				displayName: 'Identify Recipient By',
				default: 'recipientMobileNumber',
				choices: [
					{
						value: 'email',
						field: emailField({ name: 'email', displayName: 'Email', required: true }),
					},
					{
						value: 'recipientMobileNumber',
						field: phoneField({
							name: 'recipientMobileNumber',
							displayName: 'Mobile Number',
							required: true,
						}),
					},
					{
						value: 'recipientId',
						field: textField({ name: 'recipientId', displayName: 'Recipient ID', required: true }),
					},
				],
			}),
			messageParameters,
			optionsField(DEFAULT_SUBTYPES.sms),
		],
	},
});
