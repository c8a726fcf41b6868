import { ensureN8n } from './install';
import { StepError, step } from './log';
import { TESTED_TARGETS } from './versions';

/** `npm run n8n:install`: installs every tested n8n version (CI runs it before the e2e tests). */
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
