import { locatorField } from '../../fields/choice';
import { optionsField } from '../../fields/collection';
import { emailField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { messageParameters } from '../commonFields';
import { eventOperation } from '../resource';

export const sendPush = eventOperation({
	value: 'sendPush',
	name: 'Send Push',
	action: 'Send a push message to a user',
	description: "Send a prepared push message to a contact's app",
	kind: {
		id: 'messageSendPush',
		displayName: 'Message: Send Push',
		subtype: DEFAULT_SUBTYPES.push,
		singleOnly: true,
		keyOrder: ['email', 'pushMessageId', 'mobileAppId'],
		fields: [
			locatorField({
				name: 'pushMessageId',
				displayName: 'Push Message',
				searchListMethod: 'searchPushMessages',
				required: true,
				description: 'The prepared push message (the template, not the campaign) to send',
			}),
			locatorField({
				name: 'mobileAppId',
				displayName: 'Mobile App',
				searchListMethod: 'searchMobileApps',
				required: true,
				description: 'The app that shows the push message',
			}),
			emailField({
				name: 'email',
				displayName: 'Email',
				required: true,
				description: 'Email address of the contact whose devices receive the message',
			}),
			messageParameters,
			optionsField(DEFAULT_SUBTYPES.push),
		],
	},
});
