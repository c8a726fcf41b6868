import type { Resource } from '../resource';
import { triggerExternalEvent } from './triggerExternalEvent';

export const automation: Resource = {
	value: 'automation',
	name: 'Automation',
	operations: [triggerExternalEvent],
};
