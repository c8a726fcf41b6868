import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IPairedItemData,
	JsonObject,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { bodyWithoutCredentials, mappApiError } from '../shared/errors';
import type { ChunkOutcome } from './engine';

/** One input item, built and checked: the part of the requests it makes (an event, a name). */
export interface Prepared<B> {
	itemIndex: number;
	value: B;
}

/** A chunk of Batch → Send as sent (its items' events), and what became of it. */
export interface SentChunk {
	events: ReadonlyArray<Prepared<IDataObject>>;
	outcome: ChunkOutcome;
}

/** "0-999, 2000, 2002-2499": item indexes (ascending) as ranges. */
export function formatItemRanges(itemIndexes: readonly number[]): string {
	const ranges: string[] = [];
	for (let start = 0; start < itemIndexes.length;) {
		let end = start;
		while (end + 1 < itemIndexes.length && itemIndexes[end + 1] === itemIndexes[end] + 1) end++;
		ranges.push(
			start === end ? `${itemIndexes[start]}` : `${itemIndexes[start]}-${itemIndexes[end]}`,
		);
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
 * An n8n error item: it goes to the node's error output when there is one, and n8n shows it as
 * `{ error: message }`. The message is the package's own, so that n8n has nothing to rewrite.
 */
export function errorItem(
	error: Error,
	pairedItem: IPairedItemData | IPairedItemData[],
): INodeExecutionData {
	return { json: { error: error.message }, error: error as NodeApiError, pairedItem };
}

/** What a request carried, in the words of its failure messages: "The event was not delivered: …". */
export interface Subject {
	/** "The event", "The groups". */
	name: string;
	/** "was not delivered", "were not created". */
	notDelivered: string;
	/** "may or may not have reached Mapp", "may or may not have been created". */
	unknown: string;
	/** "was" or "were", for "was not sent, as the run stopped …". */
	was: string;
	/** What to do before sending again when the outcome is unknown. */
	checkFirst: string;
}

export const AN_EVENT: Subject = {
	name: 'The event',
	notDelivered: 'was not delivered',
	unknown: 'may or may not have reached Mapp',
	was: 'was',
	checkFirst:
		'Check in Mapp whether it arrived before sending it again: sending it again could record it twice.',
};

/**
 * The error of one request that failed for good, the same words on every path: Mapp's answer with
 * what to check, or why there was none. Never the thrown error itself, which carries the signed
 * request. `subtype` names the events' subtype in the hint for a refused event.
 */
export function requestFailure(
	node: INode,
	outcome: ChunkOutcome,
	subject: Subject,
	at: { itemIndex: number; subtype?: string },
): NodeApiError | NodeOperationError {
	const { itemIndex, subtype } = at;
	if (outcome.attempts === 0)
		return new NodeOperationError(node, `${subject.name} ${subject.was} ${outcome.reason}`, {
			itemIndex,
		});
	if (outcome.response) {
		// Mapp's answer says what happened, its hint what to check. After a server error the message
		// itself says the outcome is unknown: with Continue On Fail it is all the item's JSON holds.
		const error = mappApiError(node, outcome.response, { subtype, itemIndex });
		if (outcome.mayHaveArrived)
			error.message = `${subject.name} ${subject.unknown}: ${error.message}`;
		return error;
	}
	const reason = outcome.reason ?? 'the request failed';
	if (outcome.mayHaveArrived)
		return new NodeOperationError(node, `${subject.name} ${subject.unknown}: ${reason}`, {
			itemIndex,
			description: subject.checkFirst,
		});
	return new NodeOperationError(node, `${subject.name} ${subject.notDelivered}: ${reason}`, {
		itemIndex,
		description:
			'Check the System (or Base URL) of the credential, and the network between n8n and Mapp.',
	});
}

/**
 * `mayBeDuplicate: true` on the output of a chunk Mapp accepted on a retry after an attempt whose
 * outcome was unknown (no answer, a 5xx): Mapp may have recorded its events twice. Only then, so
 * that the output of a clean run keeps its shape.
 */
function duplicateMark(outcome: ChunkOutcome): IDataObject {
	return outcome.mayBeDuplicate ? { mayBeDuplicate: true } : {};
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
		for (const { itemIndex, value: event } of events) {
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
				...duplicateMark(outcome),
				event,
			};
			results.push([itemIndex, { json, pairedItem }]);
		}
	}
	return results;
}

