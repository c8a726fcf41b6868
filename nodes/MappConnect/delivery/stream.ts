/**
 * A file's records to Mapp as a stream: records are read and checked only as a sender is free to
 * take the next batch (the engine's pull-based form), so that what is held is the reader's chunk
 * and partial record, the batch being filled and the batches in flight, whatever the file's
 * length. Each record that fails a check is counted and sampled, never kept; each batch's outcome
 * moves the resume point (progress.ts), and no batch is begun more than Concurrency batches past
 * it (Window), so that a resumed run repeats at most Concurrency × Batch Size records.
 */
import type { IDataObject } from 'n8n-workflow';
import type { FileRecord } from '../file/records';
import { FileFormatError } from '../file/records';
import type { ChunkOutcome, EngineSettings, Transport } from './engine';
import { sendChunkStream } from './engine';
import { ResumePoint } from './progress';

/** A record the node's checks refused, as the summary lists it. */
export interface Rejection {
	record: number;
	field?: string;
	column?: string;
	reason: string;
}

/** A batch of events and the records it covers: its own, and those refused among and before them. */
export interface RecordBatch {
	events: IDataObject[];
	first: number;
	last: number;
}

export interface StreamPlan {
	/** The file's records, as the reader completes them: those of each chunk together. */
	records: AsyncIterable<readonly FileRecord[]>;
	startAt: number;
	/** The last record to read; none: to the end. */
	stopAfter?: number;
	batchSize: number;
	maxRejected: number;
	/** Called with the file's first record, before anything is sent (a CSV's columns are known then). */
	checkFirst?(record: FileRecord): void;
	/** The record's event, or why the checks refused it. Throws only for what stops the run. */
	check(record: FileRecord): Checked;
	/** Absent: a Dry Run, which reads and checks every record and sends nothing. */
	send?: { transport: Transport<RecordBatch>; engine: EngineSettings };
	/** Every this many settled batches (0: never), `progress` hears the tally. */
	progressEvery: number;
	progress?(tally: Tally): void;
	/** Keep at most this many rejections as samples. */
	maxSamples: number;
}

export interface Tally {
	recordsRead: number;
	events: number;
	eventsAccepted: number;
	batches: number;
	batchesFailed: number;
	batchesOutcomeUnknown: number;
	/** Accepted after an attempt whose outcome was unknown: Mapp may have recorded their events twice. */
	batchesMayBeDuplicate: number;
	rejected: number;
	rejections: Rejection[];
	resume: ResumePoint;
}

/** Why a run stopped before the end of its records. */
export type Stop =
	| { reason: 'batchFailed'; batch: { first: number; last: number }; outcome: ChunkOutcome }
	| { reason: 'brokenFile'; error: FileFormatError }
	| { reason: 'tooManyRejected'; rejection: Rejection };

class TooManyRejected extends Error {
	constructor(readonly rejection: Rejection) {
		super(`Record ${rejection.record} is one rejection too many`);
	}
}

export type Checked = { event: IDataObject } | { rejection: Rejection };

export function newTally(startAt: number): Tally {
	return {
		recordsRead: 0,
		events: 0,
		eventsAccepted: 0,
		batches: 0,
		batchesFailed: 0,
		batchesOutcomeUnknown: 0,
		batchesMayBeDuplicate: 0,
		rejected: 0,
		rejections: [],
		resume: new ResumePoint(startAt),
	};
}

/**
 * Reads, checks and sends (or, in a Dry Run, only reads and checks) the plan's records, counting
 * in `tally` as it goes (the caller keeps it, to report also a run that was cancelled). Resolves
 * with why the run stopped early, if it did; throws what is no stop of the file (a cancellation).
 */
