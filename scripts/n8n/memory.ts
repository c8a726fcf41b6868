import { readFileSync, readdirSync } from 'node:fs';

/** One process of a group and the most memory it has held so far (the kernel's high-water mark, VmHWM). */
export interface PeakRss {
	pid: number;
	command: string;
	peakRssBytes: number;
}

/**
 * The peak RSS of every process in the process group `leader` leads (n8n and the task runner it starts), read from
 * /proc on Linux; empty elsewhere or once the group is gone. A peak, not a sample: no polling needed.
 */
export function groupPeakRss(leader: number | undefined): PeakRss[] {
	if (leader === undefined) return [];
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return [];
	}
	return pids.flatMap((pid) => {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			// Fields after the command name, which is in parentheses and may hold spaces: state, ppid, pgrp.
			const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
			if (pgrp !== leader) return [];
			const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
			return peak ? [{ pid: Number(pid), command, peakRssBytes: Number(peak[1]) * 1024 }] : [];
		} catch {
			return []; // Ended meanwhile.
		}
	});
}

export function formatMegabytes(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * One line for a group's peaks: each process of n8n's (itself and its task runner), or for a server of many
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
