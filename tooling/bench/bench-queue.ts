/**
 * `npm run bench:queue`: the 100,000-event scenario of `npm run test:queue` — 10 concurrent webhook calls, each a
 * Batch → Send of 10,000 generated contacts — on n8n 2.8.4 in queue mode (main, two workers, webhook processor,
 * PostgreSQL, Redis) and on one n8n in regular mode (SQLite), against the sandbox. Prints events per second (from
 * the first call to the last event's arrival, after a warm-up run of 2 × 1,000 contacts) and the peak RSS of every
 * process. Figures only, no targets: on a machine of few cores the processes share them, so the ratio is bounded by
 * the cores, not by n8n.
 */
import { join } from 'node:path';
import { cpus } from 'node:os';
import { step } from '../n8n/log';
import { describePeaks, peakRssOfTree, type PeakRss } from '../n8n/memory';
import { REPO_ROOT } from '../n8n/paths';
import { QueueCluster } from '../n8n/queue-cluster';
import { runScript } from '../n8n/script';
import { N8nSession } from '../n8n/session';
import { STABLE } from '../n8n/versions';
import { callWebhookOk, timeToEvents } from '../n8n/queue-calls';
import { PATHS, batchWorkflow } from '../n8n/queue-workflows';
import type { Sandbox } from '../sandbox';

const CALLS = 10;
const CONTACTS_PER_CALL = 10_000;
const EVENTS = CALLS * CONTACTS_PER_CALL;
const RUN_TIMEOUT_MS = 10 * 60_000;
const LOG_DIR = join(REPO_ROOT, 'test-results', 'bench-queue');

interface Figures {
	setUp: string;
	wallMs: number;
	memory: Array<{ name: string; processes: PeakRss[] }>;
}

/** A warm-up of two small runs (one per worker in queue mode), then the measured run. */
async function measure(sandbox: Sandbox, webhookUrl: string): Promise<number> {
	sandbox.reset();
	const warmUp = [
		{ run: 'warm0', count: 1000 },
		{ run: 'warm1', count: 1000 },
	];
	await timeToEvents(sandbox, 2000, RUN_TIMEOUT_MS, () => callWebhookOk(webhookUrl, warmUp, 2));
	sandbox.reset();
	const calls = Array.from({ length: CALLS }, (_, i) => ({
		run: `bench${i}`,
		count: CONTACTS_PER_CALL,
	}));
	return await timeToEvents(sandbox, EVENTS, RUN_TIMEOUT_MS, () =>
		callWebhookOk(webhookUrl, calls, CALLS),
	);
}

async function queueMode(): Promise<Figures> {
	const cluster = await QueueCluster.open({
		workers: 2,
		workflows: [batchWorkflow()],
		logDir: join(LOG_DIR, 'queue'),
	});
	try {
		step('queue mode: measuring');
		const wallMs = await measure(cluster.session.sandbox, `${cluster.webhookBase}/${PATHS.batch}`);
		return {
			setUp: 'queue mode: main + 2 workers + webhook processor, PostgreSQL, Redis',
			wallMs,
			memory: cluster.peakMemory(),
		};
	} finally {
		await cluster.close();
	}
}

async function regularMode(): Promise<Figures> {
	const session = await N8nSession.open(STABLE, { keepLogAt: join(LOG_DIR, 'regular', 'all.log') });
	try {
		await session.importWorkflowJson([batchWorkflow()]);
		await session.publishWorkflow(batchWorkflow().id);
		const editor = await session.startEditor();
		step('regular mode: measuring');
		const webhookUrl = `${editor.url.replace('localhost', '127.0.0.1')}/webhook/${PATHS.batch}`;
		const wallMs = await measure(session.sandbox, webhookUrl);
		return {
			setUp: 'regular mode: one n8n (SQLite)',
			wallMs,
			memory: [{ name: 'n8n', processes: peakRssOfTree(editor.process.pid) }],
		};
	} finally {
		await session.close();
	}
}

runScript(async () => {
	const results = [await queueMode(), await regularMode()];
	const rate = (figures: Figures) => EVENTS / (figures.wallMs / 1000);
	console.log(
		`\n== ${EVENTS.toLocaleString('en')} events: ${CALLS} concurrent webhook calls × Batch → Send of ${CONTACTS_PER_CALL.toLocaleString('en')} contacts (n8n ${STABLE.n8n}, ${cpus().length} cores)`,
	);
	for (const figures of results) {
		console.log(
			`${figures.setUp}\n  ${(figures.wallMs / 1000).toFixed(1)} s, ${Math.round(rate(figures))} events/s`,
		);
		for (const { name, processes } of figures.memory)
			console.log(`  peak RSS ${name.padEnd(10)} ${describePeaks(processes)}`);
	}
	console.log(
		`queue mode / regular mode: ${(rate(results[0]) / rate(results[1])).toFixed(2)}x events/s`,
	);
});
