/** When a batch request is retried, and how long to wait first: pure functions of what came back. */
import type { TransportResponse } from './transport';
import {
	DATABASE_LIMIT_MESSAGE,
	describeAnswer,
	headerOf,
	isMappError,
	isProxyAnswer,
	mappMessage,
} from '../shared/errors';

export const DEFAULT_MAX_RETRIES = 3;

/** Mapp advises waiting at least 30 s after a "Database Access Limit Exceeded" answer. */
export const DATABASE_LIMIT_WAIT_MS = 30_000;

/**
 * The answers worth another attempt: 429 (over the rate), and a gateway (502, 504) or Mapp (503)
 * saying it could not take the request now, which a later attempt usually gets through. Every
 * other 5xx is final: 500 is Mapp failing on this request (it fails again), 501/505 refuse it for
 * good, and the rest (507, a CDN's 520-527, …) are nothing a retry after seconds would mend. A
 * retried 5xx may have been recorded all the same: its items are marked (mayBeDuplicate).
 */
const RETRYABLE_STATUS_CODES = new Set([429, 502, 503, 504]);

/**
 * Network failures worth retrying, in words. The words matter: n8n replaces any error message
 * that names such a code with generic advice of its own ("consider Retry On Fail"). A request
 * that never reached the server was not delivered; one whose connection broke afterwards may
 * have been.
 */
const NETWORK_FAILURES: Record<string, { words: string; reachedServer: boolean }> = {
	ECONNREFUSED: { words: 'the connection was refused', reachedServer: false },
	ENOTFOUND: { words: 'the host name was not found', reachedServer: false },
	EAI_AGAIN: { words: 'the host name could not be resolved', reachedServer: false },
	ENETUNREACH: { words: 'the network is unreachable', reachedServer: false },
	EHOSTUNREACH: { words: 'the host is unreachable', reachedServer: false },
	ECONNRESET: { words: 'the connection was reset', reachedServer: true },
	ECONNABORTED: { words: 'the connection was aborted', reachedServer: true },
	ETIMEDOUT: { words: 'timed out', reachedServer: true },
	ESOCKETTIMEDOUT: { words: 'timed out', reachedServer: true },
	EPIPE: { words: 'the connection broke', reachedServer: true },
};

const RETRYABLE_NETWORK_MESSAGE = /socket hang up|\baborted\b|\btimeout\b|timed out/i;

export interface RetryTimings {
	/** Wait before the first retry; it doubles with every further retry, up to backoffCapMs. */
	backoffBaseMs: number;
	backoffCapMs: number;
	/** Least wait after Mapp's "Database Access Limit Exceeded". */
	throttleWaitMs: number;
	/** A Retry-After longer than this is not waited for: the chunk fails instead of stalling the run. */
	maxRetryAfterMs: number;
}

/**
 * The timings the node uses. Not a node parameter, so users never see it; a run receives them
 * (delivery/run.ts), and the workflow tests hand the node shorter ones.
 */
export const RETRY_TIMINGS: Readonly<RetryTimings> = Object.freeze({
	backoffBaseMs: 1_000,
	backoffCapMs: 30_000,
	throttleWaitMs: DATABASE_LIMIT_WAIT_MS,
	maxRetryAfterMs: 5 * 60_000,
});

export type Verdict =
	| { outcome: 'accepted' }
	| {
			outcome: 'retry';
			reason: string;
			/** The account is over its rate: every request of the run should hold back, not just this one. */
			throttled: boolean;
			/** The wait the server asked for (Retry-After) or Mapp advises; otherwise backoff applies. */
			waitMs?: number;
			mayHaveArrived?: boolean;
	  }
	| {
			outcome: 'final';
			reason: string;
			mayHaveArrived?: boolean;
	  };

/**
 * Every server error (5xx) leaves the outcome unknown: Mapp Connect, or a gateway or CDN in front
 * of it, can fail after the events were taken in, whatever the code. Such a request is reported
 * as "may or may not have arrived", never as "not delivered", so that nobody resends it blindly.
 * Engage's "Database Access Limit Exceeded" (a 500) is its refusal of an over-rate request, so it
 * is not among them (judgeResponse answers it first).
 */
