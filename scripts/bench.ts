/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- Node code for tests and tools, never run inside n8n (README: Lint in strict mode) */
/**
 * `npm run bench`: how much faster Batch → Send is than one request per item, how close it comes
 * to sending the same requests with nothing of n8n in between, and how it scales to 100,000 items.
 *
 * Each scenario runs in a fresh child process, so that its peak memory (RSS) is its own, and the
 * sandbox runs in another child process, so that answering requests does not take CPU time from
 * the scenario's event loop (the real Mapp Connect is a remote server too). Wall time covers the
 * run only: not starting the process, loading n8n or the warm-up run of 1,000 items before it; the
 * figure is the median of several runs (one for the slow scenario 1). Peak RSS covers all runs.
 *
 *   npm run bench                     all four scenarios, figures and ratios
 *   BENCH_CPU_PROF=1 npm run bench    also writes a .cpuprofile per scenario into bench-profiles/
 */
import { fork, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { MAX_EVENTS_PER_BATCH, API_PATHS, integrationPath } from '../nodes/MappConnect/shared/api';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../nodes/MappConnect/shared/signing';
import { BATCH_DEFAULTS } from '../nodes/MappConnect/resources/batch/options';
import { contactFields, contacts, type Contact } from '../test/workflow/batch-fixtures';
import { formatMegabytes as mb } from './n8n/memory';

interface SandboxAddress {
	baseUrl: string;
	integrationId: string;
	secret: string;
}

interface ScenarioResult {
	wallMs: number;
	events: number;
	peakRssBytes: number;
}

interface Scenario {
	name: string;
	items: number;
	/** Measured runs; the figure is their median. */
	runs: number;
	run(input: Contact[], sandbox: SandboxAddress): Promise<void>;
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
		runs: 5,
		run: async (input, sandbox) => await runWorkflow(batchParameters, input, sandbox),
	},
	floor: {
		name: '(3) floor: build, sign, send, no n8n',
		items: 10_000,
		runs: 5,
		run: sendWithoutN8n,
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
 * The targets of issue 13 (in-process): Batch within 3x of the floor, 100,000 items within 10x of 10,000, under
 * 1 GB. Single operations against Batch is a figure only: single operations are measured against n8n's HTTP
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
): Promise<void> {
	const { runNode, sandboxCredentials } = await import('../test/harness');
	const { error, items } = await runNode({
		parameters,
		items: input as never,
		credentials: sandboxCredentials(sandbox),
	});
	if (error) throw error;
	if (items.length !== input.length)
		throw new Error(`Expected ${input.length} output items, got ${items.length}`);
}

/**
 * The floor: the same events (email, group, three attributes as strings), the same chunks and
 * concurrency as Batch → Send, signed with the package's own signing, sent with node:http.
 */
async function sendWithoutN8n(input: Contact[], sandbox: SandboxAddress): Promise<void> {
	const url = new URL(
		`${sandbox.baseUrl}${integrationPath(sandbox.integrationId, API_PATHS.batch)}`,
	);
	const query = 'subtype=user';
	const agent = new Agent({ keepAlive: true });
	const bodies: string[] = [];
	for (let start = 0; start < input.length; start += MAX_EVENTS_PER_BATCH) {
		const events = input.slice(start, start + MAX_EVENTS_PER_BATCH).map((contact) => ({
			email: contact.email,
			group: contact.group,
			firstName: contact.firstName,
			city: contact.city,
			score: String(contact.score),
		}));
		bodies.push(JSON.stringify(events));
	}
	const post = (body: string) =>
		new Promise<void>((resolve, reject) => {
			const token = signToken(
				sandbox.secret,
				requestHash(url.pathname, body, query),
				nowInSeconds() + TOKEN_LIFETIME_SECONDS,
			);
			const req = request(
				`${url.href}?${query}`,
				{
					method: 'POST',
					agent,
					headers: {
						'content-type': 'application/json',
						[AUTH_TOKEN_HEADER]: token,
						'content-length': Buffer.byteLength(body),
					},
				},
				(res) => {
					res.resume();
					res.on('end', () =>
						res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
					);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) await post(bodies[next++]);
	};
	await Promise.all(Array.from({ length: BATCH_DEFAULTS.concurrency }, worker));
	agent.destroy();
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
	process.send?.({ type: 'warmedUp' });
	process.on('message', (message: { type: 'go' | 'done' }) => {
		if (message.type === 'done') {
			// exit rather than wait for n8n's idle handles (keep-alive sockets, timers) to close
			process.send?.({ type: 'peakRss', bytes: process.resourceUsage().maxRSS * 1024 }, () =>
				process.exit(0),
			);
			return;
		}
		const started = performance.now();
		scenario.run(input, sandbox).then(
			() => process.send?.({ type: 'ran', wallMs: performance.now() - started }),
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
	const { startSandbox } = await import('../test/sandbox');
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

function child(args: string[], cpuProfile: boolean): ChildProcess {
	const profile = cpuProfile
		? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench-profiles')}`]
		: [];
	return fork(__filename, args, {
		execArgv: [...profile, '--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

function reply<T>(from: ChildProcess, type: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: { type: string }) => {
			if (message.type !== type) return;
			from.off('exit', onExit);
			from.off('message', onMessage);
			resolve(message as T);
		};
		const onExit = (code: number) =>
			reject(new Error(`Child process exited with code ${code} before "${type}"`));
		from.on('message', onMessage);
		from.once('exit', onExit);
	});
}

async function main(): Promise<void> {
	const cpuProfile = process.env.BENCH_CPU_PROF === '1';
	const sandboxProcess = child(['sandbox'], false);
	const { address } = await reply<{ address: SandboxAddress }>(sandboxProcess, 'ready');
	type Stats = { requests: number; rejected: number; eventCount: number };

	const results: Record<string, ScenarioResult & Stats> = {};
	try {
		for (const [key, scenario] of Object.entries(SCENARIOS)) {
			const scenarioProcess = child(['scenario', key, JSON.stringify(address)], cpuProfile);
			await reply(scenarioProcess, 'warmedUp');
			const wallTimes: number[] = [];
			let stats: Stats | undefined;
			for (let run = 0; run < scenario.runs; run++) {
				sandboxProcess.send({ type: 'reset' });
				await reply(sandboxProcess, 'reset');
				scenarioProcess.send({ type: 'go' });
				wallTimes.push((await reply<{ wallMs: number }>(scenarioProcess, 'ran')).wallMs);
				sandboxProcess.send({ type: 'stats' });
				stats = await reply<Stats>(sandboxProcess, 'stats');
				if (stats.rejected || stats.eventCount !== scenario.items) {
					throw new Error(
						`${scenario.name}: the sandbox accepted ${stats.eventCount} events, refused ${stats.rejected} requests`,
					);
				}
			}
			scenarioProcess.send({ type: 'done' });
			const { bytes } = await reply<{ bytes: number }>(scenarioProcess, 'peakRss');
			await new Promise((resolve) => scenarioProcess.once('exit', resolve));
			results[key] = {
				wallMs: median(wallTimes),
				events: scenario.items,
				peakRssBytes: bytes,
				...(stats as Stats),
			};
			report(`${scenario.name} (median of ${scenario.runs})`, results[key]);
		}
	} finally {
		sandboxProcess.disconnect();
	}

	const ratio = (a: number, b: number) => a / b;
	const single = results.single.wallMs;
	const batch = results.batch.wallMs;
	const floor = results.floor.wallMs;
	const large = results.batchLarge.wallMs;
	console.log('');
	console.log(
		`  ${'(1)/(2) one request per item vs Batch'.padEnd(40)} ${ratio(single, batch).toFixed(1).padStart(6)}x  (a figure)`,
	);
	check(
		'(2)/(3) Batch vs the floor',
		ratio(batch, floor),
		`<= ${TARGETS.batchVsFloor}x`,
		ratio(batch, floor) <= TARGETS.batchVsFloor,
	);
	check(
		'(4)/(2) 100,000 vs 10,000 items',
		ratio(large, batch),
		`<= ${TARGETS.largeVsBatch}x`,
		ratio(large, batch) <= TARGETS.largeVsBatch,
	);
	const largeRss = results.batchLarge.peakRssBytes;
	console.log(
		`  (4) peak RSS ${mb(largeRss)}  target < ${mb(TARGETS.largePeakRssBytes)}  ${largeRss < TARGETS.largePeakRssBytes ? 'met' : 'MISSED'}`,
	);
	if (cpuProfile) console.log(`\nCPU profiles: ${path.resolve('bench-profiles')}`);
}

function report(name: string, result: ScenarioResult & { requests: number }): void {
	const seconds = result.wallMs / 1000;
	console.log(
		`${name.padEnd(62)} ${seconds.toFixed(2).padStart(7)} s  ${String(result.requests).padStart(6)} requests  ` +
			`${Math.round(result.events / seconds)
				.toLocaleString('en')
				.padStart(8)} events/s  peak RSS ${mb(result.peakRssBytes)}`,
	);
}

function check(name: string, value: number, target: string, met: boolean): void {
	console.log(
		`  ${name.padEnd(40)} ${value.toFixed(1).padStart(6)}x  target ${target}  ${met ? 'met' : 'MISSED'}`,
	);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
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
