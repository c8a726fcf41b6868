/** The product both recommendation operations are about (the contact: commonFields' contact). */
import { textField } from '../../fields/text';

export const recommendedSku = textField({
	name: 'sku',
	displayName: 'SKU',
	required: true,
	description: 'SKU of the recommended product',
});
