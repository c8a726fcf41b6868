import { readFileSync, readdirSync } from 'node:fs';

/** One process of a group and the most memory it has held so far (the kernel's high-water mark, VmHWM). */
export interface PeakRss {
	pid: number;
	command: string;
	peakRssBytes: number;
}

/**
 * The peak RSS of a process and of every process it started (n8n and its task runner; PostgreSQL and its
 * backends, which leave the process group), read from /proc on Linux; empty elsewhere or once it is gone.
 * A peak, not a sample: no polling needed.
 */
export function peakRssOfTree(root: number | undefined): PeakRss[] {
	if (root === undefined) return [];
	const parents = new Map<number, number>();
	try {
		for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
			const stat = readProc(Number(name), 'stat');
			// The fields after the command name, which is in parentheses and may hold spaces: state, ppid, …
			if (stat)
				parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		}
	} catch {
		return [];
	}
	const tree = new Set([root]);
	for (let grew = true; grew;) {
		grew = false;
		for (const [pid, parent] of parents) {
			if (tree.has(parent) && !tree.has(pid)) {
				tree.add(pid);
				grew = true;
			}
		}
	}
	return [...tree].flatMap((pid) => {
		const peak = /VmHWM:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
		const command = (readProc(pid, 'cmdline') ?? '')
			.split('\0')
			.filter(Boolean)
			.slice(0, 3)
			.join(' ');
		return peak ? [{ pid, command, peakRssBytes: Number(peak[1]) * 1024 }] : [];
	});
}

function readProc(pid: number, file: string): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/${file}`, 'utf8');
	} catch {
		return undefined; // Ended meanwhile.
	}
}

export function formatMegabytes(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * One line for a tree's peaks: each process of n8n's (itself and its task runner), or for a server of many
 * processes (PostgreSQL) the largest and the sum, which counts shared memory once per process.
 */
export function describePeaks(processes: PeakRss[]): string {
	if (processes.length === 0) return 'gone';
	if (processes.length > 2) {
		const largest = Math.max(...processes.map((p) => p.peakRssBytes));
		const sum = processes.reduce((total, p) => total + p.peakRssBytes, 0);
		return `${processes.length} processes, largest ${formatMegabytes(largest)}, sum ${formatMegabytes(sum)}`;
	}
	return processes.map((p) => `${formatMegabytes(p.peakRssBytes)} ${label(p.command)}`).join(' + ');
}

function label(command: string): string {
	const n8n = / \S*\/n8n (\w+)/.exec(command);
	if (n8n) return `(n8n ${n8n[1]})`;
	if (command.includes('--disallow-code-generation-from-strings')) return '(task runner)';
	return `(${command.split(' ')[0].split('/').pop()})`;
}
