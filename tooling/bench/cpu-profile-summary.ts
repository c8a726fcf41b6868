/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the share of the
 * time spent under (called from, at any depth) frames matching given patterns, e.g. n8n's routing node.
 *
 *   npx tsx tooling/bench/cpu-profile-summary.ts <file.cpuprofile | folder (its newest profile)> [--top 25] [--under REGEX]...
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

/** The `.cpuprofile` JSON: a call tree, and which tree node was on top of the stack at each sample. */
export interface CpuProfile {
	nodes: ProfileNode[];
	/** Microseconds on the system's monotonic clock, which `process.hrtime` reads too. */
	startTime: number;
	samples: number[];
	/** Microseconds since the previous sample, one per sample. */
	timeDeltas: number[];
}

export interface FunctionTime {
	name: string;
	selfMs: number;
}

export interface ProfileSummary {
	/** Sampled time without V8's idle samples. */
	busyMs: number;
	idleMs: number;
	top: FunctionTime[];
	/** For each pattern, the time with a matching frame anywhere on the stack. */
	under: Array<{ pattern: string; ms: number }>;
}

/** Frames that are V8's own bookkeeping, not a function: not counted as busy time. */
const IDLE_FRAMES = new Set(['(idle)']);

/** The patterns `--under` defaults to: where n8n's routing and expression evaluation spend time, and this package. */
export const DEFAULT_UNDER = [
	'routing-node',
	'getNodeParameter|getParameterValue',
	'expression|workflow-data-proxy|tournament',
	'n8n-nodes-mapp-connect',
];

export interface SummaryOptions {
	top?: number;
	under?: string[];
	/** Only samples within one of these [from, to] spans (monotonic microseconds, as `monotonicMicros()`). */
	windows?: Array<[number, number]>;
}

/** Now on the clock of the profiles' timestamps. */
export function monotonicMicros(): number {
	return Number(process.hrtime.bigint() / 1000n);
}

export function summarizeProfile(
	profile: CpuProfile,
	options: SummaryOptions = {},
): ProfileSummary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parentOf.set(child, node.id);

	const selfMsById = new Map<number, number>();
	let at = profile.startTime;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		at += delta;
		if (options.windows && !options.windows.some(([from, to]) => at >= from && at <= to)) return;
		selfMsById.set(id, (selfMsById.get(id) ?? 0) + delta / 1000);
	});

	let busyMs = 0;
	let idleMs = 0;
	const selfByName = new Map<string, number>();
	const patterns = (options.under ?? DEFAULT_UNDER).map((source) => ({
		source,
		regex: new RegExp(source, 'i'),
	}));
	const underMs = patterns.map(() => 0);
	// Which patterns match a frame on the stack from this node to the root; memoised, as stacks share their roots.
	const matchedMemo = new Map<number, boolean[]>();
	const matchedUnder = (id: number): boolean[] => {
		const known = matchedMemo.get(id);
		if (known) return known;
		const { functionName, url } = byId.get(id)?.callFrame ?? { functionName: '', url: '' };
		const parent = parentOf.get(id);
		const above = parent === undefined ? patterns.map(() => false) : matchedUnder(parent);
		const matched = patterns.map(
			({ regex }, index) => above[index] || regex.test(`${functionName} ${url}`),
		);
		matchedMemo.set(id, matched);
		return matched;
	};
	for (const [id, ms] of selfMsById) {
		const node = byId.get(id);
		if (!node) continue;
		if (IDLE_FRAMES.has(node.callFrame.functionName)) {
			idleMs += ms;
			continue;
		}
		busyMs += ms;
		const name = frameName(node.callFrame);
		selfByName.set(name, (selfByName.get(name) ?? 0) + ms);
		const matched = matchedUnder(id);
		patterns.forEach((_, index) => {
			if (matched[index]) underMs[index] += ms;
		});
	}
	const top = [...selfByName]
		.map(([name, selfMs]) => ({ name, selfMs }))
		.sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
		.slice(0, options.top ?? 25);
	return {
		busyMs,
		idleMs,
		top,
		under: patterns.map(({ source }, index) => ({ pattern: source, ms: underMs[index] })),
	};
}

/** `name file:line`, the file from its package on (`n8n-core/dist/…`), so that lines stay short. */
export function frameName({ functionName, url, lineNumber }: CallFrame): string {
	const name = functionName || '(anonymous)';
	if (!url) return name;
	const file = url.replace(/^file:\/\//, '');
	const fromPackage = file.lastIndexOf('node_modules/');
	const shortFile =
		fromPackage === -1
			? file.split('/').slice(-2).join('/')
			: file.slice(fromPackage + 'node_modules/'.length);
	return `${name} ${shortFile}:${lineNumber + 1}`;
}

export function formatSummary(summary: ProfileSummary, title: string): string {
	const share = (ms: number) => `${((100 * ms) / (summary.busyMs || 1)).toFixed(1).padStart(5)} %`;
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;
	return [
		`${title}: ${seconds(summary.busyMs).trim()} busy (${(summary.idleMs / 1000).toFixed(1)} s idle)`,
		'  self time  share  function',
		...summary.top.map(({ name, selfMs }) => `  ${seconds(selfMs)} ${share(selfMs)}  ${name}`),
		'  time under a frame matching (share of busy time):',
		...summary.under.map(({ pattern, ms }) => `  ${seconds(ms)} ${share(ms)}  /${pattern}/`),
	].join('\n');
}

/** The file itself, or the newest `.cpuprofile` in a folder. */
export function profileFile(fileOrFolder: string): string {
	if (!statSync(fileOrFolder).isDirectory()) return fileOrFolder;
	const newest = readdirSync(fileOrFolder)
		.filter((file) => file.endsWith('.cpuprofile'))
		.map((file) => join(fileOrFolder, file))
		.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
	if (!newest) throw new Error(`No .cpuprofile in ${fileOrFolder}`);
	return newest;
}

function main(args: string[]): void {
	const [target, ...rest] = args;
	if (!target)
		throw new Error(
			'Usage: cpu-profile-summary <file.cpuprofile | folder> [--top N] [--under REGEX]...',
		);
	let top = 25;
	const under: string[] = [];
	for (let i = 0; i < rest.length; i += 2) {
		if (rest[i] === '--top') top = Number(rest[i + 1]);
		else if (rest[i] === '--under') under.push(rest[i + 1]);
		else throw new Error(`Unknown option ${rest[i]}`);
	}
	const file = profileFile(target);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	console.log(
		formatSummary(
			summarizeProfile(profile, { top, under: under.length ? under : undefined }),
			file,
		),
	);
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
}
