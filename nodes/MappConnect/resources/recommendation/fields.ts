/** The contact and product both recommendation operations are about. */
import { emailField, textField } from '../../fields/text';

export const recipientEmail = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact the product is recommended to',
});

export const recommendedSku = textField({ name: 'sku', displayName: 'SKU', required: true, description: 'SKU of the recommended product' });
