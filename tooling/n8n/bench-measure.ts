/** One measured run of a `npm run bench:n8n` path in a running n8n: times, requests, memory, CPU. */
import type { Sandbox } from '../sandbox';
import { monotonicMicros } from '../bench/cpu-profile-summary';
import { NODE_NAMES, type WorkflowJson } from './bench-workflows';
import type { EditorApi } from './editor';
import { StepError } from './log';
import { retryingTransient, startRun, waitForRun } from './manual-run';
import { RssSampler, cpuMsOf, growthDuring, peakBytes, processTree } from './process-tree';
import type { ManagedProcess } from './processes';
import type { N8nSession } from './session';

const RUN_TIMEOUT_MS = 20 * 60_000;

export interface RunFigures {
	/** The path's node time: the sum of the timed nodes' execution times, as n8n recorded them. */
	nodeMs: number;
	/** Each timed node's execution time. */
	nodeMsEach: number[];
	/** From the REST call that starts the run until n8n lists it as finished. */
	wallMs: number;
	requests: number;
	rejected: number;
	accepted: number;
	/** Peak RSS of n8n's process tree (n8n and its task runner) during the run. */
	peakRssBytes: number;
	/** Peak RSS of the `n8n start` process alone. */
	mainPeakRssBytes: number;
	/** How much that RSS grew while the timed nodes ran. */
	nodeRssGrowthBytes: number;
	/** CPU time of n8n's process tree during the run. */
	n8nCpuMs: number;
	/** CPU time of this process (the sandbox, the sampling and the polling) during the run. */
	sandboxCpuMs: number;
	/** The length of the run's data as n8n saved it: one string, which V8 caps at 2^29 - 24 characters. */
	savedDataChars: number;
	/** Why the run failed, when the target allows it to (`keepFailure`). */
	failure?: string;
}

export interface MeasuredRun extends RunFigures {
	/** When the run started and ended, on the clock of CPU profiles (`monotonicMicros`). */
	windowUs: [number, number];
}

export interface RunTarget {
	session: N8nSession;
	api: EditorApi;
	/** The pid of `n8n start`. */
	n8nPid: number;
	workflowId: string;
	workflow: WorkflowJson;
	items: number;
	timed: string[];
	/** A failed run gives its figures and the failure instead of failing the benchmark (paths expected to break). */
	keepFailure?: boolean;
	/** `n8n start`, watched so that a run it does not survive (out of memory) ends as a failed run. */
	n8nProcess?: ManagedProcess;
}

/** The status of a run whose n8n ended during it. */
const N8N_EXITED = 'n8n exited';

/** Resolves when n8n ends, with its exit code and the lines of its output that tell why (V8's fatal error). */
async function exitOf(n8n: ManagedProcess): Promise<{ status: string; why: string }> {
	const code = await n8n.exited.catch(() => null);
	const why = n8n
		.output()
		.split('\n')
		.filter((line) => /FATAL|heap|Invalid string length|RangeError/i.test(line))
		.slice(-3)
		.join(' | ');
	return { status: N8N_EXITED, why: `n8n exited (code ${code}) during the run: ${why}` };
}

