import { spawn } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_DIR } from './paths';
import { N8N_OVERRIDES, type N8nTarget } from './versions';
import { StepError, formatDuration, step } from './log';

export interface N8nInstallation {
	target: N8nTarget;
	/** The Node binary n8n runs on. */
	nodeBin: string;
	/** n8n's CLI entry, run as `nodeBin n8nBin …`. */
	n8nBin: string;
}

const HEARTBEAT_MS = 30_000;

/** Installs n8n (and the Node it needs) into `.cache/` unless that version is there already. */
export async function ensureN8n(target: N8nTarget): Promise<N8nInstallation> {
	const nodeBin = target.node ? await ensureNode(target.node) : process.execPath;
	const dir = join(CACHE_DIR, 'n8n', target.n8n);
	const manifest = {
		name: 'n8n-runtime',
		private: true,
		dependencies: { n8n: target.n8n },
		overrides: N8N_OVERRIDES,
	};
	if (installedVersion(dir, 'n8n') !== target.n8n) {
		await npmInstall(dir, manifest, `n8n ${target.n8n}`, target.node ? nodeBin : null);
	}
	return { target, nodeBin, n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** Node from the npm package `node`, which carries the official binary and headers for native builds. */
async function ensureNode(version: string): Promise<string> {
	const dir = join(CACHE_DIR, 'node', version);
	if (installedVersion(dir, 'node') !== version) {
		await npmInstall(
			dir,
			{ name: 'node-runtime', private: true, dependencies: { node: version } },
			`Node ${version}`,
			null,
		);
	}
	return join(dir, 'node_modules', 'node', 'bin', 'node');
}

export function installedVersion(dir: string, packageName: string): string | undefined {
	const manifest = join(dir, 'node_modules', packageName, 'package.json');
	return existsSync(manifest)
		? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
		: undefined;
}

/** The folder of the official Node distribution inside the `node` package: `bin/`, `include/node/`. */
function nodeDistribution(nodeBin: string): string {
	return join(
		dirname(dirname(nodeBin)),
		'node_modules',
		`node-${process.platform}-${process.arch}`,
	);
}

function npmCli(): string {
	return process.env.npm_execpath?.endsWith('npm-cli.js')
		? process.env.npm_execpath
		: join(
				dirname(realpathSync(process.execPath)),
				'..',
				'lib',
				'node_modules',
				'npm',
				'bin',
				'npm-cli.js',
			);
}

/**
 * `npm install` into `dir`, its output in `dir/install.log`. With `nodeBin`, npm and every install script run on that
 * Node and native modules are built against its headers, so that they load in that Node. `extraArgs` go to npm as they are.
 * npm works in a folder of this process's own beside `dir`, renamed to `dir` when it succeeds: so `dir` holds a whole
 * installation or none, even when two runs (two checkouts sharing one `.cache`) install the same version at once,
 * and a run never starts a half-installed n8n. A failed install is kept as `dir.failed` for its log.
 */
export async function npmInstall(
	dir: string,
	manifest: object,
	label: string,
	nodeBin: string | null,
	extraArgs: string[] = [],
): Promise<void> {
	const work = `${dir}.partial-${process.pid}`;
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	writeFileSync(join(work, 'package.json'), JSON.stringify(manifest, null, '\t') + '\n');
	const logFile = join(work, 'install.log');
	step(`installing ${label} into ${dir} (takes minutes the first time; log: ${logFile})`);
	const env = { ...process.env };
	if (nodeBin) {
		env.PATH = `${dirname(nodeBin)}:${env.PATH ?? ''}`;
		env.npm_config_nodedir = nodeDistribution(nodeBin);
	}
	const [command, args] = nodeBin ? [nodeBin, [npmCli(), 'install']] : ['npm', ['install']];
	const started = Date.now();
	const heartbeat = setInterval(() => {
		const modules = join(work, 'node_modules');
		const count = existsSync(modules) ? readdirSync(modules).length : 0;
		step(
			`  ${label}: still installing, ${formatDuration(Date.now() - started)} (${count} top-level packages so far)`,
		);
	}, HEARTBEAT_MS);
	try {
		const code = await new Promise<number | null>((resolvePromise, reject) => {
			const log = createWriteStream(logFile);
			const child = spawn(command, [...args, '--no-audit', '--no-fund', ...extraArgs], {
				cwd: work,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			child.stdout.pipe(log, { end: false });
			child.stderr.pipe(log, { end: false });
			child.on('error', reject);
			child.on('close', (exitCode) => log.end(() => resolvePromise(exitCode)));
		});
		if (code !== 0) {
			const failed = `${dir}.failed`;
			rmSync(failed, { recursive: true, force: true });
			renameSync(work, failed);
			const failedLog = join(failed, 'install.log');
			const tail = readFileSync(failedLog, 'utf8').trim().split('\n').slice(-15).join('\n');
			throw new StepError(
				`installing ${label} failed (npm exit ${code}); the end of ${failedLog}:\n${tail}`,
			);
		}
		putInPlace(work, dir);
	} finally {
		clearInterval(heartbeat);
		rmSync(work, { recursive: true, force: true });
	}
	step(`installed ${label} in ${formatDuration(Date.now() - started)}`);
}

/** Renames the finished installation `work` to `dir`, unless another run's finished one got there first. */
function putInPlace(work: string, dir: string): void {
	const manifest = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	const [[name, version]] = Object.entries(manifest.dependencies);
	if (installedVersion(dir, name) === version) return;
	// What is there is an older version, or a half install by an earlier version of this code: moved aside at once
	// (a rename), then removed, so that nothing can write into it between the removal and the rename.
	const stale = `${dir}.stale-${process.pid}`;
	if (existsSync(dir)) renameSync(dir, stale);
	renameSync(work, dir);
	rmSync(stale, { recursive: true, force: true });
}
