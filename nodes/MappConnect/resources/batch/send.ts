/**
 * Batch → Send: every input item becomes one event of the chosen Event Type, built by that event
 * operation's own fields (or taken from the item's JSON) and checked before anything is sent; the
 * events go out in requests of at most Batch Size, and every item's fate is reported.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { batchBody, splitIntoChunks } from '../../delivery/chunk';
import type { Outgoing, ResultAt, Sending } from '../../delivery/deliver';
import { deliver, dryRunResult } from '../../delivery/deliver';
import type { ChunkOutcome } from '../../delivery/engine';
import { perSecond } from '../../delivery/pace';
import type { SentChunk } from '../../delivery/results';
import {
	chunkFailureMessage,
	deliveryReport,
	failureCause,
	perChunkItems,
	perEventItems,
} from '../../delivery/results';
import type { RunContext } from '../../delivery/run';
import type { EventKind } from '../../events/kind';
import { buildEvent, eventSubtype } from '../../events/kind';
import { DRY_RUN_OPTION, dryRunOption } from '../../fields/collection';
import { invalidField } from '../../fields/problems';
import { API_PATHS, MAX_EVENTS_PER_BATCH } from '../../shared/api';
import { answerHint } from '../../shared/errors';
import type { Operation } from '../resource';
import { sendingOperation } from '../resource';
import {
	EVENT_SOURCE,
	eventFromInputItem,
	inputItemProperties,
	inputItemSettings,
} from './inputItem';
import { eventKindOf, eventProperties, retryOnFailNotice } from './event';
import { BATCH_OPTIONS, OUTPUT_MODE, batchOptionsProperty, readBatchOptions } from './options';

function batchProperties(kinds: readonly EventKind[]): INodeProperties[] {
	return [
		retryOnFailNotice,
		...eventProperties(
			kinds,
			'item',
			[
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
			inputItemProperties,
		),
		batchOptionsProperty,
	];
}

/** Batch → Send, offering the given kinds as Event Types. */
export function sendOperation(kinds: readonly EventKind[]): Operation {
	return sendingOperation(
		{
			name: 'Send',
			value: 'send',
			action: 'Send events in batches',
			description: `Send every input item as one event, up to ${MAX_EVENTS_PER_BATCH} events per request`,
		},
		batchProperties(kinds),
		async (run) => await deliver(run, batchSending(run, kinds)),
	);
}

/** How Batch → Send sends (run by delivery/deliver.ts): the run's settings are read once, here. */
function batchSending(run: RunContext, kinds: readonly EventKind[]): Sending<IDataObject> {
	const node = run.getNode();
	const kind = eventKindOf(run, kinds);
	const options = readBatchOptions(run);
	const perBatch = options.output === OUTPUT_MODE.perBatch;
	const inputItem =
		run.runParameter('eventSource', EVENT_SOURCE.fields) === EVENT_SOURCE.inputItem
			? inputItemSettings(run)
			: undefined;
	// Every event of a run goes under one subtype: the first item's, which every other item must share.
	let first: { subtype: string; itemIndex: number } | undefined;
	const subtype = () => first?.subtype ?? kind.subtype;

	return {
		build(params, json) {
			const built = inputItem
				? {
						subtype: eventSubtype(kind, params),
						event: eventFromInputItem(params, json, inputItem),
					}
				: buildEvent(kind, params);
			if (first && built.subtype !== first.subtype) {
				throw invalidField(
					params,
					'Event Subtype',
					`must be the same for all items of a batch ("${built.subtype}" here, "${first.subtype}" for item ${first.itemIndex})`,
				);
			}
			first ??= { subtype: built.subtype, itemIndex: params.itemIndex };
			return built.event;
		},
		dryRun: (params) =>
			dryRunOption.read(params.within(DRY_RUN_OPTION.collection)) ||
			dryRunOption.read(params.within(BATCH_OPTIONS)),
		requests: (prepared) =>
			splitIntoChunks(prepared, options.batchSize).map((items) => ({
				items,
				request: {
					method: 'POST',
					path: API_PATHS.batch,
					qs: { subtype: subtype() },
					body: batchBody(items.map(({ value }) => value)),
				},
			})),
		engine: () => ({
			concurrency: options.concurrency,
			maxRetries: options.maxRetries,
			spacing: perSecond(options.maxRequestsPerSecond),
		}),
		dryRunOutput: (requests) => dryRunItems(requests, subtype(), perBatch),
		report(requests) {
			const sent: SentChunk[] = requests.map(({ items, outcome }) => ({ events: items, outcome }));
			// Only a run with a failure needs the report; working it out for 100,000 delivered items costs time.
			const firstFailure = sent.find(({ outcome }) => !outcome.success);
			const report = firstFailure ? deliveryReport(sent) : undefined;
			const failureError = ({ events, outcome }: SentChunk, message: string) =>
				new NodeApiError(node, failureCause(outcome), {
					message,
					description: `${report?.details}\n${failureHint(outcome, subtype(), report?.advice ?? '')}`,
					httpCode: outcome.statusCode === undefined ? undefined : String(outcome.statusCode),
					itemIndex: events[0].itemIndex,
				});
			const chunkError = (chunk: SentChunk) => failureError(chunk, chunkFailureMessage(chunk));
			const results = perBatch
				? perChunkItems(sent, chunkError)
				: perEventItems(sent, subtype(), chunkError);
			const failure = firstFailure && report && failureError(firstFailure, report.summary);
			return { results, failure };
		},
	};
}

/** A Dry Run's output: every event with the batch it would go in, or each batch with its events. */
function dryRunItems(
	requests: Array<Outgoing<IDataObject>>,
	subtype: string,
	perBatch: boolean,
): ResultAt[] {
	return requests.flatMap(({ items, request }, index): ResultAt[] => {
		const chunk = index + 1;
		if (!perBatch)
			return items.map(({ itemIndex, value }) =>
				dryRunResult(itemIndex, { subtype, chunk, event: value }),
			);
		const [first, last] = [items[0].itemIndex, items[items.length - 1].itemIndex];
		const json = {
			dryRun: true,
			chunk,
			firstItem: first,
			lastItem: last,
			count: items.length,
			subtype,
			events: request.body as IDataObject[],
		};
		return [[first, { json, pairedItem: items.map(({ itemIndex }) => ({ item: itemIndex })) }]];
	});
}

/** What to check when Mapp refused a chunk; what to do when retrying could not get it through. */
function failureHint(outcome: ChunkOutcome, subtype: string, advice: string): string {
	if (outcome.response && !outcome.retriesExhausted) {
		return [answerHint(outcome.response, { subtype }), advice].join('\n');
	}
	return advice;
}
