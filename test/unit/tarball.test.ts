/**
 * The files `npm pack` puts into the published tarball, from the dist/ of the last build (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MappConnect } from '../../nodes/MappConnect/MappConnect.node';
import { MappConnectTrigger } from '../../nodes/MappConnectTrigger/MappConnectTrigger.node';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { MappConnectCallbackAuthApi } from '../../credentials/MappConnectCallbackAuthApi.credentials';
import { expectedTarballFiles, tarballProblems } from '../../tooling/n8n/tarball-contents';

const ROOT = path.join(__dirname, '..', '..');

function packedFiles(): string[] {
	if (!existsSync(path.join(ROOT, 'dist'))) throw new Error('Build first: npm run build');
	const stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [{ files }] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
	return files.map((file) => file.path).sort();
}

/** `file:` icon paths of a node (relative to its compiled file) or credential, as paths in the tarball. */
function iconFiles(compiledAt: string, icon: unknown): string[] {
	const paths = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return paths
		.filter((entry) => entry.startsWith('file:'))
		.map((entry) => path.posix.join(path.posix.dirname(compiledAt), entry.slice('file:'.length)));
}

describe('the published tarball', () => {
	let packed: string[];
	beforeAll(() => {
		packed = packedFiles();
	}, 60_000);

	it('holds exactly the compiled nodes and credentials, their codex files, icons and type declarations', () => {
		expect(tarballProblems(packed)).toEqual([]);
		expect(packed).toEqual(expectedTarballFiles());
	});

	it('holds no source map, no build cache, no source, test or tooling file', () => {
		expect(
			packed.filter((file) => /\.map$|tsbuildinfo|^(nodes|credentials|test|tooling)\//.test(file)),
		).toEqual([]);
	});

	it('holds every icon the nodes and credentials point to', () => {
		const icons = [
			...iconFiles(
				'dist/nodes/MappConnect/MappConnect.node.js',
				new MappConnect().description.icon,
			),
			...iconFiles(
				'dist/nodes/MappConnectTrigger/MappConnectTrigger.node.js',
				new MappConnectTrigger().description.icon,
			),
			...iconFiles('dist/credentials/MappConnectApi.credentials.js', new MappConnectApi().icon),
			...iconFiles(
				'dist/credentials/MappConnectCallbackAuthApi.credentials.js',
				new MappConnectCallbackAuthApi().icon,
			),
		];
		expect(icons.length).toBeGreaterThan(0);
		expect(icons.filter((icon) => !packed.includes(icon))).toEqual([]);
	});
});
