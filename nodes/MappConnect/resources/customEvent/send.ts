import { optionsField } from '../../fields/collection';
import { converted, invalidField } from '../../fields/problems';
import { textField } from '../../fields/text';
import { isEmpty, parseObject } from '../../fields/values';
import { eventOperation } from '../resource';

const EVENT_LABEL = 'Event (JSON)';

/** The vendor's "call template": any subtype, any JSON object, sent as given. */
export const send = eventOperation({
	value: 'send',
	name: 'Send',
	action: 'Send a custom event',
	description: 'Send any event, with the subtype and JSON body of your mapping',
	kind: {
		id: 'customEvent',
		displayName: 'Custom Event',
		subtype: '',
		subtypeParameter: 'subtype',
		singleOnly: true,
		fields: [
			textField({
				name: 'subtype',
				displayName: 'Event Subtype',
				required: true,
				placeholder: 'e.g. automation',
				description:
					"Subtype the event is sent with, as named in the integration's mapping in Mapp",
			}),
			{
				label: EVENT_LABEL,
				properties: [
					{
						displayName: EVENT_LABEL,
						name: 'event',
						type: 'json',
						default: '{}',
						required: true,
						description:
							'The event as a JSON object; its keys must match the mapping of the subtype',
					},
				],
				read: () => undefined,
				write: () => undefined,
			},
			optionsField(undefined),
		],
		build(params) {
			const raw = params.get<unknown>('event', '');
			const event = converted(params, EVENT_LABEL, () => parseObject(isEmpty(raw) ? '{}' : raw));
			if (Object.keys(event).length === 0)
				throw invalidField(params, EVENT_LABEL, 'must not be empty');
			return event;
		},
	},
});
