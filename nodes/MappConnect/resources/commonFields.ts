/** Fields that operations of several resources share, each defined once. */
import { contactField, locatorField } from '../fields/choice';
import { nameValuesField } from '../fields/nameValues';

/** The contact: by email (the default), mobile number or user ID. */
export const contact = contactField();

/** A group the event is about (`group`). */
export const groupField = (spec: { description: string; required?: boolean }) =>
	locatorField({ name: 'group', displayName: 'Group', searchListMethod: 'searchGroups', ...spec });

/** The contact's attributes, sent as keys of the event (cleared with the kind's Send Empty Values). */
export const customAttributes = nameValuesField({
	name: 'customAttributes',
	displayName: 'Custom Attributes',
	itemName: 'Attribute',
	description: "Contact attributes to set, by their name in the integration's mapping",
	clearable: true,
});

/** A prepared email message Mapp sends along with the event (`messageId`). */
export const preparedEmail = (description: string) =>
	locatorField({
		name: 'messageId',
		displayName: 'Prepared Message to Send',
		searchListMethod: 'searchEmailMessages',
		description,
	});

/** Values for the placeholders of a prepared message, sent as keys of the event. */
export const messageParameters = nameValuesField({
	name: 'messageParameters',
	displayName: 'Message Parameters',
	itemName: 'Parameter',
	description: 'Values for the placeholders of the prepared message',
});
