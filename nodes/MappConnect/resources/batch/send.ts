/**
 * Batch → Send: every input item becomes one event of the chosen Event Type, built by that event
 * operation's own fields (or taken from the item's JSON) and checked before anything is sent; the
 * events go out in requests of at most Batch Size, and every item's fate is reported.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { ChunkOutcome } from '../../delivery/engine';
import { sendChunks } from '../../delivery/engine';
import { batchBody, splitIntoChunks } from '../../delivery/chunk';
import { perSecond } from '../../delivery/pace';
import type { PreparedEvent, SentChunk } from '../../delivery/results';
import {
	chunkFailureMessage,
	deliveryReport,
	failureCause,
	perChunkItems,
	perEventItems,
} from '../../delivery/results';
import type { ResultAt } from '../../delivery/run';
import {
	checkCredential,
	dryRunResult,
	engineSettings,
	inItemOrder,
	isDryRun,
	prepareItems,
} from '../../delivery/run';
import { openTransport, requestSettings } from '../../delivery/transport';
import type { EventKind } from '../../events/kind';
import { buildEvent, eventSubtype, kindProperties } from '../../events/kind';
import { invalidField } from '../../fields/field';
import { API_PATHS, MAX_EVENTS_PER_BATCH } from '../../shared/api';
import { mappErrorHint, mappMessage } from '../../shared/errors';
import type { Operation } from '../resource';
import {
	EVENT_SOURCE,
	eventFromInputItem,
	inputItemProperties,
	inputItemSettings,
} from './inputItem';
import { OUTPUT_MODE, batchOptionsProperty, readBatchOptions } from './options';

function batchProperties(kinds: readonly EventKind[]): INodeProperties[] {
	const defaultKind = kinds[0].id;
	const defaultSource = EVENT_SOURCE.fields;
	return [
		{
			displayName:
				'Keep "Retry On Fail" in the node\'s settings off: this operation retries failed batches itself, while Retry On Fail would run the whole node again and resend the batches Mapp already accepted',
			name: 'retryOnFailNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Event Type',
			name: 'eventKind',
			type: 'options',
			noDataExpression: true,
			default: defaultKind,
			description: 'What each item becomes; all events of one run have the same type',
			options: kinds.map((kind) => ({ name: kind.displayName, value: kind.id })),
		},
		{
			displayName: 'Event Source',
			name: 'eventSource',
			type: 'options',
			noDataExpression: true,
			default: defaultSource,
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
		...kinds.flatMap((kind) =>
			updateDisplayOptions(
				{ show: { eventKind: [kind.id], eventSource: [EVENT_SOURCE.fields] } },
				kindProperties(kind),
			),
		),
		...updateDisplayOptions(
			{ show: { eventSource: [EVENT_SOURCE.inputItem] } },
			inputItemProperties,
		),
		batchOptionsProperty,
	];
}

/** Batch → Send, offering the given kinds as Event Types. */
export function sendOperation(kinds: readonly EventKind[]): Operation {
	return {
		option: {
			name: 'Send',
			value: 'send',
			action: 'Send events in batches',
			description: `Send every input item as one event, up to ${MAX_EVENTS_PER_BATCH} events per request`,
		},
		properties: batchProperties(kinds),
		execute: async function (this: IExecuteFunctions) {
			return await sendBatch(this, kinds);
		},
	};
}

