import { join } from 'node:path';
import { installedVersion, npmInstall } from '../n8n/install';
import { CACHE_DIR } from '../n8n/paths';

export interface CachedTool {
	name: string;
	version: string;
	/** Its folder under `.cache/`, one subfolder per version. */
	folder: string;
}

/*
 * n8n's community package scanner, for `npm run scan`. It is not a devDependency: it runs on its own as n8n runs it,
 * with its own rules (@n8n/eslint-plugin-community-nodes 0.29.0) and TypeScript (7.0.2), neither of which is the
 * project's; so it is installed into `.cache/`, with install scripts off (linting needs none).
 */
export const SCANNER: CachedTool = {
	name: '@n8n/scan-community-package',
	version: '0.32.0',
	folder: 'scanner',
};

/*
 * n8n's node CLI, for `npm run lint` (tooling/commands/lint.ts): its `n8n-node lint` and the ESLint config that
 * `eslint.config.mjs` imports. Not a devDependency, for the reasons given there.
 */
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
