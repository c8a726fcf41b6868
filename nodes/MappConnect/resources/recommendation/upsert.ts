import { optionsField } from '../../fields/collection';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { decimalField, textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { contact } from '../commonFields';
import { recommendedSku } from './fields';

export const upsert = eventOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a recommendation',
	description:
		'Create a new recommendation, or update the current one if it already exists (upsert)',
	kind: {
		id: 'recommendationUpsert',
		displayName: 'Recommendation: Create or Update',
		subtype: DEFAULT_SUBTYPES.recommendation,
		fields: [
			contact,
			recommendedSku,
			decimalField({
				name: 'accuracy',
				displayName: 'Accuracy',
				placeholder: 'e.g. 12',
				description: 'How well the product fits the contact, as your recommendation model rates it',
			}),
			textField({
				name: 'model',
				displayName: 'Model',
				placeholder: 'e.g. 25',
				description: 'The recommendation model that picked the product',
			}),
			nameValuesField({
				name: 'extraFields',
				displayName: 'Extra Fields',
				itemName: 'Field',
				description:
					"More fields of the recommendation, by their name in the integration's mapping",
				clearable: true,
			}),
			optionsField(DEFAULT_SUBTYPES.recommendation, [sendEmptyValuesOption]),
		],
	},
});
