import { eventOperation } from '../operations';

export const upsert = eventOperation('product', {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a product',
	description: 'Create a new product, or update the current one if it already exists (upsert)',
});
