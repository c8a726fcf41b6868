import { StepError, step } from './log';

const cleanups: Array<() => Promise<void>> = [];
let interrupted = false;

export function wasInterrupted(): boolean {
	return interrupted;
}

/**
 * Runs `cleanup` when the process is interrupted (Ctrl-C, SIGTERM), then exits with 130. Without this, a signal
 * ends Node at once and n8n, which runs in its own process group, would outlive it.
 */
export function onInterrupt(cleanup: () => Promise<void>): void {
	if (cleanups.length === 0) {
		process.on('SIGINT', interrupt);
		process.on('SIGTERM', interrupt);
	}
	cleanups.push(cleanup);
}

function interrupt(signal: NodeJS.Signals): void {
	if (interrupted) return; // A second Ctrl-C must not cut the cleanup short.
	interrupted = true;
	step(`${signal}: stopping everything this script started`);
	void Promise.allSettled(cleanups.map((cleanup) => cleanup())).then(() => process.exit(130));
}

/** Runs a script's main function: exit 0 when it resolves, 1 with its message when it fails (a StepError without stack). */
export function runScript(main: () => Promise<void>): void {
	main().then(
		() => process.exit(0),
		(error: Error) => {
			console.error(error instanceof StepError ? `\n[n8n] FAILED: ${error.message}` : error);
			process.exit(1);
		},
	);
}