export async function measureRun({
	session,
	api,
	n8nPid,
	workflowId,
	workflow,
	items,
	timed,
	keepFailure,
	n8nProcess,
}: RunTarget): Promise<MeasuredRun> {
	const sandbox: Sandbox = session.sandbox;
	sandbox.reset();
	const treeCpu = () => processTree(n8nPid).reduce((sum, pid) => sum + cpuMsOf(pid), 0);
	const sampler = new RssSampler(n8nPid);
	const n8nCpuBefore = treeCpu();
	const ownCpuBefore = process.cpuUsage();
	sampler.start();
	const startedUs = monotonicMicros();
	const started = performance.now();
	const executionId = await startRun(api, workflowId, workflow, NODE_NAMES.start);
	// n8n near its heap limit may stop answering for minutes: with keepFailure, that is the run's failure.
	const finished = waitForRun(api, workflowId, executionId, RUN_TIMEOUT_MS).then(
		(status) => ({ status, why: undefined }),
		(error: Error) => {
			if (!keepFailure) throw error;
			return { status: 'unknown', why: `n8n stopped answering during the run: ${error.message}` };
		},
	);
	// Once n8n has exited, the polling gives up later: that is no news.
	finished.catch(() => undefined);
	const { status, why } = await (n8nProcess
		? Promise.race([finished, exitOf(n8nProcess)])
		: finished);
	const wallMs = performance.now() - started;
	const endedUs = monotonicMicros();
	const samples = sampler.stop();
	const ownCpu = process.cpuUsage(ownCpuBefore);
	const n8nCpuMs = treeCpu() - n8nCpuBefore;

	const observed = {
		windowUs: [startedUs, endedUs] as [number, number],
		wallMs,
		requests: sandbox.requests.length,
		rejected: sandbox.requests.filter((request) => request.status !== 200).length,
		accepted: sandbox.eventCount,
		peakRssBytes: peakBytes(samples),
		mainPeakRssBytes: peakBytes(samples, 'rootBytes'),
		n8nCpuMs,
		sandboxCpuMs: (ownCpu.user + ownCpu.system) / 1000,
	};

	const stored = () => retryingTransient(() => session.storedExecution(api, executionId));
	if (status !== 'success') {
		const received = `the sandbox got ${observed.requests} requests and accepted ${observed.accepted} of ${items} events`;
		const error =
			why ??
			(await stored().then(
				({ error, errorStack }) =>
					[error, errorStack?.split('\n').slice(1, 4).join('\n')].join('\n'),
				(problem: Error) => `(its execution could not be read: ${problem.message})`,
			));
		const failure = `the run ended with status ${status} after ${Math.round(wallMs / 1000)} s (${received}): ${error}`;
		if (!keepFailure) throw new StepError(failure);
		const unknown = {
			nodeMs: NaN,
			nodeMsEach: timed.map(() => NaN),
			nodeRssGrowthBytes: NaN,
			savedDataChars: NaN,
		};
		return { ...observed, ...unknown, failure };
	}
	const execution = await stored();
	const runs = timed.map((name) => execution.nodes.find((node) => node.node === name));
	const missing = timed.filter((_, index) => !runs[index]);
	if (missing.length) throw new StepError(`n8n recorded no run of ${missing.join(', ')}`);
	const nodeMsEach = runs.map((run) => run?.executionTime ?? 0);
	const firstStart = Math.min(...runs.map((run) => run?.startTime ?? 0));
	const lastEnd = Math.max(...runs.map((run) => (run?.startTime ?? 0) + (run?.executionTime ?? 0)));

	const figures: MeasuredRun = {
		...observed,
		nodeMs: nodeMsEach.reduce((sum, ms) => sum + ms, 0),
		nodeMsEach,
		nodeRssGrowthBytes: growthDuring(samples, firstStart, lastEnd),
		savedDataChars: execution.savedDataChars ?? NaN,
	};
	if (figures.accepted !== items || figures.rejected > 0) {
		throw new StepError(
			`the sandbox accepted ${figures.accepted} of ${items} events and refused ${figures.rejected} of ${figures.requests} requests`,
		);
	}
	return figures;
}

/** The median of each figure over the runs (for two runs, their mean). */
export function medianFigures(runs: RunFigures[]): RunFigures {
	const median = (pick: (run: RunFigures) => number) => {
		const sorted = runs.map(pick).sort((a, b) => a - b);
		const middle = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	};
	return {
		nodeMs: median((run) => run.nodeMs),
		nodeMsEach: runs[0].nodeMsEach.map((_, index) => median((run) => run.nodeMsEach[index])),
		wallMs: median((run) => run.wallMs),
		requests: median((run) => run.requests),
		rejected: median((run) => run.rejected),
		accepted: median((run) => run.accepted),
		peakRssBytes: median((run) => run.peakRssBytes),
		mainPeakRssBytes: median((run) => run.mainPeakRssBytes),
		nodeRssGrowthBytes: median((run) => run.nodeRssGrowthBytes),
		n8nCpuMs: median((run) => run.n8nCpuMs),
		sandboxCpuMs: median((run) => run.sandboxCpuMs),
		savedDataChars: median((run) => run.savedDataChars),
	};
}
