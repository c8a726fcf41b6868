import type { Resource } from '../resource';
import { add } from './add';
import { deleteRecord } from './delete';
import { update } from './update';

export const relatedData: Resource = {
	value: 'relatedData',
	name: 'Related Data',
	operations: [add, update, deleteRecord],
};
