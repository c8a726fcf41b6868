import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import type { EventKind, ParameterReader } from '../events';
import { eventSubtype } from '../events';
import { invalidField } from '../events/fields';
import { BATCH_DEFAULTS, EVENT_SOURCE, OUTPUT_MODE, batchEventKind } from '../resources/batch';
import { API_PATHS, CREDENTIAL_TYPE, MAX_EVENTS_PER_BATCH, baseUrlOf, integrationPath } from '../shared/api';
import { mappErrorHint, mappMessage } from '../shared/errors';
import { batchBody, isValidBatchSize, splitIntoChunks } from './chunk';
import type { ChunkOutcome, EngineSettings, Transport } from './engine';
import { sendChunks } from './engine';
import { batchParameterReaders } from './parameters';
import type { PreparedEvent, SentChunk } from './results';
import { chunkFailureMessage, deliveryReport, failureCause, perChunkItems, perEventItems } from './results';
import { retryTimings } from './retry';

/** Mapp's own clients give up after 10-30 s; a timed-out chunk is retried like a dropped connection. */
const REQUEST_TIMEOUT_MS = 30_000;

interface BatchOptions {
	batchSize?: number;
	concurrency?: number;
	maxRetries?: number;
	maxRequestsPerSecond?: number;
	output?: string;
}

type ResultAt = [itemIndex: number, result: INodeExecutionData];

/**
 * Batch → Send: every input item becomes one event, built and checked before anything is sent;
 * the events go out in chunks of at most Batch Size, and every item's fate is reported.
 */
export async function sendBatch(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const kindId = this.getNodeParameter('eventKind', 0) as string;
	const kind = batchEventKind(kindId);
	if (!kind) throw new NodeOperationError(this.getNode(), `'Event Type' has an unknown value "${kindId}"`);
	const { batchSize, output, engine } = readOptions(this);

	const prepared = prepareEvents(this, kind);
	const subtype = prepared.subtype ?? kind.subtype;
	const chunks = splitIntoChunks(prepared.events, batchSize);
	const outcomes = await sendChunks(
		chunks.map((events) => batchBody(events.map(({ event }) => event))),
		await batchTransport(this, subtype),
		engine,
	);
	const sent: SentChunk[] = chunks.map((events, index) => ({ events, outcome: outcomes[index] }));

	const report = deliveryReport(sent);
	const failureError = ({ events, outcome }: SentChunk, message: string) =>
		new NodeApiError(this.getNode(), failureCause(outcome), {
			message,
			description: `${report.details}\n${failureHint(outcome, subtype)}`,
			httpCode: outcome.statusCode === undefined ? undefined : String(outcome.statusCode),
			itemIndex: events[0].itemIndex,
		});
	const firstFailure = sent.find(({ outcome }) => !outcome.success);
	if (firstFailure && !this.continueOnFail()) throw failureError(firstFailure, report.summary);

	const chunkError = (chunk: SentChunk) => failureError(chunk, chunkFailureMessage(chunk));
	const results =
		output === OUTPUT_MODE.perBatch ? perChunkItems(sent, chunkError) : perEventItems(sent, subtype, chunkError);
	return [[...prepared.invalid, ...results].sort(([a], [b]) => a - b).map(([, result]) => result)];
}

/** What to check when Mapp refused a chunk; what to do when retrying could not get it through. */
function failureHint(outcome: ChunkOutcome, subtype: string): string {
	if (outcome.statusCode !== undefined && !outcome.retriesExhausted) {
		return mappErrorHint(outcome.statusCode, mappMessage(outcome.response?.body), { subtype });
	}
	return "Run the node again for the items not delivered only: n8n's Retry On Fail would resend the delivered ones too.";
}

/**
 * Builds every item's event with the Event Type's own builder (or takes the item's JSON), and
 * checks all before any is sent. An invalid item stops the run, or with Continue On Fail becomes
 * an error result while the valid ones go.
 */
