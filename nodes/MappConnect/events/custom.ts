import { invalidField, converted, textField } from './fields';
import type { EventKind } from './types';
import { isEmpty, parseObject } from './values';

const subtype = textField({
	name: 'subtype',
	displayName: 'Event Subtype',
	required: true,
	placeholder: 'e.g. automation',
	description: "Subtype the event is sent with, as named in the integration's mapping in Mapp",
});

const EVENT_LABEL = 'Event (JSON)';

/** The vendor's "call template": any subtype, any JSON object, sent as given. */
export const customEvent: EventKind = {
	id: 'customEvent',
	displayName: 'Custom Event',
	subtype: '',
	subtypeParameter: 'subtype',
	fields: [
		...subtype.properties,
		{
			displayName: EVENT_LABEL,
			name: 'event',
			type: 'json',
			default: '{}',
			required: true,
			description: 'The event as a JSON object; its keys must match the mapping of the subtype',
		},
	],
	build(params) {
		const raw = params.get<unknown>('event', '');
		const event = converted(params, EVENT_LABEL, () => parseObject(isEmpty(raw) ? '{}' : raw));
		if (Object.keys(event).length === 0) throw invalidField(params, EVENT_LABEL, 'must not be empty');
		return event;
	},
};
