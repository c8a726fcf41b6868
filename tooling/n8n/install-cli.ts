/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- Node code for tests and tools, never run inside n8n (CONTRIBUTING.md: Lint in strict mode) */
import { ensureN8n } from './install';
import { StepError, step } from './log';
import { TESTED_TARGETS } from './versions';

/** `tsx scripts/n8n/install-cli.ts`: installs every tested n8n version (CI runs it before the e2e tests). */
async function main(): Promise<void> {
	for (const target of TESTED_TARGETS) {
		const installation = await ensureN8n(target);
		step(`n8n ${target.n8n} ready: ${installation.n8nBin} on ${installation.nodeBin}`);
	}
}

main().catch((error: Error) => {
	console.error(error instanceof StepError ? `[n8n] ${error.message}` : error);
	process.exit(1);
});