/** One summary output item per chunk, paired to all its input items. */
export function perChunkItems(
	chunks: readonly SentChunk[],
	errorOf: ChunkError,
): Array<[number, INodeExecutionData]> {
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
			...duplicateMark(outcome),
		};
		return [firstItem, { json, pairedItem }];
	});
}

/**
 * "Batch 2 (items 1000-1999) was not delivered: HTTP 503 after 4 attempts", or, when an attempt
 * got no answer after reaching the server, that its delivery is unknown.
 */
export function chunkFailureMessage({ events, outcome }: SentChunk): string {
	const items = formatItemRanges(events.map((e) => e.itemIndex));
	const fate = outcome.mayHaveArrived ? 'may or may not have been delivered' : 'was not delivered';
	return `Batch ${chunkNumber(outcome)} (items ${items}) ${fate}: ${failureReason(outcome)}`;
}

function failureReason(outcome: ChunkOutcome): string {
	const reason = outcome.reason ?? 'not delivered';
	if (outcome.attempts === 0) return reason;
	return `${reason} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
}

/** Items sent together (one chunk, or one single event) and what became of them. */
export interface Delivery {
	itemIndexes: readonly number[];
	outcome: ChunkOutcome;
}

/**
 * Which items Mapp accepted, which it did not get (refused, or never sent), and which it may have
 * got (no answer after sending), with what to do about each.
 */
export function itemFates(deliveries: readonly Delivery[]): {
	summary: string;
	lines: string[];
	advice: string;
} {
	const itemsWhere = (wanted: (outcome: ChunkOutcome) => boolean) =>
		deliveries.filter(({ outcome }) => wanted(outcome)).flatMap(({ itemIndexes }) => itemIndexes);
	const delivered = itemsWhere((o) => o.success);
	const notDelivered = itemsWhere((o) => !o.success && !o.mayHaveArrived);
	const unknown = itemsWhere((o) => !o.success && o.mayHaveArrived === true);
	const items = (indexes: number[]) =>
		indexes.length ? `items ${formatItemRanges(indexes)}` : 'none';
	return {
		summary: [
			notDelivered.length ? `${items(notDelivered)} were not delivered` : '',
			unknown.length ? `${items(unknown)} may or may not have been delivered` : '',
		]
			.filter(Boolean)
			.join('; '),
		lines: [
			`Delivered (accepted by Mapp): ${items(delivered)}.`,
			`Not delivered: ${items(notDelivered)}.`,
			...(unknown.length
				? [`Outcome unknown (no answer, or a server error, after sending): ${items(unknown)}.`]
				: []),
		],
		advice: [
			notDelivered.length
				? "Run the node again for the items not delivered only: n8n's Retry On Fail would resend the delivered ones too."
				: '',
			unknown.length
				? `Check in Mapp whether ${items(unknown)} arrived before sending them again: Mapp may have recorded them, and sending them again would record them twice.`
				: '',
		]
			.filter(Boolean)
			.join('\n'),
	};
}

/** The error of a batch run that failed: which batches failed, and every item's fate. */
export function deliveryReport(chunks: readonly SentChunk[]): {
	summary: string;
	details: string;
	advice: string;
} {
	const fates = itemFates(
		chunks.map(({ events, outcome }) => ({ itemIndexes: events.map((e) => e.itemIndex), outcome })),
	);
	const failed = chunks.filter(({ outcome }) => !outcome.success);
	const attempted = failed.filter(({ outcome }) => outcome.attempts > 0);
	const which =
		attempted.length === 1
			? `Batch ${chunkNumber(attempted[0].outcome)} of ${chunks.length} failed`
			: `${attempted.length} of ${chunks.length} batches failed`;
	const chunkLines = failed.map(({ events, outcome }) => {
		const items = formatItemRanges(events.map((e) => e.itemIndex));
		return `Batch ${chunkNumber(outcome)} (items ${items}): ${failureReason(outcome)}.`;
	});
	return {
		summary: `${which}: ${fates.summary}`,
		details: [...fates.lines, ...chunkLines].join('\n'),
		advice: fates.advice,
	};
}

/**
 * What a failed chunk's NodeApiError is built from: Mapp's status and answer, or the reason a
 * request got no answer. Never the thrown error itself, which carries the signed request.
 */
export function failureCause(outcome: ChunkOutcome): JsonObject {
	return {
		message: outcome.reason ?? 'Not delivered',
		statusCode: outcome.statusCode ?? null,
		body: (bodyWithoutCredentials(outcome.response?.body) ?? null) as JsonObject,
	};
}
