/**
 * `npm run bench`: how much faster Batch → Send is than one request per item, how close it comes
 * to sending the same requests with nothing of n8n in between, and how it scales to 100,000 items.
 *
 * Each scenario runs in a fresh child process, so that its peak memory (RSS) is its own, and the
 * sandbox runs in another child process, so that answering requests does not take CPU time from
 * the scenario's event loop (the real Mapp Connect is a remote server too). Two times are taken
 * per run: the wall time of the whole run (n8n running Input → Mapp Connect), and the node's own
 * time from n8n's execution data (what the node spends building, signing and sending, the same
 * work the floor does; the floor's node time is its wall time). Neither covers starting the
 * process, loading n8n or the warm-up run of 1,000 items. Each figure is the median of several
 * runs (one for the slow scenario 1), and Batch and the floor run alternately, so that a slow
 * spell of this shared machine weighs on both. Peak RSS covers all runs.
 *
 *   npm run bench                     all four scenarios, figures and ratios
 *   BENCH_CPU_PROF=1 npm run bench    also writes bench-profiles/<scenario>.cpuprofile: the measured runs only
 *   BENCH_ONLY=batch,floor npm run bench   only these scenarios (single, batch, floor, batchLarge)
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { contactFields, contacts, type Contact } from '../harness/batch-fixtures';
import { sendWithoutN8n, type SandboxAddress } from './floor';
import { reply, startProfiler } from './processes';
import { check, median, report, type ScenarioResult } from './report';
import { formatMegabytes as mb } from '../n8n/memory';

interface Scenario {
	name: string;
	items: number;
	/** Measured runs; the figure is their median. */
	runs: number;
	/** Runs the scenario once; resolves to the node's own time in ms. */
	run(input: Contact[], sandbox: SandboxAddress): Promise<number>;
}

const SCENARIOS: Record<string, Scenario> = {
	single: {
		name: '(1) User → Create or Update, 10,000 items',
		items: 10_000,
		runs: 1,
		run: async (input, sandbox) =>
			await runWorkflow(
				{ resource: 'user', operation: 'upsert', ...contactFields },
				input,
				sandbox,
			),
	},
	batch: {
		name: '(2) Batch → Send, 10,000 items',
		items: 10_000,
		runs: 9,
		run: async (input, sandbox) => await runWorkflow(batchParameters, input, sandbox),
	},
	floor: {
		name: '(3) floor: build, sign, send, no n8n',
		items: 10_000,
		runs: 9,
		run: async (input, sandbox) => {
			const started = performance.now();
			await sendWithoutN8n(input, sandbox);
			return performance.now() - started;
		},
	},
	batchLarge: {
		name: '(4) Batch → Send, 100,000 items',
		items: 100_000,
		runs: 3,
		run: async (input, sandbox) => await runWorkflow(batchParameters, input, sandbox),
	},
};

const batchParameters: INodeParameters = {
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	eventSource: 'fields',
	...contactFields,
};

const WARM_UP_ITEMS = 1000;

/**
 * The scenarios compared by a ratio run together, alternating; the others on their own, so that
 * no scenario's leftovers (a 100,000-item heap, 10,000 open connections) weigh on another's runs.
 */
const GROUPS = [['batch', 'floor'], ['batchLarge'], ['single']];

/**
 * The targets of issue 13 (in-process), in node time: Batch within 3x of the floor, 100,000 items within 10x of
 * 10,000 (no worse than linear), under 1 GB. Single operations against Batch is a figure only: single operations are measured against n8n's HTTP
 * Request node in a real n8n (`npm run bench:n8n`).
 */
const TARGETS = {
	batchVsFloor: 3,
	largeVsBatch: 10,
	largePeakRssBytes: 1024 ** 3,
};

async function runWorkflow(
	parameters: INodeParameters,
	input: Contact[],
	sandbox: SandboxAddress,
): Promise<number> {
	const { runNode, sandboxCredentials, NODE_NAME } = await import('../harness');
	const { error, items, run } = await runNode({
		parameters,
		items: input as never,
		credentials: sandboxCredentials(sandbox),
	});
	if (error) throw error;
	if (items.length !== input.length)
		throw new Error(`Expected ${input.length} output items, got ${items.length}`);
	return run.data.resultData.runData[NODE_NAME][0].executionTime;
}

