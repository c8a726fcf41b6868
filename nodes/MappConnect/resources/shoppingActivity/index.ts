import type { Resource } from '../resource';
import { deleteActivity } from './delete';
import { activityTypeField } from './fields';
import { upsert } from './upsert';

export const shoppingActivity: Resource = {
	value: 'shoppingActivity',
	name: 'Shopping Activity',
	properties: [activityTypeField],
	operations: [upsert, deleteActivity],
};
