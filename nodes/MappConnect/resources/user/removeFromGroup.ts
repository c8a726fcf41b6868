import { eventOperation } from '../resource';
import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { contact, groupField } from '../commonFields';

export const removeFromGroup = eventOperation({
	value: 'removeFromGroup',
	name: 'Remove From Group',
	action: 'Remove a user from a group',
	description: 'Remove a contact from a group',
	kind: {
		id: 'userRemoveFromGroup',
		displayName: 'User: Remove From Group',
		subtype: DEFAULT_SUBTYPES.user,
		fields: [
			contact,
			groupField({ required: true, description: 'The group to remove the contact from' }),
			constant('delete', 'true'),
			optionsField(DEFAULT_SUBTYPES.user),
		],
	},
});
