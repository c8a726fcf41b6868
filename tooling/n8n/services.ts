/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (`apt-get install postgresql redis-server`),
 * started on loopback on free ports with their data in a temporary folder, and stopped again. Nothing here touches
 * a system-wide server or its data.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './environment';
import { StepError } from './log';
import { Processes, tail, waitUntilReady, type ManagedProcess } from './processes';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 30_000;
/** Where Debian's postgresql package puts each version's binaries, and its Redis server. */
export const PG_ROOT = '/usr/lib/postgresql';
export const REDIS_SERVER = '/usr/bin/redis-server';
const DATABASE = 'n8n';
/** initdb refuses to run as root; as root the server runs as Debian's `postgres` user. */
const RUN_AS_POSTGRES = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];

export interface Postgres {
	port: number;
	database: string;
	user: string;
	process: ManagedProcess;
	/** Runs one SQL statement with psql; the rows, their columns split on tabs. */
	query(sql: string): Promise<string[][]>;
}

export interface Redis {
	port: number;
	process: ManagedProcess;
}

/** The binaries of the newest PostgreSQL installed from Debian's packages. */
function postgresBin(root: string): string {
	const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest || !existsSync(join(root, newest, 'bin', 'initdb'))) {
		throw new StepError(
			`PostgreSQL is unavailable: no initdb under ${root}/<version>/bin (apt-get install postgresql)`,
		);
	}
	return join(root, newest, 'bin');
}

/** A cluster of its own in `<dir>/postgres`, trusting loopback connections, with an empty database `n8n`. */
export async function startPostgres(
	processes: Processes,
	dir: string,
	root = PG_ROOT,
): Promise<Postgres> {
	const bin = postgresBin(root);
	const dataDir = join(dir, 'postgres');
	mkdirSync(dataDir, { recursive: true });
	if (RUN_AS_POSTGRES.length > 0) {
		// The postgres user must reach its folder inside a root-owned temporary folder.
		chmodSync(dir, 0o755);
		const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
			throw new StepError(
				'PostgreSQL is unavailable: there is no user "postgres" (apt-get install postgresql)',
			);
		});
		const { stdout: gid } = await run('id', ['-g', 'postgres']);
		chownSync(dataDir, Number(stdout.trim()), Number(gid.trim()));
	}
	const asPostgres = (binary: string, args: string[]) =>
		RUN_AS_POSTGRES.length > 0
			? ([RUN_AS_POSTGRES[0], [...RUN_AS_POSTGRES.slice(1), join(bin, binary), ...args]] as const)
			: ([join(bin, binary), args] as const);
	const [initdb, initArgs] = asPostgres('initdb', [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	await run(initdb, [...initArgs]).catch((error: { stderr?: string; message: string }) => {
		throw new StepError(
			`PostgreSQL is unavailable: initdb failed: ${tail(error.stderr ?? error.message, 10)}`,
		);
	});
	const port = await freePort();
	const [command, args] = asPostgres('postgres', [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
	]);
	const server = processes.start('PostgreSQL', command, [...args]);
	const psql = async (database: string, sql: string) => {
		const { stdout } = await run(
			join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				database,
				'-AtF',
				'\t',
				'-c',
				sql,
			],
			{
				maxBuffer: 64 * 1024 * 1024,
			},
		);
		return stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	};
	await waitFor('PostgreSQL', server, () =>
		psql('postgres', 'SELECT 1').then(
			() => true,
			() => false,
		),
	);
	await psql('postgres', `CREATE DATABASE ${DATABASE}`);
	return {
		port,
		database: DATABASE,
		user: 'postgres',
		process: server,
		query: (sql) => psql(DATABASE, sql),
	};
}

/** A Redis that keeps nothing on disk. */
export async function startRedis(
	processes: Processes,
	dir: string,
	binary = REDIS_SERVER,
): Promise<Redis> {
	if (!existsSync(binary))
		throw new StepError(`Redis is unavailable: no ${binary} (apt-get install redis-server)`);
	const port = await freePort();
	const server = processes.start('Redis', binary, [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	]);
	await waitFor('Redis', server, () => redisPing(port));
	return { port, process: server };
}

/** The environment that puts n8n in queue mode on these two servers; every instance must share `encryptionKey`. */
export function queueEnvironment(
	postgres: Postgres,
	redis: Redis,
	encryptionKey: string,
): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
		socket.setTimeout(1000, () => socket.destroy());
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('close', () => resolve(false));
	});
}

/** Waits for a server; fails with a message that starts "<name> is unavailable" when it does not come up. */
async function waitFor(
	name: string,
	server: ManagedProcess,
	isReady: () => Promise<boolean>,
): Promise<void> {
	await waitUntilReady(name, server, isReady, READY_TIMEOUT_MS).catch((error: Error) => {
		throw new StepError(`${name} is unavailable: ${error.message}`);
	});
}
