/**
 * A worker SIGKILLed in the middle of a Batch → Send: what n8n does with the execution and which events reach
 * Mapp once, twice or not at all.
 */
import type { QueueCluster } from '../../tooling/n8n/queue-cluster';
import { callWebhook, hasEnded, storedExecutions, waitFor } from '../../tooling/n8n/queue-calls';
import { PATHS, batchWorkflow } from '../../tooling/n8n/queue-workflows';

const CONTACTS = 20_000;
/** The kill comes once Mapp holds this many events: a quarter of the run delivered, the rest not yet. */
const KILL_AFTER_EVENTS = 5_000;
/** Each batch request is answered after this long, so that the run lasts seconds and the kill falls inside it. */
const BATCH_DELAY_MS = 250;
/** After n8n settled the execution, how long to watch for a worker taking the job again. */
const RETRY_WATCH_MS = 15_000;

export interface KilledWorkerOutcome {
	victim: string;
	executionId: string;
	/** Contacts Mapp held right after the kill. */
	onceAtKill: number;
	/** The execution's status once n8n settled it, its error, and how long after the kill that was. */
	status: string;
	error?: string;
	secondsToStatus: number;
	/** Workers that started the execution again after the kill. */
	rerunBy: string[];
	/** Of the 20,000 contacts: how many Mapp received once, twice or more, and not at all. */
	once: number;
	twice: number;
	missing: number;
}

/** An empty sandbox that answers each batch request after BATCH_DELAY_MS, so that a kill falls inside a run. */
export function slowBatches(cluster: QueueCluster) {
	const sandbox = cluster.session.sandbox;
	sandbox.reset();
	sandbox.injectFault({
		kind: 'delay',
		delayMs: BATCH_DELAY_MS,
		count: 1000,
		pathIncludes: 'event/batch',
	});
	return sandbox;
}

export async function killWorkerDuringBatch(
	cluster: QueueCluster,
	timeoutMs: number,
): Promise<KilledWorkerOutcome> {
	const sandbox = slowBatches(cluster);
	const startedBefore = cluster.executionsByWorker();
	const newStarts = () =>
		[...cluster.executionsByWorker()].flatMap(([name, ids]) =>
			ids.filter((id) => !startedBefore.get(name)?.includes(id)).map((id) => ({ name, id })),
		);

	await callWebhook(
		`${cluster.webhookBase}/${PATHS.batch}`,
		[{ run: 'killed', count: CONTACTS }],
		1,
	);
	const [{ name: victim, id: executionId }] = await waitFor(
		'a worker to start the batch run',
		60_000,
		async () => (newStarts().length > 0 ? newStarts() : undefined),
		() => 'no worker logged its start',
	);
	await waitFor(
		`${KILL_AFTER_EVENTS} events in the sandbox`,
		timeoutMs,
		async () => (sandbox.eventCount >= KILL_AFTER_EVENTS ? true : undefined),
		() => `the sandbox holds ${sandbox.eventCount}`,
	);
	const worker = cluster.workers.find((instance) => instance.name === victim);
	if (!worker) throw new Error(`no worker named ${victim}`);
	await cluster.kill(worker);
	const killedAt = Date.now();
	const onceAtKill = new Set(sandbox.events.map((event) => event.body.email)).size;

	const workflowId = batchWorkflow().id;
	let last = 'not stored';
	const settled = await waitFor(
		`n8n to settle execution ${executionId} after its worker was killed`,
		timeoutMs,
		async () => {
			const execution = (await storedExecutions(cluster.postgres, workflowId)).find(
				(stored) => stored.id === executionId,
			);
			last = execution?.status ?? 'not stored';
			return execution && hasEnded(execution) ? execution : undefined;
		},
		() => `its status is still "${last}"`,
	);
	const secondsToStatus = Math.round((Date.now() - killedAt) / 1000);
	await new Promise((resolve) => setTimeout(resolve, RETRY_WATCH_MS));

	const received = new Map<string, number>();
	for (const event of sandbox.events)
		received.set(String(event.body.email), (received.get(String(event.body.email)) ?? 0) + 1);
	const expected = Array.from({ length: CONTACTS }, (_, i) => `killed-${i}@example.com`);
	const copies = expected.map((email) => received.get(email) ?? 0);
	const { error } = await cluster.session.storedExecution(cluster.api, executionId);
	return {
		victim,
		executionId,
		onceAtKill,
		status: settled.status,
		error,
		secondsToStatus,
		rerunBy: newStarts()
			.filter((start) => start.id === executionId && start.name !== victim)
			.map((start) => start.name),
		once: copies.filter((count) => count === 1).length,
		twice: copies.filter((count) => count >= 2).length,
		missing: copies.filter((count) => count === 0).length,
	};
}
