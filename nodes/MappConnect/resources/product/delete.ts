import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { productSku } from './sku';

export const deleteProduct = eventOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a product',
	description: 'Delete a product from the product catalog',
	kind: {
		id: 'productDelete',
		displayName: 'Product: Delete',
		subtype: DEFAULT_SUBTYPES.product,
		fields: [productSku, constant('delete', 'true'), optionsField(DEFAULT_SUBTYPES.product)],
	},
});
