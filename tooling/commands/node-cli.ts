/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node code for tests and tools, never run inside n8n (CONTRIBUTING.md: Lint in strict mode) */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { StepError } from './n8n/log';
import { REPO_ROOT } from './n8n/paths';
import { runScript } from './n8n/script';
import { NODE_CLI, ensureCachedTool, linkIntoNodeModules } from './tools/cachedTools';

/**
 * `tsx scripts/node-cli.ts lint [--fix]`: n8n's node CLI (`n8n-node`) at the pinned version, from `.cache/`.
 * `eslint.config.mjs` is node-cli's unmodified default, which imports `@n8n/node-cli/eslint`: hence the link.
 */
runScript(async () => {
	const cli = await ensureCachedTool(NODE_CLI);
	linkIntoNodeModules(NODE_CLI.name, cli);
	const args = process.argv.slice(2);
	const code = await new Promise<number | null>((resolve, reject) => {
		const child = spawn(process.execPath, [join(cli, 'bin', 'n8n-node.mjs'), ...args], {
			cwd: REPO_ROOT,
			stdio: 'inherit',
		});
		child.on('error', reject);
		child.on('close', resolve);
	});
	if (code !== 0) throw new StepError(`n8n-node ${args.join(' ')} failed (exit ${code})`);
});
