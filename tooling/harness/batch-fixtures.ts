import type { RetryTimings } from '../product';
import { RETRY_TIMINGS } from '../product';
import type { INodeParameters } from 'n8n-workflow';

export interface Contact {
	email: string;
	group: string;
	firstName: string;
	city: string;
	score: number;
}

const CITIES = ['Berlin', 'Munich', 'Hamburg', 'Vienna', 'Zurich'];

/** Contacts as they come out of a spreadsheet or a CRM: one per row, numbered from 0. */
export function contacts(count: number): Contact[] {
	return Array.from({ length: count }, (_, i) => ({
		email: `contact${String(i).padStart(6, '0')}@example.com`,
		group: String(100 + (i % 3)),
		firstName: `First${i}`,
		city: CITIES[i % CITIES.length],
		score: i % 100,
	}));
}

/** Email, group and three attributes, mapped from the item with expressions, as a user sets them up. */
export const contactFields: INodeParameters = {
	identifierType: 'email',
	email: '={{ $json.email }}',
	group: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
	customAttributesInput: 'fields',
	customAttributes: {
		values: [
			{ name: 'firstName', value: '={{ $json.firstName }}' },
			{ name: 'city', value: '={{ $json.city }}' },
			{ name: 'score', value: '={{ $json.score }}' },
		],
	},
};

export const userUpsertParameters: INodeParameters = {
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	eventSource: 'fields',
	...contactFields,
};

/** Retry waits of milliseconds (runNode's `retryTimings`), so that tests of retries do not sleep for real. */
export const FAST_RETRIES: RetryTimings = {
	...RETRY_TIMINGS,
	backoffBaseMs: 1,
	backoffCapMs: 4,
	throttleWaitMs: 5,
};

/** User → Create or Update of each item's email into group 101. */
export const userUpsert: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	email: '={{ $json.email }}',
	group: { __rl: true, mode: 'id', value: '101' },
};

/** The same as Batch → Send. */
export const batchUpsert: INodeParameters = {
	...userUpsert,
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	eventSource: 'fields',
};
