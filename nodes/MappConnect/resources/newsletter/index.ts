import type { Resource } from '../resource';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

export const newsletter: Resource = {
	value: 'newsletter',
	name: 'Newsletter',
	operations: [subscribe, unsubscribe],
};
