import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** A process and everything it started (n8n's task runners), as /proc lists them now. */
export function processTree(rootPid: number): number[] {
	const pids = [rootPid];
	for (let i = 0; i < pids.length; i++) pids.push(...childrenOf(pids[i]));
	return pids;
}

function childrenOf(pid: number): number[] {
	try {
		// A child is listed under the thread that started it; Node starts them from any of its threads.
		return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
			readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
				.split(' ')
				.filter(Boolean)
				.map(Number),
		);
	} catch {
		return []; // It has ended meanwhile.
	}
}

/** Resident memory of one process in bytes, 0 once it has ended. */
function rssOf(pid: number): number {
	try {
		return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
	} catch {
		return 0;
	}
}

/** CPU time (user + system) of one process so far, in milliseconds; clock ticks are 1/100 s on Linux. */
export function cpuMsOf(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return 0;
	}
}

export interface RssSample {
	at: number;
	/** The whole tree's resident memory. */
	bytes: number;
	/** The root process's alone. */
	rootBytes: number;
}

/** Samples the summed RSS of a process tree at a fixed interval, from `start` until `stop`. */
export class RssSampler {
	private samples: RssSample[] = [];
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly rootPid: number,
		private readonly intervalMs = 50,
	) {}

	start(): void {
		this.samples = [];
		this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
	}

	stop(): RssSample[] {
		clearInterval(this.timer);
		this.sample();
		return this.samples;
	}

	private sample(): void {
		const rootBytes = rssOf(this.rootPid);
		const bytes = processTree(this.rootPid).reduce(
			(sum, pid) => sum + (pid === this.rootPid ? rootBytes : rssOf(pid)),
			0,
		);
		this.samples.push({ at: Date.now(), bytes, rootBytes });
	}
}

export function peakBytes(
	samples: RssSample[],
	of: 'bytes' | 'rootBytes' = 'bytes',
	from = -Infinity,
	to = Infinity,
): number {
	return samples
		.filter(({ at }) => at >= from && at <= to)
		.reduce((peak, sample) => Math.max(peak, sample[of]), 0);
}

/** How much the tree grew while a node ran: its peak in the window over the last sample before the window. */
export function growthDuring(samples: RssSample[], from: number, to: number): number {
	const before = samples.filter(({ at }) => at < from).at(-1)?.bytes ?? samples[0]?.bytes ?? 0;
	return Math.max(0, peakBytes(samples, 'bytes', from, to) - before);
}
