import type { IDataObject, INodeExecutionData, IPairedItemData, JsonObject, NodeApiError } from 'n8n-workflow';
import type { ChunkOutcome } from './engine';

/** One input item's event, on its way into a chunk. */
export interface PreparedEvent {
	itemIndex: number;
	event: IDataObject;
}

/** A chunk as sent, and what became of it. */
export interface SentChunk {
	events: PreparedEvent[];
	outcome: ChunkOutcome;
}

/** "0-999, 2000, 2002-2499": item indexes (ascending) as ranges. */
export function formatItemRanges(itemIndexes: readonly number[]): string {
	const ranges: string[] = [];
	for (let start = 0; start < itemIndexes.length; ) {
		let end = start;
		while (end + 1 < itemIndexes.length && itemIndexes[end + 1] === itemIndexes[end] + 1) end++;
		ranges.push(start === end ? `${itemIndexes[start]}` : `${itemIndexes[start]}-${itemIndexes[end]}`);
		start = end + 1;
	}
	return ranges.join(', ');
}

/** Chunks are numbered from 1 for people; items keep n8n's index from 0. */
function chunkNumber(outcome: ChunkOutcome): number {
	return outcome.chunkIndex + 1;
}

/** The error a failed chunk's output items carry. */
export type ChunkError = (chunk: SentChunk) => NodeApiError;

/**
 * An n8n error item: it goes to the node's error output when there is one, and n8n shows it
 * as `{ error: message }` (it replaces the JSON of any item that carries an error).
 */
function errorItem(error: NodeApiError, pairedItem: IPairedItemData | IPairedItemData[]): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem };
}

/** One output item per sent event, paired to its input item. */
export function perEventItems(
	chunks: readonly SentChunk[],
	subtype: string,
	errorOf: ChunkError,
): Array<[number, INodeExecutionData]> {
	const results: Array<[number, INodeExecutionData]> = [];
	for (const chunk of chunks) {
		const { events, outcome } = chunk;
		const error = outcome.success ? undefined : errorOf(chunk);
		for (const { itemIndex, event } of events) {
			const pairedItem = { item: itemIndex };
			if (error) {
				results.push([itemIndex, errorItem(error, pairedItem)]);
				continue;
			}
			const json: IDataObject = {
				success: true,
				statusCode: outcome.statusCode ?? null,
				subtype,
				chunk: chunkNumber(outcome),
				attempts: outcome.attempts,
				event,
			};
			results.push([itemIndex, { json, pairedItem }]);
		}
	}
	return results;
}

/** One summary output item per chunk, paired to all its input items. */
export function perChunkItems(chunks: readonly SentChunk[], errorOf: ChunkError): Array<[number, INodeExecutionData]> {
	return chunks.map((chunk) => {
		const { events, outcome } = chunk;
		const firstItem = events[0].itemIndex;
		const pairedItem = events.map(({ itemIndex }) => ({ item: itemIndex }));
		if (!outcome.success) return [firstItem, errorItem(errorOf(chunk), pairedItem)];
		const json: IDataObject = {
			chunk: chunkNumber(outcome),
			firstItem,
			lastItem: events[events.length - 1].itemIndex,
			count: events.length,
			success: true,
			statusCode: outcome.statusCode ?? null,
			attempts: outcome.attempts,
		};
		return [firstItem, { json, pairedItem }];
	});
}

/** "Batch 2 (items 1000-1999) was not delivered: HTTP 503 after 4 attempts" */
export function chunkFailureMessage({ events, outcome }: SentChunk): string {
	const items = formatItemRanges(events.map((e) => e.itemIndex));
	return `Batch ${chunkNumber(outcome)} (items ${items}) was not delivered: ${failureReason(outcome)}`;
}

function failureReason(outcome: ChunkOutcome): string {
	const reason = outcome.reason ?? 'not delivered';
	if (outcome.attempts === 0) return reason;
	return `${reason} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
}

/** Which items Mapp accepted and which it did not, as the error of a run that failed says it. */
export function deliveryReport(chunks: readonly SentChunk[]): { summary: string; details: string } {
	const itemsOf = (wanted: boolean) =>
		chunks.filter(({ outcome }) => outcome.success === wanted).flatMap(({ events }) => events.map((e) => e.itemIndex));
	const delivered = itemsOf(true);
	const notDelivered = itemsOf(false);
	const failed = chunks.filter(({ outcome }) => !outcome.success);
	const attempted = failed.filter(({ outcome }) => outcome.attempts > 0);
	const which =
		attempted.length === 1
			? `Batch ${chunkNumber(attempted[0].outcome)} of ${chunks.length} failed`
			: `${attempted.length} of ${chunks.length} batches failed`;
	const summary = `${which}: items ${formatItemRanges(notDelivered)} were not delivered`;
	const lines = [
		`Delivered (accepted by Mapp): ${delivered.length ? `items ${formatItemRanges(delivered)}` : 'none'}.`,
		`Not delivered: items ${formatItemRanges(notDelivered)}.`,
		...failed.map(({ events, outcome }) => {
			const items = formatItemRanges(events.map((e) => e.itemIndex));
			return `Batch ${chunkNumber(outcome)} (items ${items}): ${failureReason(outcome)}.`;
		}),
	];
	return { summary, details: lines.join('\n') };
}

/**
 * What a failed chunk's NodeApiError is built from: Mapp's status and answer, or the reason a
 * request got no answer. Never the thrown error itself, which carries the signed request.
 */
export function failureCause(outcome: ChunkOutcome): JsonObject {
	return {
		message: outcome.reason ?? 'Not delivered',
		statusCode: outcome.statusCode ?? null,
		body: (outcome.response?.body ?? null) as JsonObject,
	};
}
