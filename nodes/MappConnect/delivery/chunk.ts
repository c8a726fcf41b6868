import { MAX_EVENTS_PER_BATCH } from '../shared/api';

export function isValidBatchSize(size: number): boolean {
	return Number.isInteger(size) && size >= 1 && size <= MAX_EVENTS_PER_BATCH;
}

/** Splits entries, in order, into consecutive chunks of at most `batchSize`. */
export function splitIntoChunks<T>(entries: readonly T[], batchSize: number): T[][] {
	if (!isValidBatchSize(batchSize)) {
		throw new RangeError(
			`Batch size must be a whole number from 1 to ${MAX_EVENTS_PER_BATCH}, got ${batchSize}`,
		);
	}
	const chunks: T[][] = [];
	for (let start = 0; start < entries.length; start += batchSize) {
		chunks.push(entries.slice(start, start + batchSize));
	}
	return chunks;
}

/**
 * The one way a batch body is made: Mapp discards a whole request of more than
 * MAX_EVENTS_PER_BATCH events, so such a body is never created, let alone sent. The credential
 * serialises it, once, to the exact bytes it signs.
 */
export function batchBody<T extends object>(events: readonly T[]): readonly T[] {
	if (events.length > MAX_EVENTS_PER_BATCH) {
		throw new RangeError(
			`A batch holds at most ${MAX_EVENTS_PER_BATCH} events, this one ${events.length}`,
		);
	}
	return events;
}
