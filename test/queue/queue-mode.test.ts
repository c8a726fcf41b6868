/**
 * `npm run test:queue`: the package in n8n's queue mode, for real. PostgreSQL, Redis, the sandbox, one main
 * instance, two `n8n worker` processes and one `n8n webhook` processor on loopback, each n8n with the package
 * installed in its own user folder; production webhook calls go to the webhook processor, the workers run them.
 *
 * QUEUE_WITHOUT_PACKAGE=worker-2 leaves the package out of that worker's user folder (to see how the test fails).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describePeaks } from '../../tooling/n8n/memory';
import { REPO_ROOT } from '../../tooling/n8n/paths';
import { QueueCluster } from '../../tooling/n8n/queue-cluster';
import {
	callWebhook,
	callWebhookOk,
	countBy,
	endedExecutions,
	storedExecutions,
	timeToEvents,
} from '../../tooling/n8n/queue-calls';
import { killWorkerDuringBatch } from './killed-worker';
import { FILE_RECORDS, MAX_REPEATS, killWorkerDuringFile } from './killed-file-worker';
import {
	PATHS,
	FEEDBACK_PATH,
	TRIGGER_NODE,
	batchWorkflow,
	feedbackWorkflow,
	fileWorkflow,
	productsWorkflow,
	userWorkflow,
} from '../../tooling/n8n/queue-workflows';

const SETUP_TIMEOUT_MS = 20 * 60_000;
const SCENARIO_TIMEOUT_MS = 8 * 60_000;
const RUN_TIMEOUT_MS = 5 * 60_000;
/** 200 single upserts take some 30 s on a busy 2-core machine. */
const USER_RUNS_TIMEOUT_MS = 3 * 60_000;
export const LOG_DIR = join(REPO_ROOT, 'test-results', 'queue');

/** Executions not (or not yet) successful, with the error n8n stored for the first few: what a user would look up. */
async function failures(
	cluster: QueueCluster,
	executions: Array<{ id: string; status: string }>,
): Promise<string[]> {
	const failed = executions
		.filter((execution) => execution.status !== 'success')
		.sort((a, b) => Number(b.status === 'error') - Number(a.status === 'error'));
	const errors = await Promise.all(
		failed
			.slice(0, 3)
			.map(
				async ({ id, status }) =>
					`execution ${id} ${status}: ${(await cluster.session.storedExecution(cluster.api, id)).error}`,
			),
	);
	return failed.length > 3 ? [...errors, `… and ${failed.length - 3} more`] : errors;
}

/** Which worker logged the start of each execution; fails on one that none or both started. */
function workerOf(cluster: QueueCluster, ids: string[]): Record<string, string> {
	const byWorker = cluster.executionsByWorker();
	return Object.fromEntries(
		ids.map((id) => {
			const workers = [...byWorker]
				.filter(([, started]) => started.includes(id))
				.map(([name]) => name);
			assert.equal(
				workers.length,
				1,
				`execution ${id} was started by exactly one worker, not by [${workers.join(', ')}]`,
			);
			return [id, workers[0]];
		}),
	);
}

