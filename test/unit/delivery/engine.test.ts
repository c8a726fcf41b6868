import type { EngineSettings, Transport } from '../../../nodes/MappConnect/delivery/engine';
import {
	NOT_SENT_REASON,
	sendChunkStream,
	sendChunks,
} from '../../../nodes/MappConnect/delivery/engine';
import { perSecond } from '../../../nodes/MappConnect/delivery/pace';
import type { TransportResponse } from '../../../nodes/MappConnect/delivery/transport';
import { RETRY_TIMINGS } from '../../../nodes/MappConnect/delivery/retry';
import { FakeClock } from './fakeClock';

type Answer = TransportResponse | Error;

const ok: TransportResponse = { statusCode: 200 };
const unavailable: TransportResponse = { statusCode: 503 };
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/** Answers each chunk from its own script of answers (the last one repeats) and logs every call. */
function scriptedTransport(scripts: Record<number, Answer[]> = {}) {
	const calls: number[] = [];
	const transport: Transport<string> = async (_chunk, chunkIndex) => {
		const attempt = calls.filter((c) => c === chunkIndex).length;
		calls.push(chunkIndex);
		const script = scripts[chunkIndex] ?? [ok];
		const answer = script[Math.min(attempt, script.length - 1)];
		if (answer instanceof Error) throw answer;
		return answer;
	};
	return { transport, calls };
}

function settings(overrides: Partial<EngineSettings> = {}): EngineSettings & { clock: FakeClock } {
	return {
		concurrency: 3,
		maxRetries: 3,
		timings: RETRY_TIMINGS,
		clock: new FakeClock(),
		random: () => 0.5,
		...overrides,
	} as EngineSettings & { clock: FakeClock };
}

const chunks = (count: number) => Array.from({ length: count }, (_, i) => `chunk ${i}`);

