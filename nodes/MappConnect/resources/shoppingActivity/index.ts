import type { INodeProperties } from 'n8n-workflow';
import { ACTIVITY_TYPES } from '../../events';
import { resourceDescription } from '../operations';
import { deleteActivity } from './delete';
import { upsert } from './upsert';

const activityType: INodeProperties = {
	displayName: 'Activity Type',
	name: 'activityType',
	type: 'options',
	default: 'abandonedCart',
	description: 'What the contact did; picks the event subtype',
	displayOptions: { show: { resource: ['shoppingActivity'] } },
	options: ACTIVITY_TYPES.map(({ name, value }) => ({ name, value })),
};

const [operationSelector, ...operationFields] = resourceDescription('shoppingActivity', 'upsert', [upsert, deleteActivity]);

export const shoppingActivityDescription: INodeProperties[] = [operationSelector, activityType, ...operationFields];
