import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { newsletterGroup, subscriberEmail } from './fields';

export const unsubscribe = eventOperation({
	value: 'unsubscribe',
	name: 'Unsubscribe',
	action: 'Unsubscribe a contact from a newsletter',
	description: 'Unsubscribe a contact from a newsletter group',
	kind: {
		id: 'newsletterUnsubscribe',
		displayName: 'Newsletter: Unsubscribe',
		subtype: DEFAULT_SUBTYPES.newsletter,
		fields: [
			subscriberEmail,
			newsletterGroup('The newsletter group to unsubscribe the contact from'),
			constant('unsubscribe', true),
			optionsField(DEFAULT_SUBTYPES.newsletter),
		],
	},
});
