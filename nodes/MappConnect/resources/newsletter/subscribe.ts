import { optionsField } from '../../fields/collection';
import { sendEmptyValuesOption } from '../../fields/nameValues';
import { booleanFlagField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { customAttributes } from '../commonFields';
import { eventOperation } from '../resource';
import { newsletterGroup, subscriberEmail } from './fields';

export const subscribe = eventOperation({
	value: 'subscribe',
	name: 'Subscribe',
	action: 'Subscribe a contact to a newsletter',
	description: 'Subscribe a contact to a newsletter group, optionally with double opt-in',
	kind: {
		id: 'newsletterSubscribe',
		displayName: 'Newsletter: Subscribe',
		subtype: DEFAULT_SUBTYPES.newsletter,
		fields: [
			subscriberEmail,
			newsletterGroup('The newsletter group to subscribe the contact to'),
			booleanFlagField({
				name: 'doubleOptIn',
				displayName: 'Double Opt-In',
				description:
					'Whether the contact must confirm the subscription by email before joining the group (sent as "doubleOptIn": true)',
			}),
			customAttributes,
			optionsField(DEFAULT_SUBTYPES.newsletter, [sendEmptyValuesOption]),
		],
	},
});
