/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node code for tests and tools, never run inside n8n (CONTRIBUTING.md: Lint in strict mode) */
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { installedVersion, npmInstall } from '../n8n/install';
import { CACHE_DIR, REPO_ROOT } from '../n8n/paths';

export interface CachedTool {
	name: string;
	version: string;
	/** Its folder under `.cache/`, one subfolder per version. */
	folder: string;
}

/*
 * n8n's own tools for community packages. Neither can be a devDependency: both pull n8n-workflow's expression
 * runtime and with it `isolated-vm`, whose native build fails on Node 20, so `npm ci` would fail. What is used here
 * (ESLint configs and rules, the CLI) never loads isolated-vm, so they are installed with install scripts off.
 */
export const SCANNER: CachedTool = {
	name: '@n8n/scan-community-package',
	version: '0.32.0',
	folder: 'scanner',
};
export const NODE_CLI: CachedTool = {
	name: '@n8n/node-cli',
	version: '0.48.3',
	folder: 'node-cli',
};

/** Installs `tool` into the git-ignored `.cache/<folder>/<version>` unless it is there; returns its package folder. */
export async function ensureCachedTool(tool: CachedTool): Promise<string> {
	const dir = join(CACHE_DIR, tool.folder, tool.version);
	if (installedVersion(dir, tool.name) !== tool.version) {
		const manifest = {
			name: `cached-${tool.folder}`,
			private: true,
			dependencies: { [tool.name]: tool.version },
		};
		await npmInstall(dir, manifest, `${tool.name} ${tool.version}`, null, ['--ignore-scripts']);
	}
	return join(dir, 'node_modules', tool.name);
}

/**
 * Makes a cached package importable from the project as `node_modules/<name>` (a symlink, renewed after `npm ci`
 * removes it). A real install in its place, should there ever be one, is left alone.
 */
export function linkIntoNodeModules(name: string, packageDir: string): void {
	const link = join(REPO_ROOT, 'node_modules', name);
	let existing: string | undefined;
	try {
		const stat = lstatSync(link);
		if (!stat.isSymbolicLink()) return;
		existing = readlinkSync(link);
	} catch {
		existing = undefined;
	}
	if (existing === packageDir) return;
	rmSync(link, { force: true });
	mkdirSync(dirname(link), { recursive: true });
	symlinkSync(packageDir, link, 'dir');
}
