/**
 * Automation → Trigger External Event: starts a Whiteboard automation in Mapp Engage from outside,
 * with the contact, the event name defined in the integration ("incoming (external) event names")
 * and any attributes the integration's mapping stores. Why the subtype and key default as they do:
 * docs/mapp-connect-api.md, "Automation events".
 */
import { optionsField } from '../../fields/collection';
import type { Field } from '../../fields/field';
import { converted, invalidField } from '../../fields/problems';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { textField } from '../../fields/text';
import { checkName } from '../../fields/values';
import { AUTOMATION_EVENT_NAME_KEY, DEFAULT_SUBTYPES } from '../../shared/api';
import { contact } from '../commonFields';
import { eventOperation } from '../resource';

/** Mapp's event names and mapping keys have no spaces (and are case-sensitive, so nothing is changed). */
const withoutSpaces = (what: string) => (value: string) =>
	/\s/.test(value) ? `must not contain spaces ("${value}"): ${what} has none in Mapp` : undefined;

const eventNameKey = textField(
	{
		name: 'eventNameKey',
		displayName: 'Event Name Key',
		default: AUTOMATION_EVENT_NAME_KEY,
		description:
			"The key the event name is sent under; change it only if your integration's mapping uses another",
	},
	withoutSpaces('a mapping key'),
);

const eventName = textField(
	{
		name: 'eventName',
		displayName: 'Event Name',
		required: true,
		placeholder: 'e.g. new_account',
		description:
			'One of the incoming (external) event names of the integration in Mapp, exactly as written there (case-sensitive, no spaces); the automation started by that event runs for the contact',
	},
	withoutSpaces('an event name'),
);

/**
 * The event name, under the key the Options name (or the documented one). A key of the contact
 * would send the event name as the contact (or next to it, as a second one), so it is refused
 * whichever way the contact is identified; a key one of the Attributes sets is refused by the draft,
 * naming Event Name Key, the field that chose it.
 */
const eventNameField: Field<string | undefined> = {
	...eventName,
	write(params, draft) {
		const options = params.within('options');
		const key = converted(options, eventNameKey.label, () =>
			checkName(eventNameKey.read(options) ?? AUTOMATION_EVENT_NAME_KEY),
		);
		const contactChoice = contact.choices.find(({ value }) => value === key);
		if (contactChoice) {
			throw invalidField(
				options,
				eventNameKey.label,
				`must not be "${key}": '${contactChoice.field.label}' sends the contact under that key`,
				`Use the key your integration's mapping has for the event name (by default ${AUTOMATION_EVENT_NAME_KEY}).`,
			);
		}
		draft.set(key, eventName.read(params), eventNameKey.label);
	},
};

export const triggerExternalEvent = eventOperation({
	value: 'triggerExternalEvent',
	name: 'Trigger External Event',
	action: 'Trigger an automation with an external event',
	description:
		'Start the Whiteboard automations that wait for this external event, for one contact',
	kind: {
		id: 'automationExternalEvent',
		displayName: 'Automation: Trigger External Event',
		subtype: DEFAULT_SUBTYPES.automation,
		fields: [
			contact,
			eventNameField,
			nameValuesField({
				name: 'eventAttributes',
				displayName: 'Attributes',
				itemName: 'Attribute',
				description:
					"Further values of the event, by their name in the integration's mapping (e.g. interest)",
				clearable: true,
			}),
			optionsField(DEFAULT_SUBTYPES.automation, [
				{ ...eventNameKey, write: () => undefined },
				sendEmptyValuesOption,
			]),
		],
	},
});
