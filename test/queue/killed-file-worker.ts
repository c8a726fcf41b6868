/**
 * A worker SIGKILLed in the middle of a Batch → Send From File: the execution is left without output, so the user
 * finds the record to resume from where the node wrote it, in the worker's log (one progress line per batch), and
 * runs the file again from there. Every record must then be at Mapp at least once, and the ones sent twice at most
 * the batches that were in flight (Concurrency × Batch Size).
 */
import type { QueueCluster } from '../../tooling/n8n/queue-cluster';
import { callWebhook, hasEnded, storedExecutions, waitFor } from '../../tooling/n8n/queue-calls';
import { PATHS, fileWorkflow } from '../../tooling/n8n/queue-workflows';
import { slowBatches } from './killed-worker';

export const FILE_RECORDS = 20_000;
/** The kill comes once Mapp holds this many events. */
const KILL_AFTER_EVENTS = 5_000;
/** The node's defaults: 2 batches in flight, 1000 events each. */
export const MAX_REPEATS = 2 * 1000;

/** The line Send From File writes to n8n's log, as a user greps for it. */
const PROGRESS_LINE =
	/Mapp Connect Send From File (?:progress|done|stopped): node "[^"]*", file "[^"]*", \d+ records read, last accepted record (\d+), resume from record (\d+)/g;

export interface KilledFileWorkerOutcome {
	victim: string;
	/** What the worker's last progress line said. */
	lastAcceptedRecord: number;
	resumeFrom: number;
	/** Records before the resume point that Mapp did not have at the kill: must be none. */
	missingBeforeResume: number;
	/** After the resumed run: records Mapp holds not at all, and how many it holds more than once. */
	missing: number;
	repeated: number;
	resumedStatus: string;
}

const recordEmail = (run: string, record: number) => `${run}-${record - 1}@example.com`;

export async function killWorkerDuringFile(
	cluster: QueueCluster,
	timeoutMs: number,
): Promise<KilledFileWorkerOutcome> {
	const sandbox = slowBatches(cluster);
	const run = 'file';
	const workflowId = fileWorkflow().id;
	/** Waits for the first execution of the workflow to end that is not among those stored now (the killed one is). */
	const nextEnded = async (what: string) => {
		const known = new Set(
			(await storedExecutions(cluster.postgres, workflowId)).map(({ id }) => id),
		);
		return async () =>
			await waitFor(
				what,
				timeoutMs,
				async () =>
					(await storedExecutions(cluster.postgres, workflowId)).find(
						(execution) => !known.has(execution.id) && hasEnded(execution),
					),
				() => 'it has not ended',
			);
	};

	await callWebhook(`${cluster.webhookBase}/${PATHS.file}`, [{ run, count: FILE_RECORDS }], 1);
	await waitFor(
		`${KILL_AFTER_EVENTS} events in the sandbox`,
		timeoutMs,
		async () => (sandbox.eventCount >= KILL_AFTER_EVENTS ? true : undefined),
		() => `the sandbox holds ${sandbox.eventCount}`,
	);
	const victim = cluster.workers.find(
		({ process }) => [...process.output().matchAll(PROGRESS_LINE)].length > 0,
	);
	if (!victim) throw new Error('no worker logged a progress line of Send From File');
	await cluster.kill(victim);

	// The user's way: the last progress line in the dead worker's log.
	const lines = [...victim.process.output().matchAll(PROGRESS_LINE)];
	const [, lastAccepted, resumeFrom] = lines[lines.length - 1].map(Number);
	const held = () => {
		const counts = new Map<string, number>();
		for (const event of sandbox.events) {
			const email = String(event.body.email);
			counts.set(email, (counts.get(email) ?? 0) + 1);
		}
		return counts;
	};
	const atKill = held();
	const records = Array.from({ length: FILE_RECORDS }, (_, i) => i + 1);
	const missingBeforeResume = records.filter(
		(record) => record < resumeFrom && !atKill.has(recordEmail(run, record)),
	).length;

	// The dead worker is replaced, as its orchestrator would: the earlier scenario killed the other worker already.
	await cluster.replace(victim);
	// The user runs the file again from the resume record (n8n settles the killed execution as failed meanwhile).
	const resumedRunEnded = await nextEnded('the resumed run to end');
	await callWebhook(
		`${cluster.webhookBase}/${PATHS.file}`,
		[{ run, count: FILE_RECORDS, startAt: resumeFrom }],
		1,
	);
	const resumed = await resumedRunEnded();
	const after = held();
	const copies = records.map((record) => after.get(recordEmail(run, record)) ?? 0);
	return {
		victim: victim.name,
		lastAcceptedRecord: lastAccepted,
		resumeFrom,
		missingBeforeResume,
		missing: copies.filter((count) => count === 0).length,
		repeated: copies.filter((count) => count > 1).length,
		resumedStatus: resumed.status,
	};
}
