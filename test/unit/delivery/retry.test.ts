import {
	backoffMs,
	DATABASE_LIMIT_WAIT_MS,
	networkFailure,
	judgeError,
	judgeResponse,
	parseRetryAfter,
	RETRY_TIMINGS,
	retryWaitMs,
} from '../../../nodes/MappConnect/delivery/retry';

const NOW = Date.parse('2025-01-01T12:00:00Z');

describe('judgeResponse', () => {
	it.each([200, 201, 204])('accepts %p', (statusCode) => {
		expect(judgeResponse({ statusCode }, NOW, RETRY_TIMINGS)).toEqual({ outcome: 'accepted' });
	});

	it.each([502, 503, 504])('retries %p after backoff', (statusCode) => {
		expect(judgeResponse({ statusCode }, NOW, RETRY_TIMINGS)).toMatchObject({
			outcome: 'retry',
			throttled: false,
			waitMs: undefined,
		});
	});

	it.each([400, 401, 403, 404, 409, 422])(
		'does not retry %p, a refusal: nothing was recorded',
		(statusCode) => {
			expect(judgeResponse({ statusCode, body: { message: 'no' } }, NOW, RETRY_TIMINGS)).toEqual({
				outcome: 'final',
				reason: `HTTP ${statusCode}: no`,
			});
		},
	);

	it('does not retry 500, and counts it as possibly recorded', () => {
		expect(judgeResponse({ statusCode: 500, body: { message: 'no' } }, NOW, RETRY_TIMINGS)).toEqual(
			{
				outcome: 'final',
				reason: 'HTTP 500: no',
				mayHaveArrived: true,
			},
		);
	});

	it.each([501, 505, 507, 520, 521, 524, 527, 599])(
		'does not retry %p, and counts it as possibly recorded: every 5xx leaves the outcome unknown',
		(statusCode) => {
			expect(judgeResponse({ statusCode, body: { message: 'no' } }, NOW, RETRY_TIMINGS)).toEqual({
				outcome: 'final',
				reason: `HTTP ${statusCode}: no`,
				mayHaveArrived: true,
			});
		},
	);

	it.each([502, 503, 504])(
		'retries %p, and counts it as possibly recorded should retrying not get through',
		(statusCode) => {
			expect(judgeResponse({ statusCode }, NOW, RETRY_TIMINGS)).toMatchObject({
				outcome: 'retry',
				mayHaveArrived: true,
			});
		},
	);

	it("counts neither 429 nor Engage's over-rate 500 as possibly recorded: both refuse", () => {
		const overRate = { statusCode: 500, body: { message: 'Database Access Limit Exceeded' } };
		expect(judgeResponse(overRate, NOW, RETRY_TIMINGS)).not.toHaveProperty('mayHaveArrived');
		expect(judgeResponse({ statusCode: 429 }, NOW, RETRY_TIMINGS)).toMatchObject({
			mayHaveArrived: undefined,
		});
	});

	it('retries 429 after the seconds in Retry-After, holding back the whole run', () => {
		expect(
			judgeResponse({ statusCode: 429, headers: { 'retry-after': '7' } }, NOW, RETRY_TIMINGS),
		).toMatchObject({
			outcome: 'retry',
			throttled: true,
			waitMs: 7000,
		});
	});

	it('reads Retry-After as an HTTP date', () => {
		const headers = { 'Retry-After': new Date(NOW + 12_000).toUTCString() };
		expect(judgeResponse({ statusCode: 429, headers }, NOW, RETRY_TIMINGS)).toMatchObject({
			waitMs: 12_000,
		});
	});

	it('gives up rather than stall the run when Retry-After is longer than the node waits', () => {
		const verdict = judgeResponse(
			{ statusCode: 503, headers: { 'retry-after': '3600' } },
			NOW,
			RETRY_TIMINGS,
		);
		expect(verdict).toMatchObject({ outcome: 'final' });
		expect(verdict.outcome === 'final' && verdict.reason).toContain('retry after 3600 s');
	});

	it('treats a 500 "Database Access Limit Exceeded" as throttling with Mapp\'s long wait', () => {
		const verdict = judgeResponse(
			{ statusCode: 500, body: { message: 'Database Access Limit Exceeded' } },
			NOW,
			RETRY_TIMINGS,
		);
		expect(verdict).toMatchObject({
			outcome: 'retry',
			throttled: true,
			waitMs: DATABASE_LIMIT_WAIT_MS,
		});
		expect(DATABASE_LIMIT_WAIT_MS).toBeGreaterThanOrEqual(30_000);
	});

	it('quotes at most a short piece of a long error body', () => {
		const verdict = judgeResponse(
			{ statusCode: 400, body: 'x'.repeat(10_000) },
			NOW,
			RETRY_TIMINGS,
		);
		expect(verdict.outcome === 'final' && verdict.reason.length).toBeLessThan(300);
	});
});

