/**
 * `npm run bench:n8n`: the package in the pinned real n8n (installed as a community package, `n8n start`, runs
 * through the editor's REST API) against the sandbox, which keeps no bodies so that it stays light. Generated
 * contacts (email, group, three attributes mapped with expressions) go through
 *   (a) what a user builds without this package: a Code node signing each request, then the HTTP Request node,
 *   (b) Mapp Connect User → Create or Update, (c) Batch → Send, and with 100,000 contacts
 *   (d) Batch → Send with one output item per input and (e) with Output → One Item per Batch.
 * n8n restarts before each path, so that each path's peak memory is its own; a small warm-up run precedes the
 * measured runs. Node time is the nodes' execution time as n8n records it; every event must reach the sandbox.
 *
 *   npm run bench:n8n                            all paths; median of 2 runs (the 100,000-item paths once)
 *   npm run bench:n8n -- --quick                 small sizes, one n8n, checks every event the sandbox receives
 *   npm run bench:n8n -- --only b --items 2000 --cpu-prof
 *                                                profiles n8n (node --cpu-prof) and prints the top functions
 * Options: --only a,c  --items N (10,000-item paths)  --large-items N  --runs N  --cpu-prof
 */
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { contacts, contactFields, userUpsertParameters } from '../test/workflow/batch-fixtures';
import { formatSummary, profileFile, summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { medianFigures, measureRun, type MeasuredRun, type RunFigures } from './n8n/bench-measure';
import { formatRatios, formatRows, type PathResult } from './n8n/bench-report';
import { benchWorkflow, timedNodes, type PathNodes } from './n8n/bench-workflows';
import { EditorApi } from './n8n/editor';
import { StepError, step } from './n8n/log';
import { createWorkflow, waitForWorkflowRoutes } from './n8n/manual-run';
import { REPO_ROOT } from './n8n/paths';
import { runScript } from './n8n/script';
import { N8nSession, type Editor } from './n8n/session';
import { sandboxRequestsPerSecond } from './n8n/sandbox-capacity';
import { STABLE } from './n8n/versions';

interface BenchPath {
	key: string;
	label: string;
	large: boolean;
	nodes: PathNodes;
}

const PATHS: BenchPath[] = [
	{ key: 'a', label: 'Code node signing + HTTP Request', large: false, nodes: { kind: 'httpRequest' } },
	{ key: 'b', label: 'User → Create or Update', large: false, nodes: mapp({ resource: 'user', operation: 'upsert', ...contactFields }) },
	{ key: 'c', label: 'Batch → Send', large: false, nodes: mapp(userUpsertParameters) },
	{ key: 'd', label: 'Batch → Send, one item per input', large: true, nodes: mapp(userUpsertParameters) },
	{ key: 'e', label: 'Batch → Send, One Item per Batch', large: true, nodes: mapp({ ...userUpsertParameters, batchOptions: { output: 'perBatch' } }) },
];

const FULL = { items: 10_000, largeItems: 100_000, runs: 2, warmUpItems: 200 };
const QUICK = { items: 100, largeItems: 1_000, runs: 1, warmUpItems: 0 };
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
		items: Number(value('--items') ?? sizes.items),
		largeItems: Number(value('--large-items') ?? sizes.largeItems),
		runs: (large: boolean) => Number(value('--runs') ?? (large ? 1 : sizes.runs)),
		warmUpItems: sizes.warmUpItems,
	};
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const loadAtStart = loadavg()[0];
	if (options.cpuProfile) mkdirSync(PROFILE_DIR, { recursive: true });
	const session = await N8nSession.open(STABLE, {
		// The quick mode checks every event's content, so the sandbox keeps the bodies there.
		sandbox: { recordBodies: options.quick, ...SANDBOX_TIMEOUTS },
		env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', N8N_LOG_LEVEL: 'warn' },
		nodeOptions: options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
	});
	// One n8n for the quick check; a fresh one per path for peak memory and for one profile per path.
	const restartPerPath = !options.quick || options.cpuProfile;
	const results: PathResult[] = [];
	let editor: Editor | undefined;
	let api: EditorApi | undefined;
	let ownerExists = false;
	try {
		for (const path of options.paths) {
			if (!editor) {
				editor = await session.startEditor();
				await waitForWorkflowRoutes(editor.url);
				api = ownerExists ? await EditorApi.signIn(editor.url) : await session.signUpOwner(editor);
				ownerExists = true;
			}
			const items = path.large ? options.largeItems : options.items;
			const { figures, windows } = await runPath(session, editor, api as EditorApi, path, items, options);
			results.push({ key: path.key, label: path.label, items, figures });
			console.log(formatRows(results.slice(-1)));
			if (restartPerPath) {
				await editor.process.stop();
				editor = undefined;
				if (options.cpuProfile) printProfile(path, windows);
			}
		}
		const probe = await sandboxRequestsPerSecond(session.sandbox, SANDBOX_PROBE_REQUESTS);
		console.log(`\n${formatRows(results)}\n${formatRatios(results, probe)}`);
		console.log(`machine: ${cpus().length} CPUs, load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
	} finally {
		await session.close();
	}
}

async function runPath(
	session: N8nSession,
	editor: Editor,
	api: EditorApi,
	path: BenchPath,
	items: number,
	options: ReturnType<typeof parseOptions>,
): Promise<{ figures: RunFigures; windows: Array<[number, number]> }> {
	const name = `bench:n8n (${path.key}) ${path.label}`;
	const workflow = (count: number) => benchWorkflow(name, count, path.nodes, session.sandbox);
	const workflowId = await createWorkflow(api, workflow(items));
	const n8nPid = editor.process.pid;
	if (n8nPid === undefined) throw new StepError('n8n start has no process ID');
	const target = { session, api, n8nPid, workflowId, timed: timedNodes(path.nodes) };
	if (options.warmUpItems) {
		const warmUpItems = Math.min(options.warmUpItems, items);
		await measureRun({ ...target, workflow: workflow(warmUpItems), items: warmUpItems });
	}
	const runs: MeasuredRun[] = [];
	for (let run = 0; run < options.runs(path.large); run++) {
		step(`(${path.key}) ${path.label}, ${items.toLocaleString('en')} items: run ${run + 1}`);
		runs.push(await measureRun({ ...target, workflow: workflow(items), items }));
		if (options.quick) checkEvents(session, items);
	}
	return { figures: medianFigures(runs), windows: runs.map((run) => run.windowUs) };
}

/** The events the sandbox received are exactly the generated contacts, as Mapp's user event bodies. */
function checkEvents(session: N8nSession, items: number): void {
	const byEmail = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.email).localeCompare(String(b.email));
	const received = session.sandbox.events.map((event) => ({ subtype: event.subtype, ...event.body }));
	const expected = contacts(items).map((contact) => ({ subtype: 'user', ...contact, score: String(contact.score) }));
	deepStrictEqual(received.sort(byEmail), expected.sort(byEmail), 'the sandbox received other events than the contacts');
}

/** The profile of the n8n that just stopped, over its measured runs only (not its start or the warm-up). */
function printProfile(path: BenchPath, windows: Array<[number, number]>): void {
	const file = profileFile(PROFILE_DIR);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const title = `CPU profile of n8n during the measured runs of (${path.key}) ${path.label}, ${file}`;
	console.log(`\n${formatSummary(summarizeProfile(profile, { windows }), title)}\n`);
}

runScript(main);