export async function sendRecordStream(
	plan: StreamPlan,
	tally: Tally = newTally(plan.startAt),
): Promise<Stop | undefined> {
	const dryRun = !plan.send;
	// In a Dry Run nothing is sent, so nothing is handled: the resume point stays at Start at Record.
	const handled = (first: number, last: number) => dryRun || tally.resume.handled(first, last);
	// The batches made and not yet behind the resume point are at most Concurrency: a batch that
	// takes long (retries) holds the next ones back, so that resuming repeats at most that many.
	const window = plan.send && new Window(plan.send.engine.concurrency, tally.resume);
	const batches = batchesOf(plan, tally, handled, window);
	let failure: Stop | undefined;
	let thrown: unknown;
	const settled = () => {
		if (plan.progressEvery > 0 && tally.batches % plan.progressEvery === 0) plan.progress?.(tally);
	};
	try {
		if (!plan.send) {
			for (let next = await batches.next(); !next.done; next = await batches.next()) {
				tally.batches++;
				settled();
			}
		} else {
			await sendChunkStream(batches, plan.send.transport, plan.send.engine, (outcome, batch) => {
				tally.batches++;
				if (outcome.success) {
					tally.eventsAccepted += batch.events.length;
					if (outcome.mayBeDuplicate) tally.batchesMayBeDuplicate++;
					handled(batch.first, batch.last);
					window?.moved();
				} else {
					tally.batchesFailed++;
					if (outcome.mayHaveArrived) tally.batchesOutcomeUnknown++;
					failure ??= { reason: 'batchFailed', batch, outcome };
					window?.close();
				}
				settled();
			});
		}
	} catch (error) {
		thrown = error;
	}
	// a batch that waits for room is not made after all (a cancelled run)
	window?.close();
	if (thrown instanceof FileFormatError) failure ??= { reason: 'brokenFile', error: thrown };
	else if (thrown instanceof TooManyRejected)
		failure ??= { reason: 'tooManyRejected', rejection: thrown.rejection };
	else if (thrown !== undefined) throw thrown;
	return failure;
}

/**
 * The batches of the plan's records, made one at a time as they are asked for. The records a
 * batch covers run from the one after the previous batch to its last event's: the refused ones
 * among them count as handled once the batch is accepted. When reading stops (a broken file, one
 * rejection too many), the events checked so far still go, so that the run resumes at the stop.
 */
async function* batchesOf(
	plan: StreamPlan,
	tally: Tally,
	handled: (first: number, last: number) => void,
	window?: Window,
): AsyncGenerator<RecordBatch> {
	let events: IDataObject[] = [];
	let first: number | undefined;
	let last = 0;
	let checkedFirst = false;
	let stopped: { error: unknown } | undefined;
	const made = (): RecordBatch => {
		window?.made(last);
		const batch = { events, first: first ?? last, last };
		[events, first] = [[], undefined];
		return batch;
	};
	try {
		// for await closes the file when reading ends early (Stop After Record, a failed batch, an error)
		reading: for await (const chunkRecords of plan.records) {
			for (const record of chunkRecords) {
				// a new batch is begun, and its first record checked, only when the window has room
				if (first === undefined && window && !(await window.room())) break reading;
				if (!checkedFirst) {
					checkedFirst = true;
					plan.checkFirst?.(record);
				}
				const number = record.recordNumber;
				if (number < plan.startAt) continue;
				if (plan.stopAfter !== undefined && number > plan.stopAfter) break reading;
				tally.recordsRead++;
				const checked = plan.check(record);
				if ('rejection' in checked) {
					tally.rejected++;
					if (tally.rejections.length < plan.maxSamples) tally.rejections.push(checked.rejection);
					if (tally.rejected > plan.maxRejected) throw new TooManyRejected(checked.rejection);
				} else {
					events.push(checked.event);
					tally.events++;
				}
				first ??= number;
				last = number;
				if (events.length === plan.batchSize) yield made();
			}
		}
	} catch (error) {
		stopped = { error };
	}
	if (events.length > 0) yield made();
	else if (first !== undefined) handled(first, last);
	if (stopped) throw stopped.error;
}

/**
 * The batches between the resume point and the newest batch made: in flight, or accepted ahead
 * of one still in flight. At most `size` of them, so that when the run dies, at most `size`
 * batches after the resume point may have reached Mapp (and are sent again on resuming).
 */
class Window {
	/** The last record of each batch made and not yet behind the resume point, oldest first. */
	private readonly ends: number[] = [];

	private wake?: () => void;

	private closed = false;

	constructor(
		private readonly size: number,
		private readonly resume: ResumePoint,
	) {}

	/** Resolves when a new batch may be made: true, or false when the run stops (make none). */
	async room(): Promise<boolean> {
		while (!this.closed && this.ends.length >= this.size) {
			await new Promise<void>((resolve) => (this.wake = resolve));
		}
		return !this.closed;
	}

	made(last: number): void {
		this.ends.push(last);
	}

	/** The resume point may have moved past the oldest batches. */
	moved(): void {
		while (this.ends.length > 0 && this.ends[0] <= this.resume.lastHandled) this.ends.shift();
		this.wake?.();
	}

	close(): void {
		this.closed = true;
		this.wake?.();
	}
}
