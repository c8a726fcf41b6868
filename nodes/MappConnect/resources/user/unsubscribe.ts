import { eventOperation } from '../resource';
import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { contact, groupField } from '../commonFields';

export const unsubscribe = eventOperation({
	value: 'unsubscribe',
	name: 'Unsubscribe',
	action: 'Unsubscribe a user from a group',
	description: 'Unsubscribe a contact from a group',
	kind: {
		id: 'userUnsubscribe',
		displayName: 'User: Unsubscribe',
		subtype: DEFAULT_SUBTYPES.user,
		fields: [
			contact,
			groupField({ required: true, description: 'The group to unsubscribe the contact from' }),
			constant('unsubscribe', 'true'),
			optionsField(DEFAULT_SUBTYPES.user),
		],
	},
});
