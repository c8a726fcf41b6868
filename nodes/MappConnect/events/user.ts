import { DEFAULT_SUBTYPES } from '../shared/api';
import {
	eventBody,
	flagField,
	identifierField,
	locatorField,
	nameValuesField,
	optionsField,
	propertiesOf,
} from './fields';
import type { EventKind } from './types';

const identifier = identifierField();

const group = (required: boolean, description: string) =>
	locatorField({ name: 'group', displayName: 'Group', searchListMethod: 'searchGroups', required, description });

const customAttributes = nameValuesField({
	name: 'customAttributes',
	displayName: 'Custom Attributes',
	itemName: 'Attribute',
	description: "Contact attributes to set, by their name in the integration's mapping",
});

const doubleOptIn = flagField({
	name: 'doubleOptIn',
	displayName: 'Double Opt-In',
	description: 'Whether the contact must confirm the subscription by email before joining the group',
});

const preparedMessage = locatorField({
	name: 'messageId',
	displayName: 'Prepared Message to Send',
	searchListMethod: 'searchEmailMessages',
	description: 'A prepared email message that Mapp sends to the contact after the update',
});

const upsertGroup = group(false, 'The group to subscribe the contact to');
const upsertOptions = optionsField(DEFAULT_SUBTYPES.user, [doubleOptIn, preparedMessage]);

export const userUpsert: EventKind = {
	id: 'userUpsert',
	displayName: 'User: Create or Update',
	subtype: DEFAULT_SUBTYPES.user,
	fields: propertiesOf(identifier, upsertGroup, customAttributes, upsertOptions),
	build(params) {
		const options = upsertOptions.read(params);
		return eventBody(
			params,
			{
				...identifier.read(params),
				group: upsertGroup.read(params),
				doubleOptIn: doubleOptIn.read(options),
				messageId: preparedMessage.read(options),
			},
			{ field: customAttributes, values: customAttributes.read(params) },
		);
	},
};

/** A user event that changes the contact's membership of one group with a flag (`delete` or `unsubscribe`). */
function membershipKind(spec: {
	id: string;
	displayName: string;
	flag: 'delete' | 'unsubscribe';
	groupDescription: string;
}): EventKind {
	const requiredGroup = group(true, spec.groupDescription);
	const options = optionsField(DEFAULT_SUBTYPES.user);
	return {
		id: spec.id,
		displayName: spec.displayName,
		subtype: DEFAULT_SUBTYPES.user,
		fields: propertiesOf(identifier, requiredGroup, options),
		build: (params) =>
			eventBody(params, { ...identifier.read(params), group: requiredGroup.read(params), [spec.flag]: 'true' }),
	};
}

export const userRemoveFromGroup = membershipKind({
	id: 'userRemoveFromGroup',
	displayName: 'User: Remove From Group',
	flag: 'delete',
	groupDescription: 'The group to remove the contact from',
});

export const userUnsubscribe = membershipKind({
	id: 'userUnsubscribe',
	displayName: 'User: Unsubscribe',
	flag: 'unsubscribe',
	groupDescription: 'The group to unsubscribe the contact from',
});
