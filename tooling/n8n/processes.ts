import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { StepError } from './log';

export interface StartOptions {
	env?: NodeJS.ProcessEnv;
	/** Every line the process prints is appended here. */
	logFile?: string;
}

export interface Finished {
	code: number | null;
	stdout: string;
	output: string;
}

const STOP_GRACE_MS = 10_000;
const READY_POLL_MS = 250;

/** One child process in its own process group, so that stopping it also stops what it started (n8n's task runners). */
export class ManagedProcess {
	private stdoutText = '';
	private outputText = '';
	/** Resolves with the exit code (null when a signal ended it). */
	readonly exited: Promise<number | null>;

	constructor(
		readonly name: string,
		private readonly child: ChildProcess,
		options: StartOptions,
	) {
		const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const take = (isStdout: boolean) => (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			if (isStdout) this.stdoutText += text;
			this.outputText += text;
			log?.write(text);
		};
		child.stdout?.on('data', take(true));
		child.stderr?.on('data', take(false));
		this.exited = new Promise((resolve, reject) => {
			child.on('error', (error) =>
				reject(new StepError(`${name} did not start: ${error.message}`)),
			);
			child.on('close', (code) => {
				log?.end();
				resolve(code);
			});
		});
		this.exited.catch(() => undefined);
	}

	/** The process's ID; the leader of its process group. */
	get pid(): number | undefined {
		return this.child.pid;
	}

	/** stdout alone, so far. */
	stdout(): string {
		return this.stdoutText;
	}

	/** stdout and stderr as they came, so far. */
	output(): string {
		return this.outputText;
	}

	/** SIGTERM to the process group; SIGKILL to what is left after a grace period or once the leader is gone. */
	async stop(): Promise<void> {
		this.signal('SIGTERM');
		const timer = setTimeout(() => this.signal('SIGKILL'), STOP_GRACE_MS);
		await this.exited.catch(() => undefined);
		clearTimeout(timer);
		this.signal('SIGKILL');
	}

	signal(signal: NodeJS.Signals): void {
		if (this.child.pid === undefined) return;
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			// The group is gone already.
		}
	}
}

/** The child processes a script starts; whatever still runs when the script exits, however it exits, is killed. */
export class Processes {
	private readonly running = new Set<ManagedProcess>();

	constructor() {
		process.on('exit', () => {
			for (const managed of this.running) managed.signal('SIGKILL');
		});
	}

	start(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
		const child = spawn(command, args, {
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const managed = new ManagedProcess(name, child, options);
		this.running.add(managed);
		void managed.exited
			.catch(() => undefined)
			.then(() => {
				managed.signal('SIGKILL');
				this.running.delete(managed);
			});
		return managed;
	}

	/** Starts a command and waits for it to end; one still running after `timeoutMs` is stopped and fails the step. */
	async run(
		name: string,
		command: string,
		args: string[],
		options: StartOptions & { timeoutMs: number },
	): Promise<Finished> {
		const managed = this.start(name, command, args, options);
		let timer: NodeJS.Timeout | undefined;
		const timedOut = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
		});
		const outcome = await Promise.race([managed.exited, timedOut]);
		clearTimeout(timer);
		if (outcome === 'timeout') {
			await managed.stop();
			throw new StepError(
				`${name} did not finish within ${options.timeoutMs / 1000}s; its output ends:\n${tail(managed.output())}`,
			);
		}
		return { code: outcome, stdout: managed.stdout(), output: managed.output() };
	}

	async stopAll(): Promise<void> {
		await Promise.all([...this.running].map((managed) => managed.stop()));
	}
}

/**
 * Polls `isReady` until it says yes; fails naming `what` when the process ends first or `timeoutMs` pass, with the
 * end of its output.
 */
export async function waitUntilReady(
	what: string,
	managed: ManagedProcess,
	isReady: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	let exited = false;
	void managed.exited.then(() => {
		exited = true;
	});
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited)
			throw new StepError(
				`${what} ended before it was ready; its output ends:\n${tail(managed.output())}`,
			);
		if (await isReady()) return;
		await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
	}
	throw new StepError(
		`${what} was not ready within ${timeoutMs / 1000}s; its output ends:\n${tail(managed.output())}`,
	);
}

/** The last lines of a process's output, for an error message. */
export function tail(output: string, lines = 25): string {
	return output.trim().split('\n').slice(-lines).join('\n');
}
