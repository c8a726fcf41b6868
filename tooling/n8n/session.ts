import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSandbox, type RecordedEvent, type Sandbox, type SandboxOptions } from '../sandbox';
import { sandboxCredentials } from '../harness';
import { EditorApi, waitUntilReady } from './editor';
import { freePort, n8nEnvironment, type N8nPorts } from './environment';
import { SANDBOX_CREDENTIAL, type ExampleWorkflow } from './examples';
import { executionOf, parseExecution, type Execution, type RawRun } from './execution';
import { ensureN8n, type N8nInstallation } from './install';
import { StepError, formatDuration, step } from './log';
import { buildAndPack, installIntoUserFolder } from './package';
import { CACHE_DIR } from './paths';
import { Processes, tail, type ManagedProcess } from './processes';
import { onInterrupt } from './script';
import type { N8nTarget } from './versions';

const CLI_TIMEOUT_MS = 240_000;

/** A workflow as n8n exports and imports it. */
export type WorkflowJson = {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	[key: string]: unknown;
};

export interface SessionOptions {
	/** Keep n8n's data here across runs (`npm run dev`); by default a fresh folder under `.cache/runs/`. */
	userFolder?: string;
	/** The editor's port; by default a free one. */
	port?: number;
	/** Where to leave a copy of n8n's output when the session closes. */
	keepLogAt?: string;
	/** Added to the environment of every n8n process of the session (queue mode: database, Redis, encryption key). */
	environment?: NodeJS.ProcessEnv;
	/** How the sandbox starts; `npm run bench:n8n` keeps no bodies, so that it stays light. */
	sandbox?: SandboxOptions;
	/** Options for the Node process that runs `n8n start`, before n8n's own arguments (e.g. `--cpu-prof`). */
	nodeOptions?: string[];
}

export interface Editor {
	url: string;
	process: ManagedProcess;
}

/**
 * One real n8n of a given version, with this package installed as a community package, a running sandbox and the
 * "Mapp Connect (sandbox)" credential imported. Everything it starts, `close` stops, and so does Ctrl-C.
 */
export class N8nSession {
	private readonly processes = new Processes();
	/** The output of every n8n process of this session, in the order they started. */
	private readonly outputs: Array<() => string> = [];

	private constructor(
		readonly installation: N8nInstallation,
		readonly userFolder: string,
		readonly sandbox: Sandbox,
		private readonly ports: N8nPorts,
		private readonly options: SessionOptions,
	) {}

	static async open(target: N8nTarget, options: SessionOptions = {}): Promise<N8nSession> {
		const installation = await ensureN8n(target);
		const tarball = await buildAndPack();
		const userFolder = options.userFolder ?? freshUserFolder(target);
		mkdirSync(userFolder, { recursive: true });
		await installIntoUserFolder(tarball, userFolder);
		step(`installed the package into ${join(userFolder, '.n8n', 'nodes')}`);
		const sandbox = await startSandbox(options.sandbox);
		step(`sandbox listening at ${sandbox.baseUrl}`);
		const ports = { http: options.port ?? (await freePort()), broker: await freePort() };
		const session = new N8nSession(installation, userFolder, sandbox, ports, options);
		onInterrupt(() => session.close());
		try {
			await session.importCredential();
		} catch (error) {
			await session.close();
			throw error;
		}
		return session;
	}

	get n8nVersion(): string {
		return this.installation.target.n8n;
	}

	/** The credential as stored in n8n, with the sandbox's base URL, integration ID and demo secret. */
	get credential() {
		return { ...SANDBOX_CREDENTIAL, data: sandboxCredentials(this.sandbox) };
	}

	/** Everything the n8n processes of this session printed so far. */
	get log(): string {
		return this.outputs.map((output) => output()).join('');
	}

	/**
	 * Runs one n8n CLI command to its end; a non-zero exit fails the step unless `allowFailure`. `environment` is added
	 * to the session's for this command (e.g. another binary data mode for one `n8n execute`).
	 */
	async n8n(
		args: string[],
		allowFailure = false,
		environment: NodeJS.ProcessEnv = {},
	): Promise<{ code: number | null; stdout: string }> {
		const label = `n8n ${args[0]} (n8n ${this.n8nVersion})`;
		const started = Date.now();
		const result = await this.processes.run(
			label,
			this.installation.nodeBin,
			[this.installation.n8nBin, ...args],
			{
				env: this.environmentFor(this.userFolder, this.ports, environment),
				logFile: this.logFile,
				timeoutMs: CLI_TIMEOUT_MS,
			},
		);
		this.outputs.push(() => result.output);
		if (result.code !== 0 && !allowFailure) {
			throw new StepError(
				`${label} failed (exit ${result.code}); its output ends:\n${tail(result.output)}`,
			);
		}
		step(`${label}: ${formatDuration(Date.now() - started)}`);
		return result;
	}

	async importWorkflows(workflows: ExampleWorkflow[]): Promise<void> {
		await this.importWorkflowData(
			workflows.map(
				(workflow) => JSON.parse(readFileSync(workflow.path, 'utf8')) as { id: string },
			),
		);
	}

