import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE_DIR, PACKAGE_NAME, REPO_ROOT } from './paths';
import { StepError, step } from './log';
import { tarballProblems } from './tarball-contents';

const run = promisify(execFile);

/** What n8n's community-package install passes to `npm install` inside the package folder. */
const COMMUNITY_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

let packed: Promise<string> | undefined;

/** Builds the package and packs it as it would be published; once per script run. Returns the tarball's path. */
export function buildAndPack(): Promise<string> {
	packed ??= (async () => {
		step('building the package (npm run build)');
		await npm(['run', 'build'], REPO_ROOT, 'npm run build');
		const destination = join(CACHE_DIR, 'pack');
		mkdirSync(destination, { recursive: true });
		const stdout = await npm(
			['pack', '--json', '--pack-destination', destination],
			REPO_ROOT,
			'npm pack',
		);
		const [{ filename, files }] = JSON.parse(stdout) as Array<{
			filename: string;
			files: Array<{ path: string }>;
		}>;
		const problems = tarballProblems(files.map((file) => file.path));
		if (problems.length > 0) {
			throw new StepError(
				`the packed package ${problems.join('; ')} (did another build change dist/ meanwhile?)`,
			);
		}
		step(`packed ${filename}`);
		return join(destination, filename);
	})();
	return packed;
}

/**
 * Installs the tarball into `<user folder>/.n8n/nodes` the way n8n's community-package install does: unpacked into
 * `node_modules/<name>` without its dev, peer and optional dependencies, `npm install` run inside it, and the package
 * listed in `nodes/package.json`. n8n then loads it as `n8n-nodes-mapp-connect.<node>`.
 */
export async function installIntoUserFolder(tarball: string, userFolder: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & {
		version: string;
	};
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete manifest[field];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await npm(['install', ...COMMUNITY_INSTALL_ARGS], packageDir, `npm install in ${packageDir}`);
	const listPath = join(nodesDir, 'package.json');
	const list: InstalledNodes = readJson(listPath) ?? {
		name: 'installed-nodes',
		private: true,
		dependencies: {},
	};
	list.dependencies[PACKAGE_NAME] = manifest.version;
	writeFileSync(listPath, JSON.stringify(list, null, 2));
}

interface InstalledNodes {
	name: string;
	private: boolean;
	dependencies: Record<string, string>;
}

function readJson(path: string): InstalledNodes | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

async function npm(args: string[], cwd: string, label: string): Promise<string> {
	try {
		const { stdout } = await run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new StepError(
			`${label} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n')}`,
		);
	}
}
