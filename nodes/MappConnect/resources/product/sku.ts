import { textField } from '../../fields/text';

/** The product both product operations are about. */
export const productSku = textField({
	name: 'productSKU',
	displayName: 'SKU',
	required: true,
	description: "The product's stock keeping unit, its ID in the catalog",
});
