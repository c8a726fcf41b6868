/**
 * How every single event operation runs (n8n calls it as the operation's custom operation): all
 * items are built and checked first, then each event is sent in its own request, and every input
 * item gets one output item. Routing cannot do this: it sends each item's request as soon as that
 * item is built, so a bad item 3 would stop the node after items 1 and 2 had reached Mapp.
 */
import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ParameterReader } from '../fields/field';
import type { ChunkOutcome } from '../delivery/engine';
import { NOT_SENT_REASON, sendChunks } from '../delivery/engine';
import { itemFates } from '../delivery/results';
import type { Prepared, ResultAt } from '../delivery/run';
import {
	checkCredential,
	dryRunResult,
	engineSettings,
	errorItem,
	inItemOrder,
	isDryRun,
	prepareItems,
} from '../delivery/run';
import { openTransport, requestSettings } from '../delivery/transport';
import { API_PATHS } from '../shared/api';
import { mappApiError } from '../shared/errors';
import type { BuiltEvent, EventKind } from './kind';
import { buildEvent } from './kind';

/**
 * Requests in flight at once. Routing sent all items at once; this keeps a large run from opening
 * thousands of connections while still keeping n8n busy. Request Options → Batching sets its own.
 */
const CONCURRENT_REQUESTS = 10;

/** The custom operation of an event operation; `kindOf` picks the kind (Shopping Activity: by activity type). */
export function sendEvents(kindOf: (params: ParameterReader) => EventKind) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = requestSettings(this);
		const { prepared, invalid } = prepareItems(this, (params) =>
			buildEvent(kindOf(params), params),
		);
		if (isDryRun(this)) {
			await checkCredential(this);
			return inItemOrder(
				invalid,
				prepared.map(({ itemIndex, value }) => dryRunResult(itemIndex, { ...value })),
			);
		}
		const transport = await openTransport(this, settings, this.getExecutionCancelSignal());
		const outcomes = await sendChunks(
			prepared,
			async ({ value }) =>
				await transport({
					method: 'POST',
					path: API_PATHS.event,
					qs: { subtype: value.subtype },
					body: value.event,
				}),
			engineSettings(this, {
				concurrency: Math.max(CONCURRENT_REQUESTS, settings.batching?.size ?? 0),
				maxRetries: 0,
				spacing: settings.batching && {
					perInterval: settings.batching.size,
					intervalMs: settings.batching.intervalMs,
				},
			}),
		);
		const node = this.getNode();
		const results: ResultAt[] = prepared.map((sent, index) =>
			resultOf(node, sent, outcomes[index]),
		);
		const failed = results.find(([, result]) => result.error);
		if (failed && !this.continueOnFail()) {
			const error = failed[1].error as NodeApiError | NodeOperationError;
			if (prepared.length > 1) {
				const fates = itemFates(
					prepared.map(({ itemIndex }, index) => ({
						itemIndexes: [itemIndex],
						outcome: outcomes[index],
					})),
				);
				error.description = [error.description, fates.lines.join('\n'), fates.advice]
					.filter(Boolean)
					.join('\n\n');
			}
			throw error;
		}
		return inItemOrder(invalid, results);
	};
}

/** One item's output: what was sent, or the error of its request. */
function resultOf(
	node: INode,
	{ itemIndex, value }: Prepared<BuiltEvent>,
	outcome: ChunkOutcome,
): ResultAt {
	if (outcome.success) {
		const json = {
			success: true,
			statusCode: outcome.statusCode ?? null,
			subtype: value.subtype,
			event: value.event,
		};
		return [itemIndex, { json, pairedItem: { item: itemIndex } }];
	}
	return [
		itemIndex,
		errorItem(failureOf(node, itemIndex, value.subtype, outcome), { item: itemIndex }),
	];
}

function failureOf(
	node: INode,
	itemIndex: number,
	subtype: string,
	outcome: ChunkOutcome,
): NodeApiError | NodeOperationError {
	if (outcome.response) return mappApiError(node, outcome.response, { subtype, itemIndex });
	if (outcome.attempts === 0) {
		return new NodeOperationError(node, `The event was ${outcome.reason ?? NOT_SENT_REASON}`, {
			itemIndex,
		});
	}
	if (outcome.mayHaveArrived) {
		return new NodeOperationError(
			node,
			`The event may or may not have reached Mapp: ${outcome.reason}`,
			{
				itemIndex,
				description:
					'Check in Mapp whether it arrived before sending it again: sending it again could record it twice.',
			},
		);
	}
	return new NodeOperationError(
		node,
		`The event was not delivered: ${outcome.reason ?? 'the request failed'}`,
		{
			itemIndex,
			description:
				'Check the System (or Base URL) of the credential, and the network between n8n and Mapp.',
		},
	);
}