function isOutcomeUnknown(statusCode: number): boolean {
	return statusCode >= 500 && statusCode <= 599;
}

/** How a request that got no answer failed. */
export interface NetworkFailure {
	/** What happened, in words (never a raw error code: see NETWORK_FAILURES). */
	words: string;
	/** The request may have reached Mapp, so its events may have been recorded. */
	mayHaveArrived: boolean;
}

export function judgeResponse(
	response: TransportResponse,
	now: number,
	timings: RetryTimings,
): Verdict {
	const { statusCode } = response;
	if (!isMappError(response)) return { outcome: 'accepted' };

	if (statusCode === 500 && DATABASE_LIMIT_MESSAGE.test(mappMessage(response.body) ?? '')) {
		return {
			outcome: 'retry',
			reason: describeStatus(response),
			throttled: true,
			waitMs: timings.throttleWaitMs,
		};
	}
	const mayHaveArrived = isOutcomeUnknown(statusCode) || undefined;
	if (!RETRYABLE_STATUS_CODES.has(statusCode)) {
		return { outcome: 'final', reason: describeStatus(response), mayHaveArrived };
	}

	const retryAfterMs = parseRetryAfter(headerOf(response.headers, 'retry-after'), now);
	if (retryAfterMs !== undefined && retryAfterMs > timings.maxRetryAfterMs) {
		return {
			outcome: 'final',
			reason: `${describeStatus(response)}; Mapp asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, longer than the node waits (${timings.maxRetryAfterMs / 1000} s)`,
			mayHaveArrived,
		};
	}
	return {
		outcome: 'retry',
		reason: describeStatus(response),
		throttled: statusCode === 429,
		waitMs: retryAfterMs,
		mayHaveArrived,
	};
}

/** A thrown transport error is retried only when it is a network failure; anything else is final. */
export function judgeError(error: unknown): Verdict & { mayHaveArrived?: boolean } {
	const failure = networkFailure(error);
	return failure
		? {
				outcome: 'retry',
				reason: `no answer (${failure.words})`,
				throttled: false,
				mayHaveArrived: failure.mayHaveArrived,
			}
		: { outcome: 'final', reason: errorMessageOf(error) };
}

/**
 * The network failure behind an error, looking through the error and its causes: n8n's
 * NodeApiError keeps the code as `httpCode` and replaces the message with its own advice. A
 * deadline (DeadlineExceeded) carries ETIMEDOUT; a broken socket may only say so in words.
 */
export function networkFailure(error: unknown): NetworkFailure | undefined {
	for (
		let current = error, depth = 0;
		current && depth < 5;
		current = (current as Error).cause, depth++
	) {
		const { code, httpCode, message } = current as {
			code?: unknown;
			httpCode?: unknown;
			message?: unknown;
		};
		for (const value of [code, httpCode]) {
			const known = typeof value === 'string' ? NETWORK_FAILURES[value] : undefined;
			if (known) return { words: known.words, mayHaveArrived: known.reachedServer };
		}
		if (typeof message === 'string' && RETRYABLE_NETWORK_MESSAGE.test(message)) {
			return { words: 'the connection broke', mayHaveArrived: true };
		}
	}
	return undefined;
}

/** Wait before retry number `retryNumber` (from 1): what the server asked for, else exponential backoff with jitter. */
export function retryWaitMs(
	verdict: Extract<Verdict, { outcome: 'retry' }>,
	retryNumber: number,
	timings: RetryTimings,
	random: () => number,
): number {
	const backoff = backoffMs(retryNumber, timings, random);
	return verdict.waitMs === undefined
		? backoff
		: Math.max(verdict.waitMs, verdict.throttled ? backoff : 0);
}

/** "Equal jitter": between half and all of the exponential step, so concurrent retries spread out. */
export function backoffMs(
	retryNumber: number,
	timings: RetryTimings,
	random: () => number,
): number {
	const step = Math.min(timings.backoffCapMs, timings.backoffBaseMs * 2 ** (retryNumber - 1));
	return step / 2 + random() * (step / 2);
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeStatus(response: TransportResponse): string {
	return `${isProxyAnswer(response) ? "the proxy's " : ''}HTTP ${describeAnswer(response)}`;
}

function errorMessageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
