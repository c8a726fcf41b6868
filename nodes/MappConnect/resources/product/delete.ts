import { eventOperation } from '../operations';

export const deleteProduct = eventOperation('product', {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a product',
	description: 'Delete a product from the product catalog',
});
