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
import { measureRun, medianFigures, type MeasuredRun } from '../n8n/bench-measure';
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

interface FileRunOptions {
	dir: string;
	rows: number[];
	quick: boolean;
	/** Runs of each path at each size, each in a fresh n8n; the figures are their medians (quick: 1). */
	runs: number;
	/** Called after each run's n8n has stopped (with --cpu-prof: its profile is written then). */
	stopped?: (title: string, windowUs: [number, number]) => void;
}

/**
 * Every path at every size; `quick` runs them in one n8n and checks each record arrived exactly once. With several
 * runs, a path's figures are the medians of its runs, or the first failed run's when one failed.
 */
export async function runFilePaths(
	session: N8nSession,
	n8n: RunningN8n,
	paths: FilePath[],
	options: FileRunOptions,
): Promise<PathResult[]> {
	const results: PathResult[] = [];
	if (paths.length === 0) return results;
	const warmUpFile = options.quick ? undefined : await writeContactsCsv(options.dir, WARM_UP_ROWS);
	const runs = options.quick ? 1 : options.runs;
	for (const rows of options.rows) {
		step(`writing a CSV of ${rows.toLocaleString('en')} contacts`);
		const file = await writeContactsCsv(options.dir, rows);
		for (const path of paths) {
			const title = `(${path.key}) ${path.label}, ${rows.toLocaleString('en')} rows`;
			const measured: MeasuredRun[] = [];
			for (let run = 1; run <= runs; run++) {
				step(runs > 1 ? `${title}: run ${run} of ${runs}` : title);
				const figures = await measureFilePath(session, n8n, path, {
					title,
					file,
					rows,
					warmUpFile,
					options,
				});
				if (runs > 1) step(`${title}: run ${run}: wall ${(figures.wallMs / 1000).toFixed(2)} s`);
				measured.push(figures);
			}
			const figures = measured.find((run) => run.failure) ?? medianFigures(measured);
			results.push({ key: path.key, label: path.label, items: rows, figures });
			console.log(formatRows(results.slice(-1)));
		}
	}
	return results;
}

/** One run of a path on one file: in a fresh n8n after a warm-up (stopped after it), or in the quick mode's n8n. */
async function measureFilePath(
	session: N8nSession,
	n8n: RunningN8n,
	path: FilePath,
	run: { title: string; file: string; rows: number; warmUpFile?: string; options: FileRunOptions },
): Promise<MeasuredRun> {
	const name = `bench:n8n (${path.key}) ${path.label}`;
	const { api, pid, process, fresh } = await n8n.get();
	const workflowId = await createWorkflow(api, fileWorkflow(name, run.file, path.source));
	const target = { session, api, n8nPid: pid, workflowId, timed: fileTimedNodes(path.source) };
	if (fresh && run.warmUpFile)
		await measureRun({
			...target,
			workflow: fileWorkflow(name, run.warmUpFile, path.source),
			items: WARM_UP_ROWS,
		});
	const figures = await measureRun({
		...target,
		workflow: fileWorkflow(name, run.file, path.source),
		items: run.rows,
		keepFailure: !run.options.quick,
		n8nProcess: process,
	});
	if (run.options.quick) checkEachRecordOnce(session, run.rows);
	else {
		await n8n.stop();
		run.options.stopped?.(run.title, figures.windowUs);
	}
	return figures;
}

/** The sandbox received each record of the file exactly once, and nothing else. */
function checkEachRecordOnce(session: N8nSession, rows: number): void {
	const received = session.sandbox.events.map((event) => String(event.body.email)).sort();
	const expected = [...contactRows(rows)].map((row) => row.email).sort();
	deepStrictEqual(received, expected, 'the sandbox did not receive each record exactly once');
}
