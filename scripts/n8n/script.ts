import { StepError, step } from './log';

const cleanups: Array<() => Promise<void>> = [];
let interrupted = false;

export function wasInterrupted(): boolean {
	return interrupted;
}

/** Runs `cleanup` when the script is interrupted (Ctrl-C, SIGTERM) before it ends by itself. */
export function onInterrupt(cleanup: () => Promise<void>): void {
	cleanups.push(cleanup);
}

/**
 * Runs a script's main function: exit 0 when it resolves, 1 with its message when it fails, 130 after cleaning up
 * on Ctrl-C. A StepError prints as its message alone; anything else with its stack.
 */
export function runScript(main: () => Promise<void>): void {
	const interrupt = (signal: NodeJS.Signals) => {
		interrupted = true;
		step(`${signal}: stopping everything this script started`);
		void Promise.allSettled(cleanups.map((cleanup) => cleanup())).then(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	main().then(
		() => process.exit(0),
		(error: Error) => {
			console.error(error instanceof StepError ? `\n[n8n] FAILED: ${error.message}` : error);
			process.exit(1);
		},
	);
}