describe('sendChunks', () => {
	it('sends every chunk once and reports outcomes in chunk order, whatever order answers come in', async () => {
		const sent: string[] = [];
		const transport: Transport<string> = async (chunk, chunkIndex) => {
			await new Promise((resolve) => setTimeout(resolve, (5 - chunkIndex) * 3));
			sent.push(chunk);
			return ok;
		};
		const outcomes = await sendChunks(chunks(5), transport, settings({ concurrency: 5 }));
		expect(sent).not.toEqual(chunks(5));
		expect(sent.sort()).toEqual(chunks(5));
		expect(outcomes).toEqual(
			[0, 1, 2, 3, 4].map((chunkIndex) => ({
				chunkIndex,
				success: true,
				attempts: 1,
				statusCode: 200,
				response: ok,
			})),
		);
	});

	it.each([1, 2, 4])('keeps at most %p chunks in flight', async (concurrency) => {
		let inFlight = 0;
		let peak = 0;
		const transport: Transport<string> = async () => {
			peak = Math.max(peak, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 2));
			inFlight--;
			return ok;
		};
		await sendChunks(chunks(10), transport, settings({ concurrency }));
		expect(peak).toBe(concurrency);
	});

	it('retries only the chunk that failed, never one that was accepted', async () => {
		const { transport, calls } = scriptedTransport({ 1: [unavailable, reset(), ok] });
		const run = settings();
		const outcomes = await sendChunks(chunks(3), transport, run);
		expect(calls.filter((c) => c === 0)).toHaveLength(1);
		expect(calls.filter((c) => c === 1)).toHaveLength(3);
		expect(calls.filter((c) => c === 2)).toHaveLength(1);
		expect(outcomes.map((o) => [o.success, o.attempts])).toEqual([
			[true, 1],
			[true, 3],
			[true, 1],
		]);
		expect(run.clock.sleeps).toEqual([750, 1500]); // backoff 1 s then 2 s, jitter at 0.5
	});

	it('gives up after Max Retries and says why', async () => {
		const { transport, calls } = scriptedTransport({
			0: [{ statusCode: 503, body: { message: 'Down' } }],
		});
		const [outcome] = await sendChunks(chunks(1), transport, settings({ maxRetries: 2 }));
		expect(calls).toHaveLength(3);
		expect(outcome).toMatchObject({
			success: false,
			attempts: 3,
			statusCode: 503,
			reason: 'HTTP 503: Down',
			retriesExhausted: true,
			response: { statusCode: 503, body: { message: 'Down' } },
		});
	});

	it('does not retry with Max Retries 0', async () => {
		const { transport, calls } = scriptedTransport({ 0: [unavailable, ok] });
		const [outcome] = await sendChunks(chunks(1), transport, settings({ maxRetries: 0 }));
		expect(calls).toHaveLength(1);
		expect(outcome).toMatchObject({ success: false, attempts: 1 });
	});

	it('does not retry an answer that will not change, such as 400', async () => {
		const { transport, calls } = scriptedTransport({
			0: [{ statusCode: 400, body: { message: 'Bad' } }, ok],
		});
		const [outcome] = await sendChunks(chunks(1), transport, settings());
		expect(calls).toHaveLength(1);
		expect(outcome).toMatchObject({
			success: false,
			attempts: 1,
			statusCode: 400,
			reason: 'HTTP 400: Bad',
		});
		expect(outcome.retriesExhausted).toBeUndefined();
	});

	it('keeps the thrown error of a chunk that failed on the network, without a status', async () => {
		const error = reset();
		const { transport } = scriptedTransport({ 0: [error] });
		const [outcome] = await sendChunks(chunks(1), transport, settings({ maxRetries: 1 }));
		expect(outcome).toMatchObject({ success: false, attempts: 2, statusCode: undefined, error });
	});

	it('does not retry an error that is not a network failure', async () => {
		const { transport, calls } = scriptedTransport({ 0: [new Error('Credentials not found'), ok] });
		const [outcome] = await sendChunks(chunks(1), transport, settings());
		expect(calls).toHaveLength(1);
		expect(outcome).toMatchObject({ success: false, reason: 'Credentials not found' });
	});

	it('honours Retry-After on 429 and holds back the other chunks of the run too', async () => {
		const sentAt: Array<[number, number]> = [];
		const run = settings({ concurrency: 1 });
		const throttled = { statusCode: 429, headers: { 'Retry-After': '4' } };
		const { transport: scripted } = scriptedTransport({ 0: [throttled, ok] });
		const transport: Transport<string> = async (chunk, chunkIndex) => {
			sentAt.push([chunkIndex, run.clock.now()]);
			return await scripted(chunk, chunkIndex);
		};
		const start = run.clock.now();
		await sendChunks(chunks(2), transport, run);
		expect(sentAt).toEqual([
			[0, start],
			[0, start + 4000],
			[1, start + 4000],
		]);
	});

	it('waits at least 30 s after "Database Access Limit Exceeded"', async () => {
		const limit = { statusCode: 500, body: { message: 'Database Access Limit Exceeded' } };
		const { transport } = scriptedTransport({ 0: [limit, ok] });
		const run = settings();
		const [outcome] = await sendChunks(chunks(1), transport, run);
		expect(outcome).toMatchObject({ success: true, attempts: 2 });
		expect(run.clock.sleeps).toEqual([30_000]);
	});

	it('spaces requests, retries included, by Max Requests per Second', async () => {
		const sentAt: number[] = [];
		const run = settings({ concurrency: 4, spacing: perSecond(5), random: () => 0 });
		const { transport: scripted } = scriptedTransport({ 2: [unavailable, ok] });
		const transport: Transport<string> = async (chunk, chunkIndex) => {
			sentAt.push(run.clock.now());
			return await scripted(chunk, chunkIndex);
		};
		await sendChunks(chunks(4), transport, run);
		const start = sentAt[0];
		// chunk 2 fails at 400 ms and is retried after its 500 ms backoff, which is past the next free slot
		expect(sentAt.map((t) => t - start)).toEqual([0, 200, 400, 600, 900]);
	});

	it('sends nothing for no chunks', async () => {
		const { transport, calls } = scriptedTransport();
		expect(await sendChunks([], transport, settings())).toEqual([]);
		expect(calls).toEqual([]);
	});
});

