/** Batch → Send's "Batch Options": how events are grouped, paced, retried and reported. */
import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isValidBatchSize } from '../../delivery/chunk';
import { DEFAULT_MAX_RETRIES } from '../../delivery/retry';
import type { RunContext } from '../../delivery/run';
import { dryRunOption } from '../../fields/collection';
import { MAX_EVENTS_PER_BATCH } from '../../shared/api';

export const OUTPUT_MODE = { perEvent: 'perEvent', perBatch: 'perBatch' } as const;

export const BATCH_DEFAULTS = {
	batchSize: MAX_EVENTS_PER_BATCH,
	concurrency: 2,
	maxRetries: DEFAULT_MAX_RETRIES,
	output: OUTPUT_MODE.perEvent as string,
};

const {
	batchSize: DEFAULT_BATCH_SIZE,
	concurrency: DEFAULT_CONCURRENCY,
	maxRetries: DEFAULT_RETRIES,
	output: DEFAULT_OUTPUT,
} = BATCH_DEFAULTS;

/** Mapp reportedly accepts about 10 requests per second (docs/mapp-connect-api.md, "Throughput"). */
const SUGGESTED_MAX_REQUESTS_PER_SECOND = 10;

/** The parameter name of the Batch Options collection. */
export const BATCH_OPTIONS = 'batchOptions';

/** Send From File's progress log interval, in batches (0: only at the end). */
export const PROGRESS_LOG_OPTION = 'logProgressEvery';
/**
 * Every batch: the last line in the log is then never more than the batches in flight behind, so a
 * run resumed from it repeats at most Concurrency × Batch Size records (docs/send-from-file.md).
 */
export const DEFAULT_PROGRESS_LOG_BATCHES = 1;

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_BATCH },
	default: DEFAULT_BATCH_SIZE,
	description: `Events per request, at most ${MAX_EVENTS_PER_BATCH} (Mapp refuses a larger batch as a whole)`,
};

const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_CONCURRENCY,
	description: 'How many requests are in flight at once. The output keeps the order of the input.',
};

const maxRequestsPerSecondOption: INodeProperties = {
	displayName: 'Max Requests per Second',
	name: 'maxRequestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0.1, numberPrecision: 1 },
	default: SUGGESTED_MAX_REQUESTS_PER_SECOND,
	description:
		"Spaces this run's requests, retries included, to stay under the account's rate. Not set: no limit.",
};

const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_RETRIES,
	description:
		'How often a batch is retried after a 429, 502, 503, 504, a dropped connection or a timeout, with growing waits. Other errors are not retried.',
};

export const batchOptionsProperty: INodeProperties = {
	displayName: 'Batch Options',
	name: BATCH_OPTIONS,
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			...dryRunOption.properties[0],
			description: `${dryRunOption.properties[0].description}. Outputs the batches too.`,
		},
		batchSizeOption,
		concurrencyOption,
		maxRequestsPerSecondOption,
		maxRetriesOption,
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
};

/** Send From File's Batch Options: the same, without Output (one summary per file), with the progress log. */
export const fileBatchOptionsProperty: INodeProperties = {
	...batchOptionsProperty,
	options: [
		{
			...dryRunOption.properties[0],
			description:
				'Whether to only read and check every record of the file and output the summary, without sending anything to Mapp (the credential is still needed, but no request is made)',
		},
		batchSizeOption,
		concurrencyOption,
		{
			displayName: 'Log Progress Every (Batches)',
			name: PROGRESS_LOG_OPTION,
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_PROGRESS_LOG_BATCHES,
			description:
				"Write a progress line to n8n's log every this many batches and at the end: the file, records read, last accepted record, the record to resume from, events per second. If n8n dies, resume from the last line; with more than 1, more records may be sent twice. 0: only at the end.",
		},
		maxRequestsPerSecondOption,
		maxRetriesOption,
	],
};

interface BatchOptions {
	batchSize?: number;
	concurrency?: number;
	maxRetries?: number;
	maxRequestsPerSecond?: number;
	output?: string;
}

/** The Batch Options, checked before anything is sent (an expression can bypass the editor's limits). */
export function readBatchOptions(
	run: RunContext,
): Required<Omit<BatchOptions, 'maxRequestsPerSecond'>> & BatchOptions {
	const options = run.runParameter(BATCH_OPTIONS, {}) as BatchOptions;
	const invalidOption = (label: string, problem: string) =>
		new NodeOperationError(run.getNode(), `'${label}' ${problem}`);
	const batchSize = options.batchSize ?? BATCH_DEFAULTS.batchSize;
	if (!isValidBatchSize(batchSize)) {
		throw invalidOption(
			'Batch Size',
			`must be a whole number from 1 to ${MAX_EVENTS_PER_BATCH}, not ${batchSize}`,
		);
	}
	const concurrency = options.concurrency ?? BATCH_DEFAULTS.concurrency;
	if (!Number.isInteger(concurrency) || concurrency < 1) {
		throw invalidOption('Concurrency', `must be a whole number of at least 1, not ${concurrency}`);
	}
	const maxRetries = options.maxRetries ?? BATCH_DEFAULTS.maxRetries;
	if (!Number.isInteger(maxRetries) || maxRetries < 0) {
		throw invalidOption('Max Retries', `must be a whole number of at least 0, not ${maxRetries}`);
	}
	const { maxRequestsPerSecond } = options;
	if (maxRequestsPerSecond !== undefined && !(maxRequestsPerSecond > 0)) {
		throw invalidOption(
			'Max Requests per Second',
			`must be more than 0, not ${maxRequestsPerSecond}`,
		);
	}
	return {
		batchSize,
		concurrency,
		maxRetries,
		maxRequestsPerSecond,
		output: options.output ?? BATCH_DEFAULTS.output,
	};
}
