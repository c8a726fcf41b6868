import type { Resource } from '../resource';
import { deleteProduct } from './delete';
import { upsert } from './upsert';

export const product: Resource = {
	value: 'product',
	name: 'Product',
	operations: [upsert, deleteProduct],
};
