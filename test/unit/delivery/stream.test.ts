/**
 * A file's records through the streaming send loop, in virtual time: batches finish out of order,
 * are retried, fail; the tests check what reached "Mapp", what the run holds, and where it resumes.
 */
import type { EngineSettings, Transport } from '../../../nodes/MappConnect/delivery/engine';
import { RETRY_TIMINGS } from '../../../nodes/MappConnect/delivery/retry';
import type { RecordBatch, StreamPlan, Tally } from '../../../nodes/MappConnect/delivery/stream';
import { newTally, sendRecordStream } from '../../../nodes/MappConnect/delivery/stream';
import type { TransportResponse } from '../../../nodes/MappConnect/delivery/transport';
import type { FileRecord } from '../../../nodes/MappConnect/file/records';
import { FileFormatError } from '../../../nodes/MappConnect/file/records';
import { FakeClock } from './fakeClock';

const ok: TransportResponse = { statusCode: 200 };

/** The records a chunk of the file completes: 7, so that chunks and batches do not line up. */
const RECORDS_PER_CHUNK = 7;

/** Records 1…count, `{ n }`, read in chunks of RECORDS_PER_CHUNK; `bad` ones fail the check; reading throws at
 *  `brokenAt` (after giving the records of its chunk before it, as the reader does). */
function file(count: number, options: { bad?: number[]; brokenAt?: number } = {}) {
	const read = { yielded: 0 };
	async function* records(): AsyncGenerator<FileRecord[]> {
		let chunk: FileRecord[] = [];
		for (let recordNumber = 1; recordNumber <= count; recordNumber++) {
			if (recordNumber === options.brokenAt) {
				read.yielded += chunk.length;
				if (chunk.length > 0) yield chunk;
				throw new FileFormatError(recordNumber, `Record ${recordNumber} has an unclosed quote`);
			}
			chunk.push({ recordNumber, values: { n: recordNumber } });
			if (chunk.length === RECORDS_PER_CHUNK || recordNumber === count) {
				read.yielded += chunk.length;
				yield chunk;
				chunk = [];
			}
		}
	}
	const check: StreamPlan['check'] = ({ recordNumber, values }) =>
		options.bad?.includes(recordNumber)
			? { rejection: { record: recordNumber, field: 'Email', column: 'mail', reason: 'is bad' } }
			: { event: values };
	return { records: records(), check, read };
}

/**
 * "Mapp": each batch takes a while (virtual time, varying, so that batches finish out of order);
 * `answers` scripts the answers of a batch by its first record (the last one repeats).
 */
function mapp(clock: FakeClock, answers: Record<number, TransportResponse[]> = {}) {
	const accepted: number[] = [];
	const attempts = new Map<number, number>();
	const transport: Transport<RecordBatch> = async (batch) => {
		const attempt = attempts.get(batch.first) ?? 0;
		attempts.set(batch.first, attempt + 1);
		await clock.sleep(((batch.first * 7919) % 13) + 1);
		const script = answers[batch.first] ?? [ok];
		const answer = script[Math.min(attempt, script.length - 1)];
		if (answer.statusCode === 200) accepted.push(...batch.events.map((event) => event.n as number));
		return answer;
	};
	return { transport, accepted, attempts };
}

function engine(clock: FakeClock, concurrency: number): EngineSettings {
	return {
		concurrency,
		maxRetries: 3,
		stopAfterFailure: true,
		timings: RETRY_TIMINGS,
		clock,
		random: () => 0.5,
	};
}

async function run(
	plan: Partial<StreamPlan> & Pick<StreamPlan, 'records' | 'check'>,
): Promise<{ tally: Tally; stop: Awaited<ReturnType<typeof sendRecordStream>> }> {
	const full: StreamPlan = {
		startAt: 1,
		batchSize: 10,
		maxRejected: 100,
		maxSamples: 100,
		progressEvery: 0,
		...plan,
	};
	const tally = newTally(full.startAt);
	const stop = await sendRecordStream(full, tally);
	return { tally, stop };
}

const range = (first: number, last: number) =>
	Array.from({ length: last - first + 1 }, (_, at) => first + at);
