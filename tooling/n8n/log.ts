/** Progress lines of the tooling, all with one prefix so they stand apart from n8n's own output. */
export function step(message: string): void {
	console.log(`[n8n] ${message}`);
}

export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** A failure of one step, printed by the commands as its message alone. */
export class StepError extends Error {}