describe('the package in n8n 2.8.4 queue mode: main, 2 workers, webhook processor, PostgreSQL, Redis', () => {
	const secretToken = randomBytes(16).toString('hex');
	let cluster: QueueCluster;

	before(
		async () => {
			cluster = await QueueCluster.open({
				workers: 2,
				withoutPackage: process.env.QUEUE_WITHOUT_PACKAGE?.split(','),
				workflows: [
					userWorkflow(),
					batchWorkflow(),
					productsWorkflow(),
					feedbackWorkflow(secretToken),
					fileWorkflow(),
				],
				logDir: LOG_DIR,
			});
		},
		{ timeout: SETUP_TIMEOUT_MS },
	);

	after(() => cluster?.close());

	it(
		'200 webhook calls, 50 in flight, each a User → Create or Update: 200 events, run on both workers',
		{ timeout: SCENARIO_TIMEOUT_MS },
		async () => {
			cluster.session.sandbox.reset();
			const emails = Array.from({ length: 200 }, (_, i) => `queue-user-${i}@example.com`);

			const statuses = await callWebhook(
				`${cluster.webhookBase}/${PATHS.user}`,
				emails.map((email) => ({ email })),
				50,
			);

			assert.deepEqual(
				countBy(statuses.map(String)),
				{ 200: 200 },
				'the webhook processor answered every call',
			);
			const executions = await endedExecutions(
				cluster.postgres,
				userWorkflow().id,
				200,
				USER_RUNS_TIMEOUT_MS,
			).catch(async (error: Error) => {
				const stored = await storedExecutions(cluster.postgres, userWorkflow().id);
				throw new Error(`${error.message}\n${(await failures(cluster, stored)).join('\n')}`);
			});
			assert.deepEqual(await failures(cluster, executions), [], 'every execution succeeded');
			const received = cluster.session.sandbox.events.map(
				(event) => `${event.subtype} ${String(event.body.email)} ${String(event.body.group)}`,
			);
			assert.deepEqual(
				received.sort(),
				emails.map((email) => `user ${email} 100`).sort(),
				'each email reached Mapp once',
			);
			const perWorker = countBy(
				Object.values(
					workerOf(
						cluster,
						executions.map((execution) => execution.id),
					),
				),
			);
			console.log(`[queue] 200 user upserts: executions per worker ${JSON.stringify(perWorker)}`);
			assert.deepEqual(
				Object.keys(perWorker).sort(),
				['worker-1', 'worker-2'],
				'both workers ran executions',
			);
		},
	);

	it(
		'10 concurrent calls, each a Batch → Send of 10,000 contacts: 100,000 events once, 1000 per request',
		{ timeout: SCENARIO_TIMEOUT_MS },
		async () => {
			const sandbox = cluster.session.sandbox;
			sandbox.reset();
			const calls = Array.from({ length: 10 }, (_, i) => ({ run: `bulk${i}`, count: 10_000 }));

			const wallMs = await timeToEvents(sandbox, 100_000, RUN_TIMEOUT_MS, () =>
				callWebhookOk(`${cluster.webhookBase}/${PATHS.batch}`, calls, 10),
			);

			const executions = await endedExecutions(
				cluster.postgres,
				batchWorkflow().id,
				10,
				RUN_TIMEOUT_MS,
			);
			assert.deepEqual(await failures(cluster, executions), [], 'every execution succeeded');
			const emails = sandbox.events.map((event) => String(event.body.email));
			assert.equal(emails.length, 100_000, 'events received');
			assert.equal(new Set(emails).size, 100_000, 'no email twice');
			const expected = new Set(
				calls.flatMap(({ run, count }) =>
					Array.from({ length: count }, (_, i) => `${run}-${i}@example.com`),
				),
			);
			assert.deepEqual(
				emails.filter((email) => !expected.has(email)),
				[],
				'only the generated emails',
			);
			const perRequest = countBy(sandbox.events.map((event) => String(event.requestSeq)));
			assert.deepEqual(
				countBy(Object.values(perRequest).map(String)),
				{ 1000: 100 },
				'100 requests of 1000 events',
			);
			assert.ok(
				sandbox.events.every((event) => event.batch && event.subtype === 'user'),
				'all through event/batch as user events',
			);

			const perWorker = countBy(
				Object.values(
					workerOf(
						cluster,
						executions.map((execution) => execution.id),
					),
				),
			);
			console.log(
				`[queue] 100,000 events in ${(wallMs / 1000).toFixed(1)}s: ${Math.round(100_000 / (wallMs / 1000))} events/s; executions per worker ${JSON.stringify(perWorker)}`,
			);
			for (const { name, processes } of cluster.peakMemory()) {
				console.log(`[queue]   peak RSS ${name}: ${describePeaks(processes)}`);
			}
		},
	);

	it(
		'the Mapp Connect Trigger, through the webhook processor with its token: each feedback entry in exactly one execution',
		{ timeout: SCENARIO_TIMEOUT_MS },
		async () => {
			const sandbox = cluster.session.sandbox;
			sandbox.reset();
			const triggerUrl = `${cluster.webhookBase}/${FEEDBACK_PATH}`;
			sandbox.setCallbackUrl(`${triggerUrl}?token=${secretToken}`);
			const triggerId = feedbackWorkflow(secretToken).id;

			await callWebhook(
				`${cluster.webhookBase}/${PATHS.products}`,
				[{ run: 'nosku', count: 30 }],
				1,
			);
			await endedExecutions(cluster.postgres, productsWorkflow().id, 1, RUN_TIMEOUT_MS);
			await sandbox.feedbackSettled();
			const deliveries = sandbox.feedbackDeliveries;
			assert.deepEqual(
				deliveries.map((delivery) => [delivery.status, delivery.entries.length]),
				[
					[200, 10],
					[200, 10],
					[200, 10],
				],
				'three feedback POSTs of 10 entries, accepted',
			);
			const executions = await endedExecutions(
				cluster.postgres,
				triggerId,
				deliveries.length,
				RUN_TIMEOUT_MS,
			);
			assert.deepEqual(
				await failures(cluster, executions),
				[],
				'every trigger execution succeeded',
			);
			const received = await Promise.all(
				executions.map(async ({ id }) => {
					const run = await cluster.session.storedExecution(cluster.api, id);
					return (run.nodes.find((node) => node.node === TRIGGER_NODE)?.outputs[0] ?? []).map(
						(item) => String(item.uuid),
					);
				}),
			);
			const sent = deliveries.flatMap((delivery) => delivery.entries.map((entry) => entry.uuid));
			assert.deepEqual(
				received.flat().sort(),
				[...sent].sort(),
				'each entry in exactly one execution',
			);
			workerOf(
				cluster,
				executions.map((execution) => execution.id),
			);

			for (const url of [triggerUrl, `${triggerUrl}?token=wrong`]) {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(deliveries[0].entries),
				});
				assert.equal(response.status, 401, `${url.includes('token') ? 'a wrong' : 'no'} token`);
			}
			await new Promise((resolve) => setTimeout(resolve, 3000));
			assert.equal(
				(await storedExecutions(cluster.postgres, triggerId)).length,
				executions.length,
				'no execution from the refused posts',
			);
			sandbox.setCallbackUrl(undefined);
		},
	);

	it(
		'a worker killed during a Batch → Send of 20,000 contacts: n8n does not run it again; no event twice',
		{ timeout: SCENARIO_TIMEOUT_MS },
		async () => {
			const outcome = await killWorkerDuringBatch(cluster, RUN_TIMEOUT_MS);
			console.log(`[queue] killed worker: ${JSON.stringify(outcome)}`);
			// n8n runs its queue with maxStalledCount 0: once the dead worker's lock expires, the job fails for good and the
			// instance that enqueued it (here the webhook processor) stores the execution as failed.
			assert.equal(outcome.status, 'error', 'n8n marked the execution failed');
			assert.match(
				outcome.error ?? '',
				/failed to be processed too many times and will no longer retry/,
			);
			assert.deepEqual(outcome.rerunBy, [], 'no worker ran it again');
			assert.equal(outcome.twice, 0, 'no event reached Mapp twice');
			assert.equal(
				outcome.once + outcome.missing,
				20_000,
				'every contact reached Mapp once or not at all',
			);
			assert.ok(outcome.once >= outcome.onceAtKill, 'what Mapp had at the kill, it kept');
		},
	);

	it(
		`a worker killed during a Batch → Send From File of ${FILE_RECORDS.toLocaleString('en')} records: its log says where to resume, and the resumed run completes the file`,
		{ timeout: SCENARIO_TIMEOUT_MS },
		async () => {
			const outcome = await killWorkerDuringFile(cluster, RUN_TIMEOUT_MS);
			console.log(`[queue] killed worker during a file: ${JSON.stringify(outcome)}`);
			assert.ok(outcome.resumeFrom > 1, 'the worker logged progress before it was killed');
			assert.equal(outcome.resumeFrom, outcome.lastAcceptedRecord + 1);
			assert.equal(outcome.missingBeforeResume, 0, 'Mapp had every record before the resume point');
			assert.equal(outcome.resumedStatus, 'success', 'the resumed run succeeded');
			assert.equal(outcome.missing, 0, 'after the resumed run, Mapp has every record');
			assert.ok(
				outcome.repeated <= MAX_REPEATS,
				`at most Concurrency × Batch Size (${MAX_REPEATS}) records twice, not ${outcome.repeated}`,
			);
		},
	);
});
