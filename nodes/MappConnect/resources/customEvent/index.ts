import type { Resource } from '../resource';
import { send } from './send';

export const customEvent: Resource = {
	value: 'customEvent',
	name: 'Custom Event',
	operations: [send],
};
