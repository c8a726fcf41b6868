/**
 * How a single event operation sends (run by delivery/deliver.ts): one request per item, each
 * event in its own request to `event?subtype=…`, never retried (a single operation is a workflow
 * step a user reruns; Batch → Send is the one that retries).
 */
import type { ParameterReader } from '../fields/field';
import { DRY_RUN_OPTION, dryRunOption } from '../fields/collection';
import type { ResultAt, Sending, Sent } from '../delivery/deliver';
import { dryRunResult } from '../delivery/deliver';
import { AN_EVENT, errorItem, itemFates, requestFailure } from '../delivery/results';
import type { RunContext } from '../delivery/run';
import { API_PATHS } from '../shared/api';
import type { BuiltEvent, EventKind } from './kind';
import { buildEvent } from './kind';

/**
 * Requests in flight at once. Routing sent all items at once; this keeps a large run from opening
 * thousands of connections while still keeping n8n busy. Request Options → Batching sets its own.
 */
const CONCURRENT_REQUESTS = 10;

/** The sending of an event operation; `kindOf` picks the kind (Shopping Activity: by activity type). */
export function eventSending(
	run: RunContext,
	kindOf: (params: ParameterReader) => EventKind,
): Sending<BuiltEvent> {
	const node = run.getNode();
	return {
		build: (params) => buildEvent(kindOf(params), params),
		dryRun: (params) => dryRunOption.read(params.within(DRY_RUN_OPTION.collection)),
		requests: (prepared) =>
			prepared.map((item) => ({
				items: [item],
				request: {
					method: 'POST',
					path: API_PATHS.event,
					qs: { subtype: item.value.subtype },
					body: item.value.event,
				},
			})),
		engine: ({ batching }) => ({
			concurrency: Math.max(CONCURRENT_REQUESTS, batching?.size ?? 0),
			maxRetries: 0,
			spacing: batching && { perInterval: batching.size, intervalMs: batching.intervalMs },
		}),
		dryRunOutput: (requests) =>
			requests.map(({ items: [{ itemIndex, value }] }) => dryRunResult(itemIndex, { ...value })),
		report(sent) {
			const results = sent.map((request) => resultOf(request));
			const failed = results.find(([, result]) => result.error);
			if (!failed) return { results };
			// The first failed item's error, with every item's fate when there were several.
			const failure = failed[1].error as Error & { description?: string | null };
			if (sent.length > 1) {
				const fates = itemFates(
					sent.map(({ items, outcome }) => ({ itemIndexes: [items[0].itemIndex], outcome })),
				);
				failure.description = [failure.description, fates.lines.join('\n'), fates.advice]
					.filter(Boolean)
					.join('\n\n');
			}
			return { results, failure };
		},
	};

	function resultOf({ items: [{ itemIndex, value }], outcome }: Sent<BuiltEvent>): ResultAt {
		const pairedItem = { item: itemIndex };
		if (!outcome.success) {
			const at = { itemIndex, subtype: value.subtype };
			return [itemIndex, errorItem(requestFailure(node, outcome, AN_EVENT, at), pairedItem)];
		}
		const json = {
			success: true,
			statusCode: outcome.statusCode ?? null,
			subtype: value.subtype,
			event: value.event,
		};
		return [itemIndex, { json, pairedItem }];
	}
}