	/** `n8n import:workflow` of workflows given as JSON (`id`, `name`, nodes, connections, ...). */
	async importWorkflowData(workflows: Array<{ id: string }>): Promise<void> {
		const dir = join(this.userFolder, 'import', 'workflows');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) {
			// n8n 1.x's import:workflow refuses a workflow without `versionId` and `active`; n8n 2.x fills them in.
			const json = { versionId: randomUUID(), active: false, ...workflow };
			writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(json, null, '\t'));
		}
		await this.n8n(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Imports workflows given as n8n's workflow JSON (each with its own `id`), written to files first. */
	async importWorkflowJson(workflows: WorkflowJson[]): Promise<void> {
		const folder = join(this.userFolder, 'workflow-json');
		mkdirSync(folder, { recursive: true });
		const files = workflows.map((workflow) => {
			const file = `${workflow.id}.json`;
			const path = join(folder, file);
			writeFileSync(path, JSON.stringify(workflow, null, '\t'));
			return { file, path, id: workflow.id, name: workflow.name, packageNodes: [] };
		});
		await this.importWorkflows(files);
	}

	/**
	 * `n8n publish:workflow`: the workflow is active, its triggers live, from the next `n8n start` on. n8n 1.x has no
	 * such command (its `update:workflow --active` fails on an imported workflow): there, `EditorApi.activateWorkflow`.
	 */
	async publishWorkflow(workflowId: string): Promise<void> {
		await this.n8n(['publish:workflow', `--id=${workflowId}`]);
	}

	/** An execution as n8n stored it, read through the REST API; its run data is in `flatted` form, read with n8n's own copy. */
	async storedExecution(api: EditorApi, executionId: string): Promise<Execution> {
		const stored = await api.get<{ status: string; data: string }>(`executions/${executionId}`);
		const flatted = createRequire(this.installation.n8nBin)('flatted') as {
			parse(text: string): RawRun['data'];
		};
		const execution = executionOf({ status: stored.status, data: flatted.parse(stored.data) });
		return { ...execution, savedDataChars: stored.data.length };
	}

	/**
	 * `n8n execute --id … --rawOutput`, with `environment` added for this run; a failed run comes back with status
	 * `error`, not as an exception.
	 */
	async execute(workflowId: string, environment: NodeJS.ProcessEnv = {}): Promise<Execution> {
		const args = ['execute', `--id=${workflowId}`, '--rawOutput'];
		const { code, stdout } = await this.n8n(args, true, environment);
		try {
			return parseExecution(stdout);
		} catch (error) {
			const problem = `n8n execute --id ${workflowId} (exit ${code}): ${(error as Error).message}`;
			throw new StepError(`${problem}; its output ends:\n${tail(stdout)}`);
		}
	}

	/** What the sandbox accepted so far, read from its control endpoint as any client would. */
	async sandboxEvents(): Promise<RecordedEvent[]> {
		const response = await fetch(`${this.sandboxOrigin}/__sandbox/events`);
		return ((await response.json()) as { events: RecordedEvent[] }).events;
	}

	async resetSandbox(): Promise<void> {
		await fetch(`${this.sandboxOrigin}/__sandbox/reset`, { method: 'POST' });
	}

	/** `n8n start`: the editor and REST API on http://localhost:<port>, running until `close`. */
	async startEditor(): Promise<Editor> {
		const url = `http://localhost:${this.ports.http}`;
		step(`starting the n8n ${this.n8nVersion} editor on ${url}`);
		const started = Date.now();
		const server = this.startProcess(
			`n8n start (n8n ${this.n8nVersion})`,
			['start'],
			this.environmentFor(),
		);
		await waitUntilReady(url, server);
		step(`editor ready after ${formatDuration(Date.now() - started)}`);
		return { url, process: server };
	}

	/** The environment of an n8n process of this session; another instance of it passes its own folder and ports. */
	environmentFor(
		userFolder = this.userFolder,
		ports = this.ports,
		extra: NodeJS.ProcessEnv = {},
	): NodeJS.ProcessEnv {
		return n8nEnvironment(this.installation, userFolder, ports, {
			...this.options.environment,
			...extra,
		});
	}

	/** Starts a long-running n8n command (`start`, `worker`, `webhook`); its output joins the session's log. */
	startProcess(
		label: string,
		args: string[],
		env: NodeJS.ProcessEnv,
		logFile = this.logFile,
	): ManagedProcess {
		const nodeArgs = [...(this.options.nodeOptions ?? []), this.installation.n8nBin, ...args];
		const server = this.processes.start(label, this.installation.nodeBin, nodeArgs, {
			env,
			logFile,
		});
		this.outputs.push(() => server.output());
		return server;
	}

	/** Signs up the owner on the fresh editor, for calls to its REST API. */
	signUpOwner(editor: Editor): Promise<EditorApi> {
		return EditorApi.setUpOwner(editor.url);
	}

	/** Stops n8n and the sandbox; removes a fresh user folder unless asked to keep it. */
	async close(keepUserFolder = false): Promise<void> {
		await this.processes.stopAll();
		if (this.options.keepLogAt) {
			mkdirSync(dirname(this.options.keepLogAt), { recursive: true });
			writeFileSync(this.options.keepLogAt, this.log);
		}
		await this.sandbox.close();
		if (!this.options.userFolder && !keepUserFolder)
			rmSync(this.userFolder, { recursive: true, force: true });
	}

	private get logFile(): string {
		return join(this.userFolder, 'n8n.log');
	}

	private get sandboxOrigin(): string {
		return new URL(this.sandbox.baseUrl).origin;
	}

	private async importCredential(): Promise<void> {
		const file = join(this.userFolder, 'import', 'credentials.json');
		mkdirSync(join(this.userFolder, 'import'), { recursive: true });
		writeFileSync(file, JSON.stringify([this.credential], null, 2));
		await this.n8n(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}
}

function freshUserFolder(target: N8nTarget): string {
	mkdirSync(join(CACHE_DIR, 'runs'), { recursive: true });
	return mkdtempSync(join(CACHE_DIR, 'runs', `n8n-${target.n8n}-`));
}
