/** The fields both transaction operations identify the order by. */
import { emailField, textField } from '../../fields/text';

export const orderId = textField({
	name: 'orderId',
	displayName: 'Order ID',
	required: true,
	description: 'Your ID of the order',
});

export const customerEmail = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact who placed the order',
});
