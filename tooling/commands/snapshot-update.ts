import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from '../n8n/paths';
import { runScript } from '../n8n/script';
import { StepError } from '../n8n/log';
import { breakingChanges } from '../descriptions/compare';
import {
	APPROVED_FILE,
	RELEASED_FILE,
	currentSnapshot,
	formatSnapshot,
	readSnapshot,
} from '../descriptions/snapshot';

/**
 * `npm run snapshot:update`: writes the descriptions' snapshot of the code to test/descriptions/approved.json, after
 * a change to a node or credential description (review its diff, add a CHANGELOG line). With `--release` (a step of
 * every release, docs/releasing.md) it also records it as the released one, with package.json's version.
 */
runScript(async () => {
	const snapshot = await currentSnapshot();
	mkdirSync(dirname(APPROVED_FILE), { recursive: true });
	writeFileSync(APPROVED_FILE, formatSnapshot(snapshot));
	console.log(`wrote ${relative(REPO_ROOT, APPROVED_FILE)}`);

	if (process.argv.includes('--release')) {
		const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
			version: string;
		};
		writeFileSync(RELEASED_FILE, formatSnapshot({ version, ...snapshot }));
		console.log(`wrote ${relative(REPO_ROOT, RELEASED_FILE)} for version ${version}`);
	} else {
		const breaking = breakingChanges(readSnapshot(RELEASED_FILE), snapshot);
		if (breaking.length > 0) {
			throw new StepError(
				`written, but it would break saved workflows of the released version; keep that node version as it was and add a new node version for the change:\n${breaking.join('\n')}`,
			);
		}
	}
});
