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
	const pacer = new RequestPacer(settings.clock, settings.spacing);
	const outcomes = new Array<ChunkOutcome>(chunks.length);
	let nextChunk = 0;
	let stopped = false;
	const worker = async () => {
		while (nextChunk < chunks.length && !stopped) {
			const chunkIndex = nextChunk++;
			const outcome = await sendChunk(chunks[chunkIndex], chunkIndex, transport, settings, pacer);
			outcomes[chunkIndex] = outcome;
			if (!outcome.success && settings.stopAfterFailure) stopped = true;
		}
	};
	const workers = Math.max(1, Math.min(settings.concurrency, chunks.length));
	await Promise.all(Array.from({ length: workers }, worker));
	for (let chunkIndex = nextChunk; chunkIndex < chunks.length; chunkIndex++) {
		outcomes[chunkIndex] = { chunkIndex, success: false, attempts: 0, reason: NOT_SENT_REASON };
	}
	return outcomes;
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
		if (verdict.outcome === 'accepted')
			return { chunkIndex, success: true, attempts, statusCode, response };
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