async function sendBatch(
	context: IExecuteFunctions,
	kinds: readonly EventKind[],
): Promise<INodeExecutionData[][]> {
	const kindId = context.getNodeParameter('eventKind', 0) as string;
	const kind = kinds.find(({ id }) => id === kindId);
	if (!kind)
		throw new NodeOperationError(
			context.getNode(),
			`'Event Type' has an unknown value "${kindId}"`,
		);
	const options = readBatchOptions(context);
	const settings = requestSettings(context);

	const inputItem =
		context.getNodeParameter('eventSource', 0) === EVENT_SOURCE.inputItem
			? inputItemSettings(context)
			: undefined;
	let firstSubtype: { subtype: string; itemIndex: number } | undefined;
	const { prepared, invalid } = prepareItems(context, (params, json) => {
		const built = inputItem
			? {
					subtype: eventSubtype(kind, params),
					event: eventFromInputItem(params, json, inputItem),
				}
			: buildEvent(kind, params);
		if (firstSubtype && built.subtype !== firstSubtype.subtype) {
			throw invalidField(
				params,
				'Event Subtype',
				`must be the same for all items of a batch ("${built.subtype}" here, "${firstSubtype.subtype}" for item ${firstSubtype.itemIndex})`,
			);
		}
		firstSubtype ??= { subtype: built.subtype, itemIndex: params.itemIndex };
		return built.event;
	});
	const subtype = firstSubtype?.subtype ?? kind.subtype;

	const chunks = splitIntoChunks(
		prepared.map(({ itemIndex, value }) => ({ itemIndex, event: value })),
		options.batchSize,
	);
	if (isDryRun(context, 'batchOptions.dryRun')) {
		await checkCredential(context);
		return inItemOrder(
			invalid,
			dryRunItems(chunks, subtype, options.output === OUTPUT_MODE.perBatch),
		);
	}
	const transport = await openTransport(context, settings, context.getExecutionCancelSignal());
	const outcomes = await sendChunks(
		chunks.map((events) => batchBody(events.map(({ event }) => event))),
		async (body) =>
			await transport({ method: 'POST', path: API_PATHS.batch, qs: { subtype }, body }),
		engineSettings(context, {
			concurrency: options.concurrency,
			maxRetries: options.maxRetries,
			spacing: perSecond(options.maxRequestsPerSecond),
		}),
	);
	const sent: SentChunk[] = chunks.map((events, index) => ({ events, outcome: outcomes[index] }));

	// Only a run with a failure needs the report; working it out for 100,000 delivered items costs time.
	const firstFailure = sent.find(({ outcome }) => !outcome.success);
	const report = firstFailure ? deliveryReport(sent) : undefined;
	const failureError = ({ events, outcome }: SentChunk, message: string) =>
		new NodeApiError(context.getNode(), failureCause(outcome), {
			message,
			description: `${report?.details}\n${failureHint(outcome, subtype, report?.advice ?? '')}`,
			httpCode: outcome.statusCode === undefined ? undefined : String(outcome.statusCode),
			itemIndex: events[0].itemIndex,
		});
	if (firstFailure && report && !context.continueOnFail())
		throw failureError(firstFailure, report.summary);

	const chunkError = (chunk: SentChunk) => failureError(chunk, chunkFailureMessage(chunk));
	const results =
		options.output === OUTPUT_MODE.perBatch
			? perChunkItems(sent, chunkError)
			: perEventItems(sent, subtype, chunkError);
	return inItemOrder(invalid, results);
}

/** A Dry Run's output: every event with the batch it would go in, or each batch with its events. */
function dryRunItems(chunks: PreparedEvent[][], subtype: string, perBatch: boolean): ResultAt[] {
	return chunks.flatMap((events, index): ResultAt[] => {
		const chunk = index + 1;
		if (!perBatch)
			return events.map(({ itemIndex, event }) =>
				dryRunResult(itemIndex, { subtype, chunk, event }),
			);
		const [first, last] = [events[0].itemIndex, events[events.length - 1].itemIndex];
		const body = batchBody(events.map((e) => e.event));
		const json = {
			dryRun: true,
			chunk,
			firstItem: first,
			lastItem: last,
			count: events.length,
			subtype,
			events: body,
		};
		return [[first, { json, pairedItem: events.map(({ itemIndex }) => ({ item: itemIndex })) }]];
	});
}

/** What to check when Mapp refused a chunk; what to do when retrying could not get it through. */
function failureHint(outcome: ChunkOutcome, subtype: string, advice: string): string {
	if (outcome.statusCode !== undefined && !outcome.retriesExhausted) {
		return [
			mappErrorHint(outcome.statusCode, mappMessage(outcome.response?.body), { subtype }),
			advice,
		].join('\n');
	}
	return advice;
}
