import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { contact } from '../commonFields';
import { selectedEventOperation } from '../resource';
import { activitySku, activityTypeField, kindsPerActivityType } from './fields';

export const deleteActivity = selectedEventOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a shopping activity',
	description: "Delete a product from the contact's abandoned cart, wishlist or browse history",
	selector: activityTypeField,
	kinds: kindsPerActivityType((activity) => ({
		id: `${activity.value}Delete`,
		displayName: `${activity.name}: Delete`,
		subtype: activity.subtype,
		keyOrder: ['sku'],
		fields: [contact, activitySku, constant('delete', 'true'), optionsField(activity.subtype)],
	})),
});
