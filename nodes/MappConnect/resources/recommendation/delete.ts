import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { contact } from '../commonFields';
import { recommendedSku } from './fields';

export const deleteRecommendation = eventOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a recommendation',
	description: 'Delete a product recommendation of a contact',
	kind: {
		id: 'recommendationDelete',
		displayName: 'Recommendation: Delete',
		subtype: DEFAULT_SUBTYPES.recommendation,
		keyOrder: ['sku'],
		fields: [
			contact,
			recommendedSku,
			constant('delete', 'true'),
			optionsField(DEFAULT_SUBTYPES.recommendation),
		],
	},
});
