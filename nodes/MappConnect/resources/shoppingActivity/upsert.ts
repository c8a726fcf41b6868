import { optionsField } from '../../fields/collection';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { dateField, decimalField } from '../../fields/text';
import { contact } from '../commonFields';
import { selectedEventOperation } from '../resource';
import { activitySku, activityTypeField, kindsPerActivityType } from './fields';

const createdAt = dateField({
	name: 'createdAt',
	displayName: 'Created At',
	acceptEpochMilliseconds: true,
	placeholder: 'e.g. 2024-02-10T17:25:43.511Z or 1741867804875',
	description: 'When the product was added: a date (sent as ISO 8601) or epoch milliseconds',
});

const price = decimalField({ name: 'price', displayName: 'Price', placeholder: 'e.g. 25' });

const extraFields = nameValuesField({
	name: 'extraFields',
	displayName: 'Extra Fields',
	itemName: 'Field',
	description:
		"More fields of the activity, by their name in the integration's mapping (e.g. size)",
	clearable: true,
});

export const upsert = selectedEventOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a shopping activity',
	description:
		'Create a new shopping activity, or update the current one if it already exists (upsert)',
	selector: activityTypeField,
	kinds: kindsPerActivityType((activity) => ({
		id: `${activity.value}Upsert`,
		displayName: `${activity.name}: Create or Update`,
		subtype: activity.subtype,
		fields: [
			contact,
			activitySku,
			createdAt,
			price,
			extraFields,
			optionsField(activity.subtype, [sendEmptyValuesOption]),
		],
	})),
});
