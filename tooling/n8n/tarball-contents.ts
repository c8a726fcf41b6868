import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * What the published tarball holds: what n8n loads (the compiled nodes and credentials, their codex `.node.json`
 * files, the icons), the type declarations and `dist/package.json` that n8n's own `n8n-node build` emits with the
 * same compiler settings, and the files npm always adds. No source maps (they would point to `.ts` files the
 * tarball does not hold) and no build cache (`tsconfig.tsbuildinfo`).
 */
export function expectedTarballFiles(): string[] {
	const { main } = readPackageJson();
	const compiled = ['nodes', 'credentials'].flatMap((folder) =>
		filesUnder(folder).flatMap((file) => {
			if (file.endsWith('.ts')) {
				const stem = file.slice(0, -'.ts'.length);
				return [`dist/${stem}.js`, `dist/${stem}.d.ts`];
			}
			return file.endsWith('.json') ? [`dist/${file}`] : [];
		}),
	);
	const icons = filesUnder('icons')
		.filter((file) => file.endsWith('.svg'))
		.map((file) => `dist/${file}`);
	return [
		'package.json',
		'README.md',
		'LICENSE',
		main,
		'dist/package.json',
		...compiled,
		...icons,
	].sort();
}

/** What is wrong with a tarball's file list (as `npm pack --json` reports its paths): nothing when it is empty. */
export function tarballProblems(packed: string[]): string[] {
	const expected = expectedTarballFiles();
	const { n8n } = readPackageJson();
	const missingEntryPoints = [...n8n.nodes, ...n8n.credentials].filter(
		(entry) => !packed.includes(entry),
	);
	return [
		...missingEntryPoints.map((entry) => `lacks ${entry}, which package.json announces to n8n`),
		...expected
			.filter((file) => !packed.includes(file) && !missingEntryPoints.includes(file))
			.map((file) => `lacks ${file}`),
		...packed.filter((file) => !expected.includes(file)).map((file) => `should not hold ${file}`),
	];
}

interface PackageJson {
	main: string;
	n8n: { nodes: string[]; credentials: string[] };
}

function readPackageJson(): PackageJson {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** The files under a folder of the repository, as paths relative to its root. */
function filesUnder(folder: string): string[] {
	return readdirSync(join(REPO_ROOT, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}
