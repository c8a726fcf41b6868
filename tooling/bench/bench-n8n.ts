/**
 * `npm run bench:n8n`: the package in the pinned real n8n (installed as a community package, `n8n start`, runs
 * through the editor's REST API) against the sandbox, which keeps no bodies so that it stays light. Generated
 * contacts (email, group, three attributes mapped with expressions) go through
 *   (a) what a user builds without this package: a Code node signing each request, then the HTTP Request node,
 *   (b) Mapp Connect User → Create or Update, (c) Batch → Send, and with 100,000 contacts
 *   (d) Batch → Send with one output item per input and (e) with Output → One Item per Batch.
 * A generated CSV of contacts (tooling/n8n/bench-files.ts), read by Read/Write Files from Disk, goes through
 *   (f) Extract From File (CSV) → Batch → Send and (g) Batch → Send From File, each at 100,000 and 1,000,000 rows;
 *       a size a path does not survive is recorded with its failure, and (g)'s targets are printed MET or MISSED.
 * Each measured run has a fresh n8n, warmed up by a run of 200 items, so that its peak memory is its own. Node time
 * is the nodes' execution time as n8n records it; every event must reach the sandbox, or the benchmark fails.
 *
 *   npm run bench:n8n                            all paths; median of 2 runs (the 100,000-item and file paths once)
 *   npm run bench:n8n -- --only f,g --runs 3     the file paths, each size three times (medians)
 *   npm run bench:n8n -- --quick                 small sizes, one n8n, checks every event the sandbox receives
 *                                                ((g) on a file of 3,000 rows: each record exactly once)
 *   npm run bench:n8n -- --only f --file-rows 1300000 --node-version 1
 *                                                the Extract path with Batch → Send of node version 1 (one item
 *                                                per event) at 1,300,000 rows
 *   npm run bench:n8n -- --only b --items 2000 --cpu-prof
 *                                                profiles n8n (node --cpu-prof; one run) and prints the functions
 *                                                that took the most time during the measured run (of each path;
 *                                                of each size of a file path: --only g --file-rows 1000000)
 * Options: --only a,c  --items N (10,000-item paths)  --large-items N  --file-rows N,N  --node-version N (of the
 * file paths' Mapp Connect; 2 by default)  --runs N (of every path, file paths too; medians)  --cpu-prof
 */
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { contacts, contactFields, userUpsertParameters } from '../harness/batch-fixtures';
import {
	formatSummary,
	profileFile,
	summarizeProfile,
	type CpuProfile,
} from './cpu-profile-summary';
import { medianFigures, measureRun, type MeasuredRun } from '../n8n/bench-measure';
import {
	formatFailures,
	formatFileTargets,
	formatRatios,
	formatRows,
	type PathResult,
} from '../n8n/bench-report';
import { csvFolder, runFilePaths, type FilePath } from './bench-n8n-files';
import { benchWorkflow, timedNodes, type PathNodes } from '../n8n/bench-workflows';
import { EXTRACT_BATCH_PARAMETERS, SEND_FILE_PARAMETERS } from '../n8n/bench-files';
import { step } from '../n8n/log';
import { createWorkflow } from '../n8n/manual-run';
import { REPO_ROOT } from '../n8n/paths';
import { RunningN8n } from '../n8n/running-n8n';
import { runScript } from '../n8n/script';
import { N8nSession } from '../n8n/session';
import { sandboxRequestsPerSecond } from '../n8n/sandbox-capacity';
import { STABLE } from '../n8n/versions';

interface BenchPath {
	key: string;
	label: string;
	large: boolean;
	nodes: PathNodes;
}

