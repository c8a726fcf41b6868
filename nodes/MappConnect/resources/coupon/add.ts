import { eventOperation } from '../operations';

export const add = eventOperation('coupon', {
	value: 'add',
	name: 'Add',
	action: 'Add a coupon',
	description: 'Add a coupon code to a coupon list',
});
