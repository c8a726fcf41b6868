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
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { contacts, contactFields, userUpsertParameters } from '../test/workflow/batch-fixtures';
import { formatSummary, profileFile, summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { medianFigures, measureRun, type RunFigures } from './n8n/bench-measure';
import { benchWorkflow, timedNodes, type PathNodes } from './n8n/bench-workflows';
import { EditorApi } from './n8n/editor';
import { StepError, step } from './n8n/log';
import { createWorkflow } from './n8n/manual-run';
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
const PROFILE_DIR = join(REPO_ROOT, 'bench-profiles', 'n8n');

/** What issue 13 promises, printed beside the figures; a missed target does not fail the run. */
const TARGETS = { singleVsHttp: 1, httpVsBatch: 50, largeVsBatch: 10, largePeakRssBytes: 1024 ** 3 };

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
	if (options.cpuProfile) mkdirSync(PROFILE_DIR, { recursive: true });
	const session = await N8nSession.open(STABLE, {
		// The quick mode checks every event's content, so the sandbox keeps the bodies there.
		sandbox: { recordBodies: options.quick },
		env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', N8N_LOG_LEVEL: 'warn' },
		nodeOptions: options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
	});
	// One n8n for the quick check; a fresh one per path for peak memory and for one profile per path.
	const restartPerPath = !options.quick || options.cpuProfile;
	const results = new Map<string, { items: number; figures: RunFigures }>();
	let editor: Editor | undefined;
	let api: EditorApi | undefined;
	let ownerExists = false;
	try {
		for (const path of options.paths) {
			if (!editor) {
				editor = await session.startEditor();
				api = ownerExists ? await EditorApi.signIn(editor.url) : await session.signUpOwner(editor);
				ownerExists = true;
			}
			const items = path.large ? options.largeItems : options.items;
			const figures = await runPath(session, editor, api as EditorApi, path, items, options);
			results.set(path.key, { items, figures });
			console.log(row(path, items, figures));
			if (restartPerPath) {
				await editor.process.stop();
				editor = undefined;
				if (options.cpuProfile) printProfile(path);
			}
		}
		const probe = await sandboxRequestsPerSecond(session.sandbox, SANDBOX_PROBE_REQUESTS);
		console.log(`\n${header()}\n${options.paths.map((path) => row(path, results.get(path.key)!.items, results.get(path.key)!.figures)).join('\n')}`);
		console.log(ratios(results, probe));
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
): Promise<RunFigures> {
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
	const runs: RunFigures[] = [];
	for (let run = 0; run < options.runs(path.large); run++) {
		step(`(${path.key}) ${path.label}, ${items.toLocaleString('en')} items: run ${run + 1}`);
		runs.push(await measureRun({ ...target, workflow: workflow(items), items }));
		if (options.quick) checkEvents(session, items);
	}
	return medianFigures(runs);
}

/** The events the sandbox received are exactly the generated contacts, as Mapp's user event bodies. */
function checkEvents(session: N8nSession, items: number): void {
	const byEmail = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.email).localeCompare(String(b.email));
	const received = session.sandbox.events.map((event) => ({ subtype: event.subtype, ...event.body }));
	const expected = contacts(items).map((contact) => ({ subtype: 'user', ...contact, score: String(contact.score) }));
	deepStrictEqual(received.sort(byEmail), expected.sort(byEmail), 'the sandbox received other events than the contacts');
}

function printProfile(path: BenchPath): void {
	const file = profileFile(PROFILE_DIR);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	console.log(`\n${formatSummary(summarizeProfile(profile), `CPU profile of n8n, path (${path.key}) ${path.label}: ${file}`)}\n`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

function header(): string {
	return `${'path'.padEnd(40)} ${'items'.padStart(7)}  ${'node time'.padStart(16)}  ${'wall'.padStart(8)}  ${'requests'.padStart(8)}  ${'accepted'.padStart(8)}  ${'n8n CPU'.padStart(8)}  ${'sandbox'.padStart(7)}  ${'peak RSS'.padStart(8)}  ${'in node'.padStart(8)}`;
}

function row(path: BenchPath, items: number, f: RunFigures): string {
	const nodeTime = f.nodeMsEach.length > 1 ? f.nodeMsEach.map((ms) => (ms / 1000).toFixed(2)).join(' + ') + ' s' : seconds(f.nodeMs);
	const sandboxShare = `${Math.round((100 * f.sandboxCpuMs) / f.wallMs)} %`;
	return `${`(${path.key}) ${path.label}`.padEnd(40)} ${items.toLocaleString('en').padStart(7)}  ${nodeTime.padStart(16)}  ${seconds(f.wallMs).padStart(8)}  ${String(f.requests).padStart(8)}  ${String(f.accepted).padStart(8)}  ${seconds(f.n8nCpuMs).padStart(8)}  ${sandboxShare.padStart(7)}  ${mb(f.peakRssBytes).padStart(8)}  ${`+${mb(f.nodeRssGrowthBytes)}`.padStart(8)}`;
}

function ratios(results: Map<string, { items: number; figures: RunFigures }>, probePerSecond: number): string {
	const node = (key: string) => results.get(key)?.figures.nodeMs;
	const lines = ['', 'node time / wall: as n8n records it / REST call to finished; n8n CPU: n8n and its task runner; sandbox: CPU share of',
		'this process (sandbox, sampling, polling); peak RSS: n8n and its task runner; in node: RSS growth while the timed nodes ran', ''];
	const check = (name: string, value: number | undefined, target: string, met: (v: number) => boolean) => {
		if (value !== undefined && Number.isFinite(value)) lines.push(`${name.padEnd(52)} ${value.toFixed(1).padStart(7)}x  target ${target}  ${met(value) ? 'met' : 'MISSED'}`);
	};
	const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a / b);
	check('(b)/(a) single operation vs HTTP Request path', ratio(node('b'), node('a')), `<= ${TARGETS.singleVsHttp}x`, (v) => v <= TARGETS.singleVsHttp);
	check('(a)/(c) HTTP Request path vs Batch', ratio(node('a'), node('c')), `>= ${TARGETS.httpVsBatch}x`, (v) => v >= TARGETS.httpVsBatch);
	check('(d)/(c) 100k vs 10k, one item per input', ratio(node('d'), node('c')), `<= ${TARGETS.largeVsBatch}x`, (v) => v <= TARGETS.largeVsBatch);
	check('(e)/(c) 100k vs 10k, One Item per Batch', ratio(node('e'), node('c')), `<= ${TARGETS.largeVsBatch}x`, (v) => v <= TARGETS.largeVsBatch);
	const perBatchRss = results.get('e')?.figures.peakRssBytes;
	if (perBatchRss !== undefined) {
		const met = perBatchRss < TARGETS.largePeakRssBytes ? 'met' : 'MISSED';
		lines.push(`${'(e) n8n peak RSS'.padEnd(52)} ${mb(perBatchRss).padStart(8)}  target < ${mb(TARGETS.largePeakRssBytes)}  ${met}`);
	}
	const all = [...results.values()].map(({ figures }) => figures);
	const maxShare = Math.max(...all.map((f) => (100 * f.sandboxCpuMs) / f.wallMs));
	const fastest = Math.max(...all.map((f) => f.requests / (f.wallMs / 1000)));
	lines.push(
		'',
		`sandbox: at most ${Math.round(maxShare)} % of a CPU during any run; alone it answers ${Math.round(probePerSecond)} single-event requests/s`,
		`         (plain client in the same process), n8n sent at most ${Math.round(fastest)} requests/s`,
	);
	return lines.join('\n');
}

runScript(main);