const PATHS: BenchPath[] = [
	{
		key: 'a',
		label: 'Code node signing + HTTP Request',
		large: false,
		nodes: { kind: 'httpRequest' },
	},
	{
		key: 'b',
		label: 'User → Create or Update',
		large: false,
		nodes: mapp({ resource: 'user', operation: 'upsert', ...contactFields }),
	},
	{ key: 'c', label: 'Batch → Send', large: false, nodes: mapp(userUpsertParameters) },
	{
		key: 'd',
		label: 'Batch → Send, one item per input',
		large: true,
		nodes: mapp(userUpsertParameters),
	},
	{
		key: 'e',
		label: 'Batch → Send, One Item per Batch',
		large: true,
		nodes: mapp({ ...userUpsertParameters, batchOptions: { output: 'perBatch' } }),
	},
];

/** The file paths; their Mapp Connect is of the node version `--node-version` gives. */
function filePaths(typeVersion: number): FilePath[] {
	return [
		{
			key: 'f',
			label: 'Extract From File → Batch → Send',
			source: { kind: 'extract', typeVersion, mapp: EXTRACT_BATCH_PARAMETERS },
		},
		{
			key: 'g',
			label: 'Batch → Send From File',
			source: { kind: 'stream', typeVersion, mapp: SEND_FILE_PARAMETERS },
		},
	];
}

const FULL = {
	items: 10_000,
	largeItems: 100_000,
	fileRows: [100_000, 1_000_000],
	runs: 2,
	warmUpItems: 200,
};
const QUICK = { items: 100, largeItems: 1_000, fileRows: [3_000], runs: 1, warmUpItems: 0 };
/** Which file paths `--quick` runs: the ones that read the file themselves (Extract From File is n8n's). */
const QUICK_FILE_PATHS = ['g'];
const SANDBOX_PROBE_REQUESTS = 3_000;
/**
 * The HTTP Request node opens 10,000 connections at once and writes to them only after preparing every item, which
 * on a busy machine takes more than the 60 s Node's server (or nginx) waits for headers: the sandbox waits longer,
 * and keeps idle connections as long as nginx does, so that the figures are n8n's and not a server's timeouts.
 */
const SANDBOX_TIMEOUTS = { keepAliveTimeoutMs: 75_000, headersTimeoutMs: 10 * 60_000 };
const PROFILE_DIR = join(REPO_ROOT, 'bench-profiles', 'n8n');

function mapp(parameters: INodeParameters): PathNodes {
	return { kind: 'mapp', parameters };
}

type Options = ReturnType<typeof parseOptions>;

