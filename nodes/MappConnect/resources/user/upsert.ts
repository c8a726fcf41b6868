import { eventOperation } from '../resource';
import { optionsField } from '../../fields/collection';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { flagField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { contact, groupField, preparedEmail } from '../commonFields';

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
			nameValuesField({
				name: 'customAttributes',
				displayName: 'Custom Attributes',
				itemName: 'Attribute',
				description: "Contact attributes to set, by their name in the integration's mapping",
				clearable: true,
			}),
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