// ---- child process: one scenario -------------------------------------------------------------

/**
 * Runs a scenario once on the first WARM_UP_ITEMS items, so that the measured runs find the code
 * compiled as in a long-running n8n, then once per "go" from the parent, which clears the sandbox
 * before each run and reads its counts after.
 */
async function serveScenario(key: string, sandbox: SandboxAddress): Promise<void> {
	const scenario = SCENARIOS[key];
	const input = contacts(scenario.items);
	await scenario.run(input.slice(0, WARM_UP_ITEMS), sandbox);
	// Profiles the measured runs only: loading n8n and the warm-up would swamp them.
	const profiler = process.env.BENCH_CPU_PROF === '1' ? await startProfiler() : undefined;
	process.send?.({ type: 'warmedUp' });
	process.on('message', (message: { type: 'go' | 'done' }) => {
		if (message.type === 'done') {
			void (profiler?.save(key) ?? Promise.resolve()).then(() =>
				// exit rather than wait for n8n's idle handles (keep-alive sockets, timers) to close
				process.send?.({ type: 'peakRss', bytes: process.resourceUsage().maxRSS * 1024 }, () =>
					process.exit(0),
				),
			);
			return;
		}
		const started = performance.now();
		scenario.run(input, sandbox).then(
			(nodeMs) => process.send?.({ type: 'ran', wallMs: performance.now() - started, nodeMs }),
			(error: Error) => {
				console.error(`${scenario.name} failed: ${error.message}`);
				process.exit(1);
			},
		);
	});
}

// ---- child process: the sandbox -----------------------------------------------------------------

type SandboxMessage = { type: 'reset' } | { type: 'stats' };

async function serveSandbox(): Promise<void> {
	const { startSandbox } = await import('../sandbox');
	const sandbox = await startSandbox({ recordBodies: false });
	process.on('message', (message: SandboxMessage) => {
		if (message.type === 'reset') sandbox.reset();
		const stats = {
			requests: sandbox.requests.length,
			rejected: sandbox.requests.filter((r) => r.status !== 200).length,
			eventCount: sandbox.eventCount,
		};
		process.send?.({ type: message.type, ...stats });
	});
	process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
	const address: SandboxAddress = {
		baseUrl: sandbox.baseUrl,
		integrationId: sandbox.integrationId,
		secret: sandbox.secret,
	};
	process.send?.({ type: 'ready', address });
}

// ---- the parent: runs everything and reports ------------------------------------------------------

