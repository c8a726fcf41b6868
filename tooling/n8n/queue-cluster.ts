/**
 * n8n in queue mode on loopback: PostgreSQL and Redis, one main instance, `n8n worker` processes and one
 * `n8n webhook` processor, each with its own user folder into which the package is installed as a community
 * package, all sharing one encryption key, plus the sandbox. `close` stops all of it, and so does Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOk, type EditorApi } from './editor';
import { freePort } from './environment';
import { formatDuration, step } from './log';
import { peakRssOfTree, type PeakRss } from './memory';
import { buildAndPack, installIntoUserFolder } from './package';
import { Processes, waitUntilReady, type ManagedProcess } from './processes';
import { onInterrupt } from './script';
import { queueEnvironment, startPostgres, startRedis, type Postgres, type Redis } from './services';
import { N8nSession, type WorkflowJson } from './session';
import { STABLE } from './versions';

const READY_TIMEOUT_MS = 180_000;
/** What `n8n worker` logs once it takes jobs from Redis (n8n 2.8's commands/worker). */
const WORKER_READY = 'n8n worker is now ready';
/** What `n8n webhook` logs once its /webhook/ routes are mounted, seconds after its health check answers. */
const WEBHOOK_READY = 'Webhook listener waiting for requests.';
/** What a worker logs for each job it takes (n8n 2.8's scaling/job-processor). */
const WORKER_STARTED = /Worker started execution (\d+)/g;

export interface ClusterOptions {
	workers: number;
	/** Worker names (`worker-1`, …) whose user folder gets no package: what happens when one lacks it. */
	withoutPackage?: string[];
	/** Added to every instance's environment, e.g. the queue settings under test. */
	environment?: NodeJS.ProcessEnv;
	/** Workflows to import and publish before the main instance starts (so that their webhooks are live). */
	workflows: WorkflowJson[];
	/** Each instance's output goes to `<logDir>/<name>.log`. */
	logDir: string;
}

export interface Instance {
	name: string;
	process: ManagedProcess;
}

export class QueueCluster {
	readonly workers: Instance[] = [];
	webhook?: Instance;
	private webhookPort = 0;

	private constructor(
		private readonly infrastructure: Processes,
		private readonly dir: string,
		readonly postgres: Postgres,
		private readonly redis: Redis,
		readonly session: N8nSession,
		readonly main: Instance,
		readonly api: EditorApi,
	) {}

	static async open(options: ClusterOptions): Promise<QueueCluster> {
		const infrastructure = new Processes();
		const dir = mkdtempSync(join(tmpdir(), 'n8n-queue-'));
		let session: N8nSession | undefined;
		let cluster: QueueCluster | undefined;
		const closeAll = async () => {
			await session?.close();
			await infrastructure.stopAll();
			rmSync(dir, { recursive: true, force: true });
		};
		onInterrupt(closeAll);
		try {
			// Both first, so that a missing server fails the run before anything else takes time.
			const postgres = await startPostgres(infrastructure, dir);
			const redis = await startRedis(infrastructure, dir);
			step(`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}`);
			const environment = {
				...queueEnvironment(postgres, redis, randomBytes(24).toString('hex')),
				// Production webhooks are served by the webhook processor alone, as behind a load balancer that routes
				// /webhook/ there; the main instance registers them and serves the editor.
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				...options.environment,
			};
			rmSync(options.logDir, { recursive: true, force: true });
			mkdirSync(options.logDir, { recursive: true });
			session = await N8nSession.open(STABLE, {
				environment,
				keepLogAt: join(options.logDir, 'all.log'),
			});
			await session.importWorkflowJson(options.workflows);
			for (const workflow of options.workflows) await session.publishWorkflow(workflow.id);
			const editor = await session.startEditor();
			const main = { name: 'main', process: editor.process };
			const api = await session.signUpOwner(editor);
			cluster = new QueueCluster(infrastructure, dir, postgres, redis, session, main, api);
			await cluster.startWorkers(options);
			await cluster.startWebhookProcessor(join(options.logDir, 'webhook.log'));
			return cluster;
		} catch (error) {
			await closeAll().catch(() => undefined);
			throw error;
		}
	}

	/** The base of production webhook URLs on the webhook processor, e.g. `${webhookBase}/my-path`. */
	get webhookBase(): string {
		return `http://127.0.0.1:${this.webhookPort}/webhook`;
	}

