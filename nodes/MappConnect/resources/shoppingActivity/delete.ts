import { activityOperation } from './activityOperation';

export const deleteActivity = activityOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a shopping activity',
	description: 'Delete a product from the contact\'s abandoned cart, wishlist or browse history',
});