function child(args: string[]): ChildProcess {
	return fork(__filename, args, {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

async function main(): Promise<void> {
	const sandboxProcess = child(['sandbox']);
	const { address } = await reply<{ address: SandboxAddress }>(sandboxProcess, 'ready');
	type Stats = { requests: number; rejected: number; eventCount: number };

	const runOnce = async (scenario: Scenario, scenarioProcess: ChildProcess) => {
		sandboxProcess.send({ type: 'reset' });
		await reply(sandboxProcess, 'reset');
		scenarioProcess.send({ type: 'go' });
		const { wallMs, nodeMs } = await reply<{ wallMs: number; nodeMs: number }>(
			scenarioProcess,
			'ran',
		);
		sandboxProcess.send({ type: 'stats' });
		const stats = await reply<Stats>(sandboxProcess, 'stats');
		if (stats.rejected || stats.eventCount !== scenario.items) {
			throw new Error(
				`${scenario.name}: the sandbox accepted ${stats.eventCount} events, refused ${stats.rejected} requests`,
			);
		}
		return { wallMs, nodeMs, stats };
	};

	const only = process.env.BENCH_ONLY?.split(',');
	const results: Partial<Record<string, ScenarioResult & Stats>> = {};
	try {
		for (const group of GROUPS) {
			const selected = group.filter((key) => !only || only.includes(key));
			if (selected.length > 0) await runGroup(selected);
		}
	} finally {
		sandboxProcess.disconnect();
	}

	/**
	 * Loads and warms up the group's scenarios, then runs them in rounds (one run of each per
	 * round), so that a slow spell of this shared machine slows Batch and the floor alike.
	 */
	async function runGroup(keys: string[]): Promise<void> {
		const processes: ChildProcess[] = [];
		for (const key of keys) {
			const scenarioProcess = child(['scenario', key, JSON.stringify(address)]);
			await reply(scenarioProcess, 'warmedUp');
			processes.push(scenarioProcess);
		}
		const wallTimes: number[][] = keys.map(() => []);
		const nodeTimes: number[][] = keys.map(() => []);
		const lastStats: Stats[] = [];
		const rounds = Math.max(...keys.map((key) => SCENARIOS[key].runs));
		for (let round = 0; round < rounds; round++) {
			for (const [index, key] of keys.entries()) {
				if (round >= SCENARIOS[key].runs) continue;
				const { wallMs, nodeMs, stats } = await runOnce(SCENARIOS[key], processes[index]);
				wallTimes[index].push(wallMs);
				nodeTimes[index].push(nodeMs);
				lastStats[index] = stats;
			}
		}
		for (const [index, key] of keys.entries()) {
			processes[index].send({ type: 'done' });
			const { bytes } = await reply<{ bytes: number }>(processes[index], 'peakRss');
			await new Promise((resolve) => processes[index].once('exit', resolve));
			results[key] = {
				wallMs: median(wallTimes[index]),
				nodeMs: median(nodeTimes[index]),
				events: SCENARIOS[key].items,
				peakRssBytes: bytes,
				...lastStats[index],
			};
		}
	}

	for (const [key, scenario] of Object.entries(SCENARIOS)) {
		const result = results[key];
		if (result) report(`${scenario.name} (median of ${scenario.runs})`, result);
	}

	const ratio = (a: number, b: number) => a / b;
	const { single, batch, floor, batchLarge: large } = results;
	console.log('');
	if (single && batch)
		console.log(
			`  ${'(1)/(2) one request per item vs Batch'.padEnd(40)} ${ratio(single.nodeMs, batch.nodeMs).toFixed(1).padStart(6)}x  (a figure, node time)`,
		);
	if (batch && floor) {
		check(
			'(2)/(3) Batch vs the floor, node time',
			ratio(batch.nodeMs, floor.nodeMs),
			`<= ${TARGETS.batchVsFloor}x`,
			ratio(batch.nodeMs, floor.nodeMs) <= TARGETS.batchVsFloor,
		);
		console.log(
			`  ${'(2)/(3) the same, wall time'.padEnd(40)} ${ratio(batch.wallMs, floor.wallMs).toFixed(1).padStart(6)}x  (a figure: with n8n running the workflow around the node)`,
		);
	}
	if (large && batch)
		check(
			'(4)/(2) 100,000 vs 10,000 items, node time',
			ratio(large.nodeMs, batch.nodeMs),
			`<= ${TARGETS.largeVsBatch}x`,
			ratio(large.nodeMs, batch.nodeMs) <= TARGETS.largeVsBatch,
		);
	if (large)
		console.log(
			`  (4) peak RSS ${mb(large.peakRssBytes)}  target < ${mb(TARGETS.largePeakRssBytes)}  ${large.peakRssBytes < TARGETS.largePeakRssBytes ? 'met' : 'MISSED'}`,
		);
	if (process.env.BENCH_CPU_PROF === '1')
		console.log(`\nCPU profiles: ${path.resolve('bench-profiles')}`);
}

const [mode, key, address] = process.argv.slice(2);
if (mode === 'sandbox') {
	void serveSandbox();
} else if (mode === 'scenario') {
	serveScenario(key, JSON.parse(address) as SandboxAddress).catch((error: Error) => {
		console.error(`${SCENARIOS[key]?.name ?? key} failed: ${error.message}`);
		process.exit(1);
	});
} else {
	main().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