function prepareEvents(context: IExecuteFunctions, kind: EventKind) {
	const items = context.getInputData();
	const fromInputItem = context.getNodeParameter('eventSource', 0) === EVENT_SOURCE.inputItem;
	const fieldsToInclude = fromInputItem ? fieldList(context.getNodeParameter('fieldsToInclude', 0, '') as string) : [];
	const readerFor = batchParameterReaders(context);
	const prepared: PreparedEvent[] = [];
	const invalid: ResultAt[] = [];
	let subtype: string | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const params = readerFor(itemIndex, items[itemIndex].json);
		try {
			const itemSubtype = eventSubtype(kind, params);
			if (subtype !== undefined && itemSubtype !== subtype) {
				throw invalidField(
					params,
					'Event Subtype',
					`must be the same for all items of a batch ("${itemSubtype}" here, "${subtype}" for item ${prepared[0].itemIndex})`,
				);
			}
			const event = fromInputItem ? eventFromInputItem(params, items[itemIndex].json, fieldsToInclude) : kind.build(params);
			subtype = itemSubtype;
			prepared.push({ itemIndex, event });
		} catch (error) {
			const failure =
				error instanceof NodeOperationError ? error : new NodeOperationError(params.node, error as Error, { itemIndex });
			if (!context.continueOnFail()) throw failure;
			invalid.push([itemIndex, { json: { error: failure.message }, error: failure, pairedItem: { item: itemIndex } }]);
		}
	}
	return { events: prepared, subtype, invalid };
}

/** Event Source "Input Item": the item's own JSON is the event, or the listed fields of it. */
function eventFromInputItem(params: ParameterReader, json: IDataObject, fields: string[]): IDataObject {
	const event = fields.length ? Object.fromEntries(fields.filter((f) => f in json).map((f) => [f, json[f]])) : json;
	if (Object.keys(event).length === 0) {
		throw fields.length
			? invalidField(params, 'Fields to Include', `names no field the item has (${fields.join(', ')})`)
			: new NodeOperationError(params.node, `The item has no fields to send as an event [item ${params.itemIndex}]`, {
					itemIndex: params.itemIndex,
				});
	}
	return event;
}

function fieldList(text: string): string[] {
	return text
		.split(',')
		.map((field) => field.trim())
		.filter((field) => field !== '');
}

/** The Batch Options, checked before anything is sent (an expression can bypass the editor's limits). */
function readOptions(context: IExecuteFunctions): { batchSize: number; output: string; engine: EngineSettings } {
	const options = context.getNodeParameter('batchOptions', 0, {}) as BatchOptions;
	const invalidOption = (label: string, problem: string) =>
		new NodeOperationError(context.getNode(), `'${label}' ${problem}`);
	const batchSize = options.batchSize ?? BATCH_DEFAULTS.batchSize;
	if (!isValidBatchSize(batchSize)) {
		throw invalidOption('Batch Size', `must be a whole number from 1 to ${MAX_EVENTS_PER_BATCH}, not ${batchSize}`);
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
		throw invalidOption('Max Requests per Second', `must be more than 0, not ${maxRequestsPerSecond}`);
	}
	const signal = context.getExecutionCancelSignal();
	return {
		batchSize,
		output: options.output ?? BATCH_DEFAULTS.output,
		engine: {
			concurrency,
			maxRetries,
			maxRequestsPerSecond,
			stopAfterFailure: !context.continueOnFail(),
			timings: retryTimings,
			clock: { now: () => Date.now(), sleep: async (ms) => await sleepWithAbort(ms, signal) },
			random: Math.random,
		},
	};
}

/** Sends one chunk through the credential, which serialises it once and signs exactly those bytes. */
async function batchTransport(context: IExecuteFunctions, subtype: string): Promise<Transport<readonly IDataObject[]>> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseURL = baseUrlOf(String(credentials.system), credentials.baseUrl as string | undefined);
	const url = integrationPath(String(credentials.integrationId), API_PATHS.batch);
	return async (body) => {
		const response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'POST',
			baseURL,
			url,
			qs: { subtype },
			body: body as IDataObject[],
			timeout: REQUEST_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		return { statusCode: response.statusCode, body: response.body, headers: response.headers };
	};
}
