/**
 * What a file's run tells: its summary item, its progress line in n8n's log, and the error that
 * stops it, each saying where to resume. None of them holds a record's contents, the credential
 * or a token: counts, record numbers, the file's name and the checks' reasons.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Stop, Tally } from '../../delivery/stream';
import { answerHint } from '../../shared/errors';
import type { FileSettings } from './fileSettings';

/** The one summary item of a file. */
export function summaryOf(
	settings: FileSettings,
	fileName: string,
	subtype: string,
	tally: Tally,
	durationMs: number,
): IDataObject {
	return {
		fileName,
		fileFormat: settings.format,
		dryRun: settings.dryRun,
		subtype,
		startedAtRecord: settings.startAt,
		...(settings.stopAfter !== undefined && { stopAfterRecord: settings.stopAfter }),
		recordsRead: tally.recordsRead,
		events: tally.events,
		eventsAccepted: tally.eventsAccepted,
		batches: tally.batches,
		batchesFailed: tally.batchesFailed,
		batchesOutcomeUnknown: tally.batchesOutcomeUnknown,
		batchesMayBeDuplicate: tally.batchesMayBeDuplicate,
		rejected: tally.rejected,
		rejections: tally.rejections,
		lastAcceptedRecord: tally.resume.lastHandled,
		resumeFromRecord: tally.resume.resumeFrom,
		durationMs,
		eventsPerSecond: eventsPerSecond(
			settings.dryRun ? tally.events : tally.eventsAccepted,
			durationMs,
		),
	};
}

function eventsPerSecond(events: number, durationMs: number): number {
	return durationMs > 0 ? Math.round((events * 1000) / durationMs) : 0;
}

/**
 * The line a user greps n8n's log for, and watches on a long run: written every few batches and
 * at the end, so that a worker that dies leaves the record to resume from in the log.
 */
export function progressLine(
	context: { getNode(): INode; getExecutionId?(): string },
	fileName: string,
	tally: Tally,
	durationMs: number,
	state: 'progress' | 'done' | 'stopped',
): string {
	const node = context.getNode().name;
	return (
		`Mapp Connect Send From File ${state}: node "${node}", file "${fileName}", ` +
		`${tally.recordsRead} records read, last accepted record ${tally.resume.lastHandled}, ` +
		`resume from record ${tally.resume.resumeFrom}, ${eventsPerSecond(tally.eventsAccepted, durationMs)} events/s`
	);
}

/** The error that stops a file's run: what stopped it, and the record to resume from. */
export function stopError(
	node: INode,
	itemIndex: number,
	stop: Stop,
	tally: Tally,
	settings: FileSettings,
): NodeOperationError {
	const resume = settings.dryRun
		? 'Dry Run: nothing was sent.'
		: `Set Start at Record to ${tally.resume.resumeFrom} to resume.`;
	const counts = `${tally.recordsRead} records read, ${tally.eventsAccepted} events accepted in ${tally.batches - tally.batchesFailed} batches, ${tally.rejected} records rejected; every record up to ${tally.resume.lastHandled} is accepted or in the rejections.`;
	let message: string;
	const hints: string[] = [];
	if (stop.reason === 'batchFailed') {
		const { batch, outcome } = stop;
		message = `The batch of records ${batch.first} to ${batch.last} failed: ${outcome.reason ?? 'not delivered'}.`;
		if (outcome.mayHaveArrived)
			hints.push(
				'Mapp may have recorded this batch all the same (it got no answer, or a server error): resuming sends it again, so its events may arrive twice.',
			);
		// Mapp's hint for its answer, or the proxy's when a proxy answered.
		if (outcome.response && !outcome.retriesExhausted) hints.push(answerHint(outcome.response));
	} else if (stop.reason === 'brokenFile') {
		message = `The file is broken: ${stop.error.message.replace(/\.$/, '')}.`;
		hints.push('The records before it were sent; fix the file, then resume.');
	} else {
		const { record, field, reason } = stop.rejection;
		message = `More than ${settings.maxRejected} records failed the checks (Max Rejected Records); the last was record ${record}: ${field ? `'${field}' ` : ''}${reason}.`;
		hints.push('The rejected records are listed in the summary.');
	}
	return new NodeOperationError(node, `${message} ${resume}`, {
		itemIndex,
		description: [counts, ...hints].join('\n'),
	});
}
