import { optionsField } from '../../fields/collection';
import { textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';

export const add = eventOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a coupon',
	description: 'Add a coupon code to a coupon list',
	kind: {
		id: 'couponAdd',
		displayName: 'Coupon: Add',
		subtype: DEFAULT_SUBTYPES.coupon,
		fields: [
			textField({
				name: 'listName',
				displayName: 'Coupon List Name',
				required: true,
				description:
					'The coupon list to add the code to; Mapp creates the list if it does not exist',
			}),
			textField({ name: 'value', displayName: 'Coupon Code', required: true }),
			optionsField(DEFAULT_SUBTYPES.coupon),
		],
	},
});
