import type { INodeProperties } from 'n8n-workflow';
import type { EventKind } from '../../events';
import { EVENT_KINDS, EVENT_OPERATIONS, kindProperties } from '../../events';
import { SUBTYPE_OPTION } from '../../events/fields';
import { MAX_EVENTS_PER_BATCH } from '../../shared/api';
import { DEFAULT_MAX_RETRIES } from '../../batch/retry';

/** Batch is for data imports: message sends stay single operations, and Event Source "Input Item" covers Custom Event. */
const SINGLE_ONLY = new Set<string>(
	[...Object.values(EVENT_OPERATIONS.message), EVENT_OPERATIONS.customEvent.send].map((kind) => kind.id),
);

export const BATCH_EVENT_KINDS: readonly EventKind[] = EVENT_KINDS.filter((kind) => !SINGLE_ONLY.has(kind.id));

export function batchEventKind(id: string): EventKind | undefined {
	return BATCH_EVENT_KINDS.find((kind) => kind.id === id);
}

export const EVENT_SOURCE = { fields: 'fields', inputItem: 'inputItem' } as const;

export const OUTPUT_MODE = { perEvent: 'perEvent', perBatch: 'perBatch' } as const;

export const BATCH_DEFAULTS = {
	batchSize: MAX_EVENTS_PER_BATCH,
	concurrency: 2,
	maxRetries: DEFAULT_MAX_RETRIES,
	output: OUTPUT_MODE.perEvent,
};

const DEFAULT_EVENT_KIND = BATCH_EVENT_KINDS[0].id;
const DEFAULT_EVENT_SOURCE = EVENT_SOURCE.fields;
const { batchSize: DEFAULT_BATCH_SIZE, concurrency: DEFAULT_CONCURRENCY, output: DEFAULT_OUTPUT } = BATCH_DEFAULTS;

/** Mapp reportedly accepts about 10 requests per second (API-FACTS.md, "Throughput"). */
const SUGGESTED_MAX_REQUESTS_PER_SECOND = 10;

const onSend = { resource: ['batch'], operation: ['send'] };

export const batchResource: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send events in batches',
				description: `Send every input item as one event, up to ${MAX_EVENTS_PER_BATCH} events per request`,
			},
		],
		default: 'send',
	},
	{
		displayName:
			"Keep \"Retry On Fail\" in the node's settings off: this operation retries failed batches itself, while Retry On Fail would run the whole node again and resend the batches Mapp already accepted",
		name: 'retryOnFailNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: onSend },
	},
	{
		displayName: 'Event Type',
		name: 'eventKind',
		type: 'options',
		noDataExpression: true,
		default: DEFAULT_EVENT_KIND,
		description: 'What each item becomes; all events of one run have the same type',
		displayOptions: { show: onSend },
		options: BATCH_EVENT_KINDS.map((kind) => ({ name: kind.displayName, value: kind.id })),
	},
	{
		displayName: 'Event Source',
		name: 'eventSource',
		type: 'options',
		noDataExpression: true,
		default: DEFAULT_EVENT_SOURCE,
		displayOptions: { show: onSend },
		options: [
			{
				name: 'Fields Below',
				value: EVENT_SOURCE.fields,
				description: "Build each item's event from the Event Type's fields, mapped from the item",
			},
			{
				name: 'Input Item',
				value: EVENT_SOURCE.inputItem,
				description: "Send each item's JSON as its event, as it is",
			},
		],
	},
	...BATCH_EVENT_KINDS.flatMap((kind) =>
		kindProperties(kind, { ...onSend, eventKind: [kind.id], eventSource: [EVENT_SOURCE.fields] }),
	),
	{
		displayName: 'Fields to Include',
		name: 'fieldsToInclude',
		type: 'string',
		default: '',
		placeholder: 'e.g. email, group, firstName',
		description: "Comma-separated fields of the item to send; leave empty to send all of the item's fields",
		displayOptions: { show: { ...onSend, eventSource: [EVENT_SOURCE.inputItem] } },
	},
	{
		displayName: 'Options',
		name: SUBTYPE_OPTION.collection,
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { ...onSend, eventSource: [EVENT_SOURCE.inputItem] } },
		options: [
			{
				displayName: 'Event Subtype',
				name: SUBTYPE_OPTION.name,
				type: 'string',
				default: '',
				placeholder: 'Default of the Event Type',
				description:
					"Subtype the events are sent with. Must match the name in the integration's mapping in Mapp; leave empty for the Event Type's default.",
			},
		],
	},
	{
		displayName: 'Batch Options',
		name: 'batchOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: onSend },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_BATCH },
				default: DEFAULT_BATCH_SIZE,
				description: `Events per request, at most ${MAX_EVENTS_PER_BATCH} (Mapp refuses a larger batch as a whole)`,
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_CONCURRENCY,
				description: 'How many requests are in flight at once. The output keeps the order of the input.',
			},
			{
				displayName: 'Max Requests per Second',
				name: 'maxRequestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: SUGGESTED_MAX_REQUESTS_PER_SECOND,
				description:
					"Spaces this run's requests, retries included, to stay under the account's rate. Not set: no limit.",
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_RETRIES,
				description:
					'How often a batch is retried after a 429, 502, 503, 504, a dropped connection or a timeout, with growing waits. Other errors are not retried.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: DEFAULT_OUTPUT,
				options: [
					{
						name: 'One Item per Event',
						value: OUTPUT_MODE.perEvent,
						description: 'The result of each input item, paired to it',
					},
					{
						name: 'One Item per Batch',
						value: OUTPUT_MODE.perBatch,
						description: 'A summary of each request: item range, count, status, attempts',
					},
				],
			},
		],
	},
];