	/** Which worker started each execution, read from the workers' own log lines; one ID may appear on two. */
	executionsByWorker(): Map<string, string[]> {
		return new Map(
			this.workers.map(({ name, process }) => [
				name,
				[...process.output().matchAll(WORKER_STARTED)].map((match) => match[1]),
			]),
		);
	}

	/** The peak RSS of each instance's processes (n8n and its task runner), and of PostgreSQL and Redis. */
	peakMemory(): Array<{ name: string; processes: PeakRss[] }> {
		const instances = [this.main, ...this.workers, this.webhook].filter(
			(instance): instance is Instance => instance !== undefined,
		);
		return [
			...instances,
			{ name: 'PostgreSQL', process: this.postgres.process },
			{ name: 'Redis', process: this.redis.process },
		].map(({ name, process }) => ({ name, processes: peakRssOfTree(process.pid) }));
	}

	/** SIGKILL to a worker and its task runner, as when its container or machine dies. */
	async kill(worker: Instance): Promise<void> {
		worker.process.signal('SIGKILL');
		await worker.process.exited;
	}

	/** Stops n8n and the sandbox first, then PostgreSQL and Redis; removes the temporary folders. */
	async close(): Promise<void> {
		await this.session.close();
		await this.infrastructure.stopAll();
		rmSync(this.dir, { recursive: true, force: true });
	}

	/** A new worker in the place of a killed one, as a container orchestrator would start it: with the package. */
	async replace(worker: Instance): Promise<void> {
		if (!this.workerSetup) throw new Error('the cluster has not started its workers');
		await this.startWorker(`${worker.name}-replacement`, this.workerSetup.tarball, true);
	}

	private workerSetup?: { tarball: string; logDir: string };

	private async startWorkers(options: ClusterOptions): Promise<void> {
		this.workerSetup = { tarball: await buildAndPack(), logDir: options.logDir };
		for (let index = 1; index <= options.workers; index += 1) {
			const name = `worker-${index}`;
			await this.startWorker(
				name,
				this.workerSetup.tarball,
				!options.withoutPackage?.includes(name),
			);
		}
	}

	private async startWorker(name: string, tarball: string, withPackage: boolean): Promise<void> {
		const userFolder = join(this.dir, name);
		mkdirSync(userFolder, { recursive: true });
		if (!withPackage) step(`${name}: leaving the package out of its user folder`);
		else await installIntoUserFolder(tarball, userFolder);
		const healthPort = await freePort();
		const env = this.session.environmentFor(
			userFolder,
			{ http: await freePort(), broker: await freePort() },
			{
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
		);
		const started = Date.now();
		const process = this.session.startProcess(
			`n8n worker (${name})`,
			['worker'],
			env,
			join(this.workerSetup?.logDir ?? this.dir, `${name}.log`),
		);
		await waitForLog(
			name,
			process,
			WORKER_READY,
			`http://127.0.0.1:${healthPort}/healthz/readiness`,
		);
		step(`${name} ready after ${formatDuration(Date.now() - started)}`);
		this.workers.push({ name, process });
	}

	private async startWebhookProcessor(logFile: string): Promise<void> {
		const userFolder = join(this.dir, 'webhook');
		mkdirSync(userFolder, { recursive: true });
		await installIntoUserFolder(await buildAndPack(), userFolder);
		this.webhookPort = await freePort();
		const env = this.session.environmentFor(userFolder, {
			http: this.webhookPort,
			broker: await freePort(),
		});
		const started = Date.now();
		const process = this.session.startProcess('n8n webhook', ['webhook'], env, logFile);
		await waitForLog(
			'the webhook processor',
			process,
			WEBHOOK_READY,
			`http://127.0.0.1:${this.webhookPort}/healthz/readiness`,
		);
		step(
			`webhook processor ready on ${this.webhookBase} after ${formatDuration(Date.now() - started)}`,
		);
		this.webhook = { name: 'webhook', process };
	}
}

/** Ready once it has logged `line` and its health check answers. */
function waitForLog(
	name: string,
	process: ManagedProcess,
	line: string,
	healthUrl: string,
): Promise<void> {
	return waitUntilReady(
		name,
		process,
		async () => process.output().includes(line) && (await isOk(healthUrl)),
		READY_TIMEOUT_MS,
	);
}
