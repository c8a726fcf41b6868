import type { Resource } from '../resource';
import { deleteTransaction } from './delete';
import { upsert } from './upsert';

export const transaction: Resource = {
	value: 'transaction',
	name: 'Transaction',
	operations: [upsert, deleteTransaction],
};