const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

describe('sendRecordStream', () => {
	it('holds no more records than Concurrency × Batch Size, the batch being filled and one chunk, however long the file', async () => {
		const clock = new FakeClock();
		const [concurrency, batchSize, count] = [4, 50, 20_000];
		const { records, check, read } = file(count);
		let finished = 0;
		let mostAlive = 0;
		const { transport: slowMapp, accepted } = mapp(clock);
		const transport: Transport<RecordBatch> = async (batch, index) => {
			mostAlive = Math.max(mostAlive, read.yielded - finished);
			const answer = await slowMapp(batch, index);
			finished += batch.events.length;
			return answer;
		};
		const { tally, stop } = await run({
			records,
			check,
			batchSize,
			send: { transport, engine: engine(clock, concurrency) },
		});
		expect(stop).toBeUndefined();
		expect(sorted(accepted)).toEqual(range(1, count));
		// the batches in flight, the batch being filled and what is left of the chunk being read
		expect(mostAlive).toBeLessThanOrEqual(concurrency * batchSize + batchSize + RECORDS_PER_CHUNK);
		// the senders did work side by side: the bound is not met by sending one batch at a time
		expect(mostAlive).toBeGreaterThan(batchSize);
		expect(tally).toMatchObject({ recordsRead: count, eventsAccepted: count, batches: 400 });
		expect(tally.resume.resumeFrom).toBe(count + 1);
	});

	it('never has more than Concurrency batches past the resume point: a batch retried for long holds the next ones back', async () => {
		const clock = new FakeClock();
		const [concurrency, batchSize] = [3, 10];
		const { records, check } = file(400);
		const unavailable = { statusCode: 503 };
		const { transport: slowMapp, accepted } = mapp(clock, {
			11: [unavailable, unavailable, unavailable, unavailable, ok],
		});
		const tally = newTally(1);
		let mostPast = 0;
		const transport: Transport<RecordBatch> = async (batch, index) => {
			const answer = await slowMapp(batch, index);
			// what Mapp holds beyond the resume point: what a resumed run would send again
			const past = accepted.filter((n) => n > tally.resume.lastHandled).length;
			mostPast = Math.max(mostPast, past);
			return answer;
		};
		const stop = await sendRecordStream(
			{
				records,
				check,
				startAt: 1,
				batchSize,
				maxRejected: 0,
				maxSamples: 0,
				progressEvery: 0,
				send: { transport, engine: { ...engine(clock, concurrency), maxRetries: 5 } },
			},
			tally,
		);
		expect(stop).toBeUndefined();
		expect(sorted(accepted)).toEqual(range(1, 400));
		expect(mostPast).toBeLessThanOrEqual(concurrency * batchSize);
		expect(mostPast).toBeGreaterThanOrEqual((concurrency - 1) * batchSize);
	});

	it('delivers every record once while batches finish out of order and some are retried', async () => {
		const clock = new FakeClock();
		const { records, check } = file(95);
		const unavailable = { statusCode: 503 };
		const { transport, accepted, attempts } = mapp(clock, {
			11: [unavailable, ok],
			51: [unavailable, unavailable, ok],
		});
		const { tally, stop } = await run({
			records,
			check,
			send: { transport, engine: engine(clock, 3) },
		});
		expect(stop).toBeUndefined();
		expect(sorted(accepted)).toEqual(range(1, 95));
		expect([attempts.get(11), attempts.get(51), attempts.get(21)]).toEqual([2, 3, 1]);
		expect(tally).toMatchObject({ eventsAccepted: 95, batches: 10, batchesFailed: 0 });
		expect(tally.resume).toMatchObject({ lastHandled: 95, resumeFrom: 96 });
	});

	it('stops at a batch that fails for good: the resume point is its first record, even when later batches were accepted', async () => {
		const clock = new FakeClock();
		const { records, check } = file(200);
		const { transport, accepted } = mapp(clock, { 31: [{ statusCode: 400 }] });
		const { tally, stop } = await run({
			records,
			check,
			send: { transport, engine: engine(clock, 3) },
		});
		expect(stop).toMatchObject({ reason: 'batchFailed', batch: { first: 31, last: 40 } });
		expect(accepted.filter((n) => n > 40).length).toBeGreaterThan(0); // batches in flight finished
		expect(accepted.some((n) => n >= 31 && n <= 40)).toBe(false);
		expect(sorted(accepted).slice(0, 30)).toEqual(range(1, 30));
		expect(new Set(accepted).size).toBe(accepted.length);
		expect(tally.resume.resumeFrom).toBe(31);
		expect(accepted.length).toBeLessThan(200 - 10); // no batch was started after the failure
		expect(tally).toMatchObject({ batchesFailed: 1, batchesOutcomeUnknown: 0 });
	});

	it('counts a batch accepted after an unknown outcome as one that may be a duplicate', async () => {
		const clock = new FakeClock();
		const { records, check } = file(30);
		const { transport, attempts } = mapp(clock, { 11: [{ statusCode: 503 }, ok] });
		const { tally, stop } = await run({
			records,
			check,
			send: { transport, engine: engine(clock, 1) },
		});
		expect(stop).toBeUndefined();
		expect(attempts.get(11)).toBe(2);
		expect(tally).toMatchObject({
			batchesFailed: 0,
			batchesMayBeDuplicate: 1,
			eventsAccepted: 30,
		});
		expect(tally.resume.resumeFrom).toBe(31);
	});

	it('counts a batch answered 500 as outcome unknown, and resumes at it', async () => {
		const clock = new FakeClock();
		const { records, check } = file(30);
		const { transport } = mapp(clock, { 11: [{ statusCode: 500 }] });
		const { tally, stop } = await run({
			records,
			check,
			send: { transport, engine: engine(clock, 1) },
		});
		expect(stop).toMatchObject({ reason: 'batchFailed', outcome: { mayHaveArrived: true } });
		expect(tally).toMatchObject({ batchesFailed: 1, batchesOutcomeUnknown: 1, eventsAccepted: 10 });
		expect(tally.resume.resumeFrom).toBe(11);
	});

	it('lists refused records by number and sends the others; refused records count as handled', async () => {
		const clock = new FakeClock();
		const { records, check } = file(30, { bad: [5, 17, 30] });
		const { transport, accepted } = mapp(clock);
		const { tally, stop } = await run({
			records,
			check,
			maxRejected: 3,
			send: { transport, engine: engine(clock, 2) },
		});
		expect(stop).toBeUndefined();
		expect(sorted(accepted)).toEqual(range(1, 30).filter((n) => ![5, 17, 30].includes(n)));
		expect(tally.rejections).toEqual(
			[5, 17, 30].map((record) => ({ record, field: 'Email', column: 'mail', reason: 'is bad' })),
		);
		expect(tally).toMatchObject({ recordsRead: 30, events: 27, rejected: 3 });
		expect(tally.resume.resumeFrom).toBe(31);
	});

	it('stops at one rejection too many: what was checked before it is sent, and the run resumes at it', async () => {
		const clock = new FakeClock();
		const { records, check } = file(100, { bad: [5, 17, 23] });
		const { transport, accepted } = mapp(clock);
		const { tally, stop } = await run({
			records,
			check,
			maxRejected: 1,
			send: { transport, engine: engine(clock, 2) },
		});
		expect(stop).toMatchObject({ reason: 'tooManyRejected', rejection: { record: 17 } });
		expect(sorted(accepted)).toEqual(range(1, 16).filter((n) => n !== 5));
		expect(tally.resume.resumeFrom).toBe(17);
		expect(tally.rejections.map(({ record }) => record)).toEqual([5, 17]);
	});

	it('keeps at most the sample size of rejections, and counts them all', async () => {
		const clock = new FakeClock();
		const { records, check } = file(50, { bad: range(1, 50).filter((n) => n % 2 === 0) });
		const { transport } = mapp(clock);
		const { tally } = await run({
			records,
			check,
			maxSamples: 4,
			send: { transport, engine: engine(clock, 2) },
		});
		expect(tally.rejected).toBe(25);
		expect(tally.rejections.map(({ record }) => record)).toEqual([2, 4, 6, 8]);
	});

	it('stops at a broken record: the records before it are sent, and the run resumes at it', async () => {
		const clock = new FakeClock();
		const { records, check } = file(100, { brokenAt: 25 });
		const { transport, accepted } = mapp(clock);
		const { tally, stop } = await run({
			records,
			check,
			send: { transport, engine: engine(clock, 2) },
		});
		expect(stop).toMatchObject({ reason: 'brokenFile', error: { recordNumber: 25 } });
		expect(sorted(accepted)).toEqual(range(1, 24));
		expect(tally.resume.resumeFrom).toBe(25);
	});

	it('sends exactly the records from Start at Record to Stop After Record, and resumes after them', async () => {
		const clock = new FakeClock();
		const { records, check, read } = file(1000);
		const { transport, accepted } = mapp(clock);
		const { tally } = await run({
			records,
			check,
			startAt: 11,
			stopAfter: 35,
			send: { transport, engine: engine(clock, 2) },
		});
		expect(sorted(accepted)).toEqual(range(11, 35));
		expect(tally).toMatchObject({ recordsRead: 25, batches: 3 });
		expect(tally.resume.resumeFrom).toBe(36);
		// the file is not read on after Stop After Record: no further than the chunk of record 36
		expect(read.yielded).toBeLessThanOrEqual(35 + RECORDS_PER_CHUNK);
	});

	it('Dry Run: reads and checks every record, counts the batches it would send, sends nothing', async () => {
		const { records, check } = file(95, { bad: [3] });
		const { tally, stop } = await run({ records, check, startAt: 2 });
		expect(stop).toBeUndefined();
		expect(tally).toMatchObject({ recordsRead: 94, events: 93, batches: 10, eventsAccepted: 0 });
		expect(tally.rejections.map(({ record }) => record)).toEqual([3]);
		expect(tally.resume.resumeFrom).toBe(2);
	});

	it('reports progress every N settled batches', async () => {
		const clock = new FakeClock();
		const { records, check } = file(95);
		const { transport } = mapp(clock);
		const seen: number[] = [];
		await run({
			records,
			check,
			progressEvery: 3,
			progress: (tally) => seen.push(tally.batches),
			send: { transport, engine: engine(clock, 2) },
		});
		expect(seen).toEqual([3, 6, 9]);
	});

	it('a run cancelled during a retry wait throws, and closes the file even while a batch waits for room', async () => {
		const clock = new FakeClock();
		let closed = false;
		async function* records(): AsyncGenerator<FileRecord[]> {
			try {
				for (let recordNumber = 1; recordNumber <= 1000; recordNumber++)
					yield [{ recordNumber, values: { n: recordNumber } }];
			} finally {
				closed = true;
			}
		}
		const cancelled = new Error('The execution was cancelled');
		// n8n's sleepWithAbort rejects when the execution is cancelled: here, the wait before a retry
		const cancelling: EngineSettings['clock'] = {
			now: () => clock.now(),
			sleep: async (ms) => {
				await clock.sleep(Math.min(ms, 100));
				if (ms >= 500) throw cancelled; // by then the other batches are done and wait for room
			},
		};
		const { transport } = mapp(clock, { 31: [{ statusCode: 503 }] });
		await expect(
			run({
				records: records(),
				check: ({ values }) => ({ event: values }),
				send: { transport, engine: { ...engine(clock, 3), clock: cancelling } },
			}),
		).rejects.toBe(cancelled);
		await new Promise((resolve) => setImmediate(resolve));
		expect(closed).toBe(true);
	});

	it('checks the first record before anything is sent, and stops the run if it throws', async () => {
		const clock = new FakeClock();
		const { records, check } = file(30);
		const { transport, accepted } = mapp(clock);
		const missing = new Error('the column "mail" is missing');
		await expect(
			run({
				records,
				check,
				checkFirst: () => {
					throw missing;
				},
				send: { transport, engine: engine(clock, 2) },
			}),
		).rejects.toBe(missing);
		expect(accepted).toEqual([]);
	});
});
