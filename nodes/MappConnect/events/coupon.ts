import { DEFAULT_SUBTYPES } from '../shared/api';
import { eventBody, optionsField, propertiesOf, textField } from './fields';
import type { EventKind } from './types';

const listName = textField({
	name: 'listName',
	displayName: 'Coupon List Name',
	required: true,
	description: 'The coupon list to add the code to; Mapp creates the list if it does not exist',
});
const code = textField({ name: 'value', displayName: 'Coupon Code', required: true });

export const couponAdd: EventKind = {
	id: 'couponAdd',
	displayName: 'Coupon: Add',
	subtype: DEFAULT_SUBTYPES.coupon,
	fields: propertiesOf(listName, code, optionsField(DEFAULT_SUBTYPES.coupon)),
	build: (params) => eventBody(params, { listName: listName.read(params), value: code.read(params) }),
};
