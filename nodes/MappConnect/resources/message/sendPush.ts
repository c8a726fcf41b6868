import { contactField, locatorField } from '../../fields/choice';
import { optionsField } from '../../fields/collection';
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
		keyOrder: ['email', 'mobileNumber', 'pushMessageId', 'mobileAppId'],
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
			// Mapp's push example identifies the contact by `email` and shows no key for a mobile
			// number: `mobileNumber` is the documented user-event key for one (docs/mapp-connect-api.md).
			contactField(['email', 'mobileNumber']),
			messageParameters,
			optionsField(DEFAULT_SUBTYPES.push),
		],
	},
});
