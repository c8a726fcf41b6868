import type { Clock, Spacing } from './pace';
import { RequestPacer } from './pace';
import type { RetryTimings, Verdict } from './retry';
import { judgeError, judgeResponse, retryWaitMs } from './retry';
import type { TransportResponse } from './transport';

/**
 * Sends one chunk (a batch of events, or a single event) once: resolves with Mapp's answer,
 * whatever its status, or throws a network error.
 */
export type Transport<C> = (chunk: C, chunkIndex: number) => Promise<TransportResponse>;

export interface EngineSettings {
	/** Chunks in flight at once. */
	concurrency: number;
	/** Retries after the first attempt of a chunk. */
	maxRetries: number;
	/** How requests are spaced over time (RequestPacer); none: no limit. */
	spacing?: Spacing;
	/** Start no further chunk once one has failed for good (they are reported as not sent). */
	stopAfterFailure?: boolean;
	timings: RetryTimings;
	clock: Clock;
	random: () => number;
}

export interface ChunkOutcome {
	chunkIndex: number;
	success: boolean;
	attempts: number;
	/** Status of the last answer; absent when the last attempt got none (network error). */
	statusCode?: number;
	/** Why the chunk failed for good. */
	reason?: string;
	/** It failed in a way worth retrying, but Max Retries ran out. */
	retriesExhausted?: boolean;
	/**
	 * An attempt may have reached Mapp without an answer saying it was refused (a reset connection,
	 * a timeout, a server error): the events may have been recorded although the chunk failed.
	 */
	mayHaveArrived?: boolean;
	/**
	 * Mapp accepted the chunk after an attempt that may have reached it (mayHaveArrived): Mapp may
	 * have recorded its events twice.
	 */
	mayBeDuplicate?: boolean;
	/** The last answer (Mapp's acceptance, or the answer of a chunk that failed for good). */
	response?: TransportResponse;
	/** The thrown error of a chunk whose last attempt got no answer. */
	error?: unknown;
}

export const NOT_SENT_REASON = 'not sent, as the run stopped at an earlier failure';

/**
 * Sends every chunk, at most `concurrency` at a time, retrying only a chunk that failed in a way
 * worth retrying. A chunk Mapp accepted is never sent again. Outcomes come back in chunk order.
 */
export async function sendChunks<C>(
	chunks: readonly C[],
	transport: Transport<C>,
	settings: EngineSettings,
): Promise<ChunkOutcome[]> {
	const outcomes = new Array<ChunkOutcome>(chunks.length);
	const started = await sendChunkStream(chunks, transport, settings, (outcome) => {
		outcomes[outcome.chunkIndex] = outcome;
	});
	for (let chunkIndex = started; chunkIndex < chunks.length; chunkIndex++) {
		outcomes[chunkIndex] = { chunkIndex, success: false, attempts: 0, reason: NOT_SENT_REASON };
	}
	return outcomes;
}

/**
 * The pull-based form: each of `concurrency` senders takes the next chunk from `chunks` only
 * when it is free, so that no chunk is made before a sender can take it (a file's records are
 * read no further ahead than what is in flight). `settled` hears each chunk's outcome as it
 * comes, in any order. When taking a chunk throws (a broken file), no further chunk is taken,
 * the chunks in flight are finished, and then the error is thrown. Resolves with the number of
 * chunks taken; a source left unfinished (a failure, an error) is closed.
 */
export async function sendChunkStream<C>(
	chunks: Iterable<C> | AsyncIterable<C>,
	transport: Transport<C>,
	settings: EngineSettings,
	settled: (outcome: ChunkOutcome, chunk: C) => void,
): Promise<number> {
	const pacer = new RequestPacer(settings.clock, settings.spacing);
	const source =
		Symbol.asyncIterator in chunks
			? chunks[Symbol.asyncIterator]()
			: (chunks as Iterable<C>)[Symbol.iterator]();
	let taken = 0;
	let stopped = false;
	let exhausted = false;
	let sourceFailure: { error: unknown } | undefined;
	const sender = async () => {
		while (!stopped && !exhausted) {
			let next: IteratorResult<C>;
			try {
				next = await source.next();
			} catch (error) {
				sourceFailure ??= { error };
				stopped = true;
				return;
			}
			if (next.done) {
				exhausted = true;
				return;
			}
			// another chunk failed for good while this one was being made: it is not sent
			if (stopped) return;
			const chunkIndex = taken++;
			const outcome = await sendChunk(next.value, chunkIndex, transport, settings, pacer);
			settled(outcome, next.value);
			if (!outcome.success && settings.stopAfterFailure) stopped = true;
		}
	};
	let finished = false;
	try {
		await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, sender));
		finished = true;
	} finally {
		// A source left unfinished (a failure, a cancelled run) is closed: a file's stream, its file.
		// After an error a sender may still wait for the source's next chunk, which closing would
		// wait for: then it is closed without waiting.
		if (!exhausted) {
			const closing = Promise.resolve(source.return?.()).catch(() => undefined);
			if (finished) await closing;
		}
	}
	if (sourceFailure) throw sourceFailure.error;
	return taken;
}

/** Sends one chunk until Mapp accepts it, it fails for good, or its retries run out. */
async function sendChunk<C>(
	chunk: C,
	chunkIndex: number,
	transport: Transport<C>,
	settings: EngineSettings,
	pacer: RequestPacer,
): Promise<ChunkOutcome> {
	const { clock, timings } = settings;
	let mayHaveArrived = false;
	for (let attempts = 1; ; attempts++) {
		await pacer.take();
		let response: TransportResponse | undefined;
		let error: unknown;
		let verdict: Verdict;
		try {
			response = await transport(chunk, chunkIndex);
			verdict = judgeResponse(response, clock.now(), timings);
		} catch (thrown) {
			error = thrown;
			verdict = judgeError(thrown);
		}
		if (verdict.outcome !== 'accepted') mayHaveArrived ||= verdict.mayHaveArrived === true;
		const statusCode = response?.statusCode;
		if (verdict.outcome === 'accepted') {
			const accepted = { chunkIndex, success: true, attempts, statusCode, response };
			return mayHaveArrived ? { ...accepted, mayBeDuplicate: true } : accepted;
		}
		const failed = {
			chunkIndex,
			success: false,
			attempts,
			statusCode,
			response,
			error,
			...(mayHaveArrived && { mayHaveArrived }),
		};
		if (verdict.outcome === 'final') return { ...failed, reason: verdict.reason };
		if (attempts > settings.maxRetries)
			return { ...failed, reason: verdict.reason, retriesExhausted: true };
		const waitMs = retryWaitMs(verdict, attempts, timings, settings.random);
		if (verdict.throttled) pacer.holdUntil(clock.now() + waitMs);
		else await clock.sleep(waitMs);
	}
}
