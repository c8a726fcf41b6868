import { resourceDescription } from '../operations';
import { upsert } from './upsert';
import { deleteTransaction } from './delete';

export const transactionDescription = resourceDescription('transaction', 'upsert', [upsert, deleteTransaction]);
