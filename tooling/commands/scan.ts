import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StepError, step } from '../n8n/log';
import { buildAndPack } from '../n8n/package';
import { REPO_ROOT } from '../n8n/paths';
import { runScript } from '../n8n/script';
import { SCANNER, ensureCachedTool } from '../tools/cachedTools';

interface Analysis {
	passed: boolean;
	message?: string;
	details?: string;
}

interface ScannerModule {
	analyzePackage(dir: string, patterns: string[]): Promise<Analysis>;
	SOURCE_FILE_PATTERNS: string[];
}

/**
 * `npm run scan`: the two lint legs of n8n's community package scanner, run with the scanner's own code and config
 * (inline `eslint-disable` comments do not count there). The scanner itself only scans published packages: it checks
 * the npm provenance, then lints the attested source commit and the published tarball. Here the source is what git
 * would commit, and the tarball is `npm pack` of a fresh build.
 */
runScript(async () => {
	const scannerDir = await ensureCachedTool(SCANNER);
	const scannerFile = join(scannerDir, 'scanner', 'scanner.mjs');
	const scanner = (await import(pathToFileURL(scannerFile).href)) as ScannerModule;
	const tarballPatterns = tarballPatternsOf(readFileSync(scannerFile, 'utf8'));
	// Outside the repository: `n8n-node lint` lints every file under it that is not in node_modules or dist.
	const scanDir = mkdtempSync(join(tmpdir(), 'mapp-connect-scan-'));
	process.on('exit', () => rmSync(scanDir, { recursive: true, force: true }));

	const sourceDir = copyCommittableFiles(join(scanDir, 'source'));
	const packageDir = unpack(await buildAndPack(), join(scanDir, 'package'));

	const legs: Array<[string, string, string[]]> = [
		['source', sourceDir, scanner.SOURCE_FILE_PATTERNS],
		['packed tarball', packageDir, tarballPatterns],
	];
	const failed: string[] = [];
	for (const [label, dir, patterns] of legs) {
		const result = await scanner.analyzePackage(dir, patterns);
		step(
			`scanner ${SCANNER.version}, ${label} (${patterns.join(', ')}): ${result.passed ? 'passed' : result.message}`,
		);
		if (!result.passed) {
			failed.push(label);
			console.log(result.details ?? '');
		}
	}
	if (failed.length > 0)
		throw new StepError(
			`n8n's community package scanner rejects the package (${failed.join(', ')})`,
		);
});

/**
 * The scanner lints the tarball with a pattern list written inline in `analyzePackageByName`; it is read from there so
 * that a new scanner version cannot change it unnoticed.
 */
function tarballPatternsOf(scannerSource: string): string[] {
	if (!scannerSource.includes('analyzePackage(sourceDir, SOURCE_FILE_PATTERNS)')) {
		throw new StepError(
			`scanner ${SCANNER.version} no longer lints the source with SOURCE_FILE_PATTERNS: update tooling/commands/scan.ts`,
		);
	}
	const match = /analyzePackage\(packageDir,\s*(\[[^\]]*\])\s*\)/.exec(scannerSource);
	if (!match)
		throw new StepError(
			`scanner ${SCANNER.version}: its tarball patterns were not found: update tooling/commands/scan.ts`,
		);
	return JSON.parse(match[1].replace(/'/g, '"')) as string[];
}

/**
 * The scanner lints a GitHub archive of the attested commit: the files git tracks. This copies the files git would
 * commit now (tracked or new, not ignored), so that build output and ignored files do not count, uncommitted edits do.
 */
function copyCommittableFiles(target: string): string {
	const files = execFileSync(
		'git',
		['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
		{ cwd: REPO_ROOT, encoding: 'utf8' },
	)
		.split('\0')
		.filter((file) => file !== '');
	rmSync(target, { recursive: true, force: true });
	for (const file of files) {
		mkdirSync(dirname(join(target, file)), { recursive: true });
		try {
			copyFileSync(join(REPO_ROOT, file), join(target, file));
		} catch (error) {
			// A tracked file deleted in the work tree is not in the next commit either.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	return target;
}

/** Unpacks the tarball as the scanner does: `tar -xzf … --strip-components=1`. */
function unpack(tarball: string, target: string): string {
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	return target;
}
