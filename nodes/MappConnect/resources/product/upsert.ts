import { optionsField } from '../../fields/collection';
import { nameValuesField, sendEmptyValuesOption } from '../../fields/nameValues';
import { decimalField, textField, urlField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { productSku } from './sku';

export const upsert = eventOperation({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a product',
	description: 'Create a new product, or update the current one if it already exists (upsert)',
	kind: {
		id: 'productUpsert',
		displayName: 'Product: Create or Update',
		subtype: DEFAULT_SUBTYPES.product,
		fields: [
			productSku,
			textField({ name: 'productName', displayName: 'Name' }),
			decimalField({ name: 'productPrice', displayName: 'Price', placeholder: 'e.g. 123' }),
			urlField({
				name: 'productURL',
				displayName: 'URL',
				placeholder: 'e.g. https://shop.example.com/product',
				description: 'Address of the product page',
			}),
			nameValuesField({
				name: 'extraFields',
				displayName: 'Extra Fields',
				itemName: 'Field',
				description:
					"More catalog fields, by their name in the integration's mapping (e.g. productImageURL)",
				clearable: true,
			}),
			optionsField(DEFAULT_SUBTYPES.product, [sendEmptyValuesOption]),
		],
	},
});
