/**
 * One input item's file, sent: its settings checked before anything is read, its records checked
 * and sent as a stream (delivery/stream.ts), progress logged through n8n's logger, and one
 * summary item. A run that stops says in its error which record to resume from.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { batchBody } from '../../delivery/chunk';
import { engineSettings } from '../../delivery/deliver';
import { perSecond } from '../../delivery/pace';
import type { RunContext } from '../../delivery/run';
import type { Stop, StreamPlan } from '../../delivery/stream';
import { newTally, sendRecordStream } from '../../delivery/stream';
import { openTransport, requestSettings } from '../../delivery/transport';
import type { EventKind } from '../../events/kind';
import { readRecordsByChunk } from '../../file/records';
import { inputFile } from '../../file/source';
import { errorItem } from '../../delivery/results';
import { API_PATHS, CREDENTIAL_TYPE, integrationBaseUrl } from '../../shared/api';
import { fileSettings } from './fileSettings';
import { MAX_SAMPLE_REJECTIONS } from './sendFileFields';
import { progressLine, stopError, summaryOf } from './fileSummary';
import { recordEvents } from './recordEvents';

/** A workflow step's run: it has n8n's binary helpers. */
export type FileRun = RunContext & Required<Pick<RunContext, 'binary'>>;

/** The summary item of input item `itemIndex`'s file, or its error item with Continue On Fail. */
export async function sendFileOf(
	run: FileRun,
	kinds: readonly EventKind[],
	itemIndex: number,
): Promise<INodeExecutionData> {
	const pairedItem = { item: itemIndex };
	let prepared;
	try {
		const settings = fileSettings(run, kinds, itemIndex);
		const file = inputFile(run.binary, itemIndex, settings.binaryProperty);
		const events = recordEvents(
			run,
			itemIndex,
			settings.kind,
			settings.wholeRecord,
			settings.format === 'csv',
		);
		// The credential is checked in a Dry Run too, so that what it checked could have been sent.
		if (settings.dryRun) integrationBaseUrl(await run.getCredentials(CREDENTIAL_TYPE));
		prepared = { settings, file, events };
	} catch (error) {
		const failure = nodeError(run, error, itemIndex);
		if (!run.continueOnFail()) throw failure;
		return errorItem(failure, pairedItem);
	}
	const { settings, file, events } = prepared;
	const startedAt = Date.now();
	const plan: StreamPlan = {
		records: readRecordsByChunk(file.chunks, settings.format, settings.fileOptions),
		startAt: settings.startAt,
		stopAfter: settings.stopAfter,
		batchSize: settings.batch.batchSize,
		maxRejected: settings.maxRejected,
		maxSamples: MAX_SAMPLE_REJECTIONS,
		checkFirst: (record) => events.checkColumns(record),
		check: (record) => events.check(record),
		progressEvery: settings.logProgressEvery,
		progress: (tally) =>
			run.logger?.info(progressLine(run, file.name, tally, Date.now() - startedAt, 'progress')),
	};
	if (!settings.dryRun) {
		const transport = await openTransport(run, requestSettings(run));
		plan.send = {
			transport: async (batch) =>
				await transport({
					method: 'POST',
					path: API_PATHS.batch,
					qs: { subtype: events.subtype() },
					body: batchBody(batch.events),
				}),
			engine: {
				...engineSettings(run, {
					concurrency: settings.batch.concurrency,
					maxRetries: settings.batch.maxRetries,
					spacing: perSecond(settings.batch.maxRequestsPerSecond),
				}),
				// A file's run stops at its first failed batch, Continue On Fail or not: the batches after a
				// gap would be sent again on resuming, beyond what at-least-once promises.
				stopAfterFailure: true,
			},
		};
	}
	const tally = newTally(settings.startAt);
	let stop: Stop | undefined;
	let failure: NodeOperationError | undefined;
	try {
		stop = await sendRecordStream(plan, tally);
	} catch (error) {
		// a mapped column the file lacks, an expression that failed, a cancelled run
		failure = nodeError(run, error, itemIndex);
	} finally {
		// also when the run is cancelled: the last line in the log says where to resume
		const state = stop || failure ? 'stopped' : 'done';
		run.logger?.info(progressLine(run, file.name, tally, Date.now() - startedAt, state));
	}
	const summary = summaryOf(settings, file.name, events.subtype(), tally, Date.now() - startedAt);
	const error = failure ?? (stop && stopError(run.getNode(), itemIndex, stop, tally, settings));
	if (!error) return { json: summary, pairedItem };
	if (!run.continueOnFail()) throw error;
	// No item-level error: n8n would replace the item's JSON, summary and all, with the message.
	return { json: { ...summary, error: error.message }, pairedItem };
}

function nodeError(run: RunContext, error: unknown, itemIndex: number): NodeOperationError {
	return error instanceof NodeOperationError
		? error
		: new NodeOperationError(run.getNode(), error as Error, { itemIndex });
}