describe('parseRetryAfter', () => {
	it.each([
		['0', 0],
		[' 3 ', 3000],
		['Wed, 01 Jan 2025 11:59:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
	])('reads %p as %p ms', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});
});

describe('network errors', () => {
	it.each([
		['ECONNRESET', 'the connection was reset', true],
		['ECONNREFUSED', 'the connection was refused', false],
		['ENOTFOUND', 'the host name was not found', false],
		['ETIMEDOUT', 'timed out', true],
		['ECONNABORTED', 'the connection was aborted', true],
	])(
		'retries %s, also when wrapped, and says in words whether the request may have arrived',
		(code, words, mayHaveArrived) => {
			const axiosError = Object.assign(new Error('request failed'), { code });
			const wrapped = new Error('The connection to the server was closed unexpectedly', {
				cause: axiosError,
			});
			expect(networkFailure(axiosError)).toEqual({ words, mayHaveArrived });
			expect(judgeError(wrapped)).toEqual({
				outcome: 'retry',
				reason: `no answer (${words})`,
				throttled: false,
				mayHaveArrived,
			});
		},
	);

	it("retries n8n's NodeApiError for a reset connection, which keeps the code as httpCode", () => {
		const nodeApiError = Object.assign(
			new Error('The connection to the server was closed unexpectedly'),
			{
				httpCode: 'ECONNRESET',
			},
		);
		expect(judgeError(nodeApiError)).toMatchObject({
			outcome: 'retry',
			reason: 'no answer (the connection was reset)',
		});
	});

	it.each(['socket hang up', 'aborted'])(
		'retries "%s": the request may have arrived',
		(message) => {
			expect(networkFailure(new Error(message))).toEqual({
				words: 'the connection broke',
				mayHaveArrived: true,
			});
		},
	);

	it('does not retry other errors', () => {
		expect(judgeError(new Error('Node does not have any credentials'))).toEqual({
			outcome: 'final',
			reason: 'Node does not have any credentials',
		});
		expect(
			networkFailure(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' })),
		).toBeUndefined();
	});
});

describe('backoff', () => {
	const timings = { ...RETRY_TIMINGS, backoffBaseMs: 1000, backoffCapMs: 8000 };

	it('doubles with each retry, up to the cap, with jitter between half and all of the step', () => {
		expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, timings, () => 1))).toEqual([
			1000, 2000, 4000, 8000, 8000,
		]);
		expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, timings, () => 0))).toEqual([
			500, 1000, 2000, 4000, 4000,
		]);
	});

	it('waits what the server asked for, and at least the backoff when throttled', () => {
		const random = () => 1;
		expect(
			retryWaitMs({ outcome: 'retry', reason: '', throttled: false }, 2, timings, random),
		).toBe(2000);
		expect(
			retryWaitMs(
				{ outcome: 'retry', reason: '', throttled: false, waitMs: 0 },
				2,
				timings,
				random,
			),
		).toBe(0);
		expect(
			retryWaitMs(
				{ outcome: 'retry', reason: '', throttled: true, waitMs: 500 },
				3,
				timings,
				random,
			),
		).toBe(4000);
		expect(
			retryWaitMs(
				{ outcome: 'retry', reason: '', throttled: true, waitMs: 30_000 },
				1,
				timings,
				random,
			),
		).toBe(30_000);
	});
});
