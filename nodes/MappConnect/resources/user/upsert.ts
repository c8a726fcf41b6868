import { eventOperation } from '../resource';
import { optionsField } from '../../fields/collection';
import { sendEmptyValuesOption } from '../../fields/nameValues';
import { flagField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { contact, customAttributes, groupField, preparedEmail } from '../commonFields';

export const upsert = eventOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a user',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	kind: {
		id: 'userUpsert',
		displayName: 'User: Create or Update',
		subtype: DEFAULT_SUBTYPES.user,
		fields: [
			contact,
			groupField({ description: 'The group to subscribe the contact to' }),
			customAttributes,
			optionsField(DEFAULT_SUBTYPES.user, [
				flagField({
					name: 'doubleOptIn',
					displayName: 'Double Opt-In',
					description:
						'Whether the contact must confirm the subscription by email before joining the group',
				}),
				preparedEmail('A prepared email message that Mapp sends to the contact after the update'),
				sendEmptyValuesOption,
			]),
		],
	},
});
