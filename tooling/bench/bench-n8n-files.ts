/**
 * The file paths of `npm run bench:n8n` (tooling/n8n/bench-files.ts): each size's CSV written once into a temporary
 * folder that n8n may read (N8N_RESTRICT_FILE_ACCESS_TO), each path run once per size in a fresh n8n after a warm-up
 * of 200 rows, so that its peak memory is its own. A path that breaks at a size is recorded with its failure.
 */
import { deepStrictEqual } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	contactRows,
	fileTimedNodes,
	fileWorkflow,
	writeContactsCsv,
	type FileSource,
} from '../n8n/bench-files';
import { measureRun } from '../n8n/bench-measure';
import { formatRows, type PathResult } from '../n8n/bench-report';
import { step } from '../n8n/log';
import { createWorkflow } from '../n8n/manual-run';
import type { RunningN8n } from '../n8n/running-n8n';
import type { N8nSession } from '../n8n/session';

export interface FilePath {
	key: string;
	label: string;
	source: FileSource;
}

const WARM_UP_ROWS = 200;

/** A temporary folder for the CSV files; n8n's Read/Write Files from Disk is allowed to read it. */
export function csvFolder(): { dir: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'bench-n8n-files-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every path at every size; `quick` runs them in one n8n and checks each record arrived exactly once. */
export async function runFilePaths(
	session: N8nSession,
	n8n: RunningN8n,
	paths: FilePath[],
	options: {
		dir: string;
		rows: number[];
		quick: boolean;
		/** Called after each run's n8n has stopped (with --cpu-prof: its profile is written then). */
		stopped?: (title: string, windowUs: [number, number]) => void;
	},
): Promise<PathResult[]> {
	const results: PathResult[] = [];
	if (paths.length === 0) return results;
	const warmUpFile = options.quick ? undefined : await writeContactsCsv(options.dir, WARM_UP_ROWS);
	for (const rows of options.rows) {
		step(`writing a CSV of ${rows.toLocaleString('en')} contacts`);
		const file = await writeContactsCsv(options.dir, rows);
		for (const path of paths) {
			const name = `bench:n8n (${path.key}) ${path.label}`;
			const { api, pid, process, fresh } = await n8n.get();
			const workflowId = await createWorkflow(api, fileWorkflow(name, file, path.source));
			const target = { session, api, n8nPid: pid, workflowId, timed: fileTimedNodes(path.source) };
			if (fresh && warmUpFile)
				await measureRun({
					...target,
					workflow: fileWorkflow(name, warmUpFile, path.source),
					items: WARM_UP_ROWS,
				});
			step(`(${path.key}) ${path.label}, ${rows.toLocaleString('en')} rows`);
			const figures = await measureRun({
				...target,
				workflow: fileWorkflow(name, file, path.source),
				items: rows,
				keepFailure: !options.quick,
				n8nProcess: process,
			});
			if (options.quick) checkEachRecordOnce(session, rows);
			else {
				await n8n.stop();
				options.stopped?.(
					`(${path.key}) ${path.label}, ${rows.toLocaleString('en')} rows`,
					figures.windowUs,
				);
			}
			results.push({ key: path.key, label: path.label, items: rows, figures });
			console.log(formatRows(results.slice(-1)));
		}
	}
	return results;
}

/** The sandbox received each record of the file exactly once, and nothing else. */
function checkEachRecordOnce(session: N8nSession, rows: number): void {
	const received = session.sandbox.events.map((event) => String(event.body.email)).sort();
	const expected = [...contactRows(rows)].map((row) => row.email).sort();
	deepStrictEqual(received, expected, 'the sandbox did not receive each record exactly once');
}