function parseOptions(args: string[]) {
	const value = (name: string) => {
		const at = args.indexOf(name);
		return at === -1 ? undefined : args[at + 1];
	};
	const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
	const sizes = quick ? QUICK : FULL;
	const only = value('--only')?.split(',');
	return {
		quick,
		cpuProfile: args.includes('--cpu-prof'),
		paths: PATHS.filter((path) => !only || only.includes(path.key)),
		filePaths: filePaths(Number(value('--node-version') ?? 2)).filter((path) =>
			only ? only.includes(path.key) : !quick || QUICK_FILE_PATHS.includes(path.key),
		),
		fileRows: value('--file-rows')?.split(',').map(Number) ?? sizes.fileRows,
		items: Number(value('--items') ?? sizes.items),
		largeItems: Number(value('--large-items') ?? sizes.largeItems),
		// One profile is enough to read; the figures are medians of several runs.
		runs: (large: boolean) =>
			Number(value('--runs') ?? (large || args.includes('--cpu-prof') ? 1 : sizes.runs)),
		warmUpItems: sizes.warmUpItems,
	};
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const loadAtStart = loadavg()[0];
	if (options.cpuProfile) mkdirSync(PROFILE_DIR, { recursive: true });
	const csv = csvFolder();
	const session = await N8nSession.open(STABLE, {
		// The quick mode checks every event's content, so the sandbox keeps the bodies there.
		sandbox: { recordBodies: options.quick, ...SANDBOX_TIMEOUTS },
		// n8n's info log stays on: the session knows n8n is ready from its "Editor is now accessible" line.
		// The file paths read from the CSV folder only; binary data in the filesystem, n8n 2.8's default, made explicit.
		environment: {
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
			N8N_RESTRICT_FILE_ACCESS_TO: csv.dir,
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		},
		keepLogAt: join(REPO_ROOT, 'test-results', 'bench-n8n', 'n8n.log'),
		nodeOptions: options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
	});
	const n8n = new RunningN8n(session);
	const results: PathResult[] = [];
	try {
		for (const path of options.paths) {
			const figures = await runPath(session, n8n, path, options);
			results.push(figures);
			console.log(formatRows(results.slice(-1)));
		}
		const fileResults = await runFilePaths(session, n8n, options.filePaths, {
			dir: csv.dir,
			rows: options.fileRows,
			quick: options.quick,
			// a file path at 1,000,000 rows takes half a minute or more: a large path, once unless asked
			runs: options.runs(true),
			stopped: options.cpuProfile ? printProfile : undefined,
		});
		results.push(...fileResults);
		const probe = await sandboxRequestsPerSecond(session.sandbox, SANDBOX_PROBE_REQUESTS);
		console.log(`\n${formatRows(results)}\n${formatRatios(results, probe)}`);
		console.log(`${formatFailures(results)}${formatFileTargets(fileResults)}`);
		console.log(
			`machine: ${cpus().length} CPUs, load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
		);
	} finally {
		await session.close();
		csv.remove();
	}
}

/**
 * The runs of one path. Outside the quick mode, each in a fresh n8n after a warm-up run, so that each run's peak
 * memory is its own (not what earlier runs left) and, with --cpu-prof, each run has its own profile.
 */
async function runPath(
	session: N8nSession,
	n8n: RunningN8n,
	path: BenchPath,
	options: Options,
): Promise<PathResult> {
	const items = path.large ? options.largeItems : options.items;
	const workflow = (count: number) =>
		benchWorkflow(`bench:n8n (${path.key}) ${path.label}`, count, path.nodes, session.sandbox);
	const restartPerRun = !options.quick || options.cpuProfile;
	let workflowId: string | undefined;
	const runs: MeasuredRun[] = [];
	for (let run = 1; run <= options.runs(path.large); run++) {
		const { api, pid, fresh } = await n8n.get();
		workflowId ??= await createWorkflow(api, workflow(items));
		const target = { session, api, n8nPid: pid, workflowId, timed: timedNodes(path.nodes) };
		const warmUpItems = Math.min(options.warmUpItems, items);
		if (fresh && warmUpItems)
			await measureRun({ ...target, workflow: workflow(warmUpItems), items: warmUpItems });
		step(`(${path.key}) ${path.label}, ${items.toLocaleString('en')} items: run ${run}`);
		const measured = await measureRun({ ...target, workflow: workflow(items), items });
		runs.push(measured);
		if (options.quick) checkEvents(session, items);
		if (restartPerRun) {
			await n8n.stop();
			if (options.cpuProfile)
				printProfile(`(${path.key}) ${path.label}, run ${run}`, measured.windowUs);
		}
	}
	return { key: path.key, label: path.label, items, figures: medianFigures(runs) };
}

/** The events the sandbox received are exactly the generated contacts, as Mapp's user event bodies. */
function checkEvents(session: N8nSession, items: number): void {
	const byEmail = (a: Record<string, unknown>, b: Record<string, unknown>) =>
		String(a.email).localeCompare(String(b.email));
	const received = session.sandbox.events.map((event) => ({
		subtype: event.subtype,
		...event.body,
	}));
	const expected = contacts(items).map((contact) => ({
		subtype: 'user',
		...contact,
		score: String(contact.score),
	}));
	deepStrictEqual(
		received.sort(byEmail),
		expected.sort(byEmail),
		'the sandbox received other events than the contacts',
	);
}

/** The profile of the n8n that just stopped, over its measured run only (not its start or the warm-up). */
function printProfile(title: string, window: [number, number]): void {
	const file = profileFile(PROFILE_DIR);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	console.log(
		`\n${formatSummary(summarizeProfile(profile, { windows: [window] }), `CPU profile of n8n, ${title}, ${file}`)}\n`,
	);
}

runScript(main);
