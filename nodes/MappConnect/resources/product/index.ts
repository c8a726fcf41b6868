import { resourceDescription } from '../operations';
import { upsert } from './upsert';
import { deleteProduct } from './delete';

export const productDescription = resourceDescription('product', 'upsert', [upsert, deleteProduct]);
