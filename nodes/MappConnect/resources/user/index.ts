import type { Resource } from '../resource';
import { removeFromGroup } from './removeFromGroup';
import { unsubscribe } from './unsubscribe';
import { upsert } from './upsert';

export const user: Resource = {
	value: 'user',
	name: 'User',
	operations: [upsert, removeFromGroup, unsubscribe],
};
