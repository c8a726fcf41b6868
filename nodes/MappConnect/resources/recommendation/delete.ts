import { eventOperation } from '../operations';

export const deleteRecommendation = eventOperation('recommendation', {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a recommendation',
	description: 'Delete a product recommendation of a contact',
});