describe('sendChunks when told to stop after a failure', () => {
	it('starts no further chunk once one failed for good, and reports those as not sent', async () => {
		const { transport, calls } = scriptedTransport({ 1: [{ statusCode: 401 }] });
		const outcomes = await sendChunks(
			chunks(4),
			transport,
			settings({ concurrency: 1, stopAfterFailure: true }),
		);
		expect(calls).toEqual([0, 1]);
		expect(outcomes.map((o) => [o.success, o.attempts, o.reason])).toEqual([
			[true, 1, undefined],
			[false, 1, 'HTTP 401'],
			[false, 0, NOT_SENT_REASON],
			[false, 0, NOT_SENT_REASON],
		]);
	});

	it('lets chunks already in flight finish', async () => {
		const { transport, calls } = scriptedTransport({ 0: [{ statusCode: 400 }] });
		const outcomes = await sendChunks(
			chunks(5),
			transport,
			settings({ concurrency: 2, stopAfterFailure: true }),
		);
		expect(calls.sort()).toEqual([0, 1]);
		expect(outcomes.map((o) => o.success)).toEqual([false, true, false, false, false]);
	});
});

describe('sendChunkStream: chunks taken from a source as senders get free', () => {
	/** A source of `count` chunks that logs when each is made, and whether it was closed. */
	function source(count: number, brokenAt?: number) {
		const log: string[] = [];
		const state = { closed: false };
		async function* chunks(): AsyncGenerator<string> {
			try {
				for (let index = 0; index < count; index++) {
					if (index === brokenAt) throw new Error(`chunk ${index} cannot be made`);
					log.push(`made ${index}`);
					yield `chunk ${index}`;
				}
			} finally {
				state.closed = true;
			}
		}
		return { chunks: chunks(), log, state };
	}

	it('makes a chunk only when a sender is free to take it', async () => {
		const { chunks, log } = source(6);
		const run = settings({ concurrency: 2 });
		const transport: Transport<string> = async (chunk) => {
			log.push(`sent ${chunk.slice(6)}`);
			await run.clock.sleep(10);
			return ok;
		};
		const outcomes: number[] = [];
		const taken = await sendChunkStream(chunks, transport, run, ({ chunkIndex }) => {
			outcomes.push(chunkIndex);
			log.push(`done ${chunkIndex}`);
		});
		expect(taken).toBe(6);
		expect(outcomes.sort()).toEqual([0, 1, 2, 3, 4, 5]);
		// chunk 2 is made only after chunk 0 or 1 is done: never more than two in the run at once
		expect(log.indexOf('made 2')).toBeGreaterThan(log.indexOf('done 0'));
		expect(log.indexOf('made 4')).toBeGreaterThan(log.indexOf('done 2'));
	});

	it('when the source fails, takes nothing more, finishes the chunks in flight, then throws its error', async () => {
		const { chunks, state } = source(10, 3);
		const run = settings({ concurrency: 3 });
		const finished: number[] = [];
		const transport: Transport<string> = async () => {
			await run.clock.sleep(10);
			return ok;
		};
		await expect(
			sendChunkStream(chunks, transport, run, ({ chunkIndex }) => finished.push(chunkIndex)),
		).rejects.toThrow('chunk 3 cannot be made');
		expect(finished.sort()).toEqual([0, 1, 2]);
		expect(state.closed).toBe(true);
	});

	it('after a failure with stopAfterFailure, closes the source without reading it to the end', async () => {
		const { chunks, log, state } = source(100);
		const { transport } = scriptedTransport({ 1: [{ statusCode: 400 }] });
		const taken = await sendChunkStream(
			chunks,
			transport,
			settings({ concurrency: 2, stopAfterFailure: true }),
			() => {},
		);
		expect(taken).toBeLessThan(5);
		expect(log.length).toBeLessThan(5);
		expect(state.closed).toBe(true);
	});
});
