/** The lines `npm run bench` prints. */
import { formatMegabytes as mb } from '../n8n/memory';

export interface ScenarioResult {
	wallMs: number;
	/** The node's own time, from n8n's execution data (the floor: its wall time; it has no n8n). */
	nodeMs: number;
	events: number;
	peakRssBytes: number;
}

export function report(name: string, result: ScenarioResult & { requests: number }): void {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
	console.log(
		`${name.padEnd(56)} wall ${seconds(result.wallMs)}  node ${seconds(result.nodeMs)}  ` +
			`${String(result.requests).padStart(6)} requests  ${Math.round(
				(result.events * 1000) / result.nodeMs,
			)
				.toLocaleString('en')
				.padStart(8)} events/s  peak RSS ${mb(result.peakRssBytes)}`,
	);
}

export function check(name: string, value: number, target: string, met: boolean): void {
	console.log(
		`  ${name.padEnd(40)} ${value.toFixed(1).padStart(6)}x  target ${target}  ${met ? 'met' : 'MISSED'}`,
	);
}

/** The value below which `share` of the values lie (0.5: the median; the upper one of an even count). */
export function quantile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length * share)];
}

export function median(values: number[]): number {
	return quantile(values, 0.5);
}
