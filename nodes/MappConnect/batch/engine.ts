import type { Clock } from './pace';
import { RequestPacer } from './pace';
import type { RetryTimings, TransportResponse, Verdict } from './retry';
import { judgeError, judgeResponse, retryWaitMs } from './retry';

/** Sends one chunk once: resolves with Mapp's answer, whatever its status, or throws a network error. */
export type Transport<C> = (chunk: C, chunkIndex: number) => Promise<TransportResponse>;

export interface EngineSettings {
	/** Chunks in flight at once. */
	concurrency: number;
	/** Retries after the first attempt of a chunk. */
	maxRetries: number;
	/** Empty or 0: no limit. */
	maxRequestsPerSecond?: number;
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
	/** The last answer or thrown error of a chunk that failed for good. */
	response?: TransportResponse;
	error?: unknown;
}

export const NOT_SENT_REASON = 'not sent, as an earlier batch failed';

/**
 * Sends every chunk, at most `concurrency` at a time, retrying only a chunk that failed in a way
 * worth retrying. A chunk Mapp accepted is never sent again. Outcomes come back in chunk order.
 */
export async function sendChunks<C>(
	chunks: readonly C[],
	transport: Transport<C>,
	settings: EngineSettings,
): Promise<ChunkOutcome[]> {
	const pacer = new RequestPacer(settings.clock, settings.maxRequestsPerSecond);
	const outcomes = new Array<ChunkOutcome>(chunks.length);
	let nextChunk = 0;
	let stopped = false;
	const worker = async () => {
		while (nextChunk < chunks.length && !stopped) {
			const chunkIndex = nextChunk++;
			const outcome = await deliver(chunks[chunkIndex], chunkIndex, transport, settings, pacer);
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

async function deliver<C>(
	chunk: C,
	chunkIndex: number,
	transport: Transport<C>,
	settings: EngineSettings,
	pacer: RequestPacer,
): Promise<ChunkOutcome> {
	const { clock, timings } = settings;
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
		const statusCode = response?.statusCode;
		if (verdict.outcome === 'accepted') return { chunkIndex, success: true, attempts, statusCode };
		if (verdict.outcome === 'final') {
			return { chunkIndex, success: false, attempts, statusCode, reason: verdict.reason, response, error };
		}
		if (attempts > settings.maxRetries) {
			const { reason } = verdict;
			return { chunkIndex, success: false, attempts, statusCode, reason, retriesExhausted: true, response, error };
		}
		const waitMs = retryWaitMs(verdict, attempts, timings, settings.random);
		if (verdict.throttled) pacer.holdUntil(clock.now() + waitMs);
		else await clock.sleep(waitMs);
	}
}
