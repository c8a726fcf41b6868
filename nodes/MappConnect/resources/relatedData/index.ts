import { resourceDescription } from '../operations';
import { add } from './add';
import { update } from './update';
import { deleteRecord } from './delete';

export const relatedDataDescription = resourceDescription('relatedData', 'add', [add, update, deleteRecord]);
