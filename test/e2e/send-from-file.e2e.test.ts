/**
 * Batch → Send From File in a real n8n on every tested version: Read/Write Files from Disk reads a generated CSV
 * of contacts (quoted commas, doubled quotes, non-ASCII names, CRLF) and Send From File sends each record's columns
 * as a user event. With n8n's binary data in the filesystem (the node streams the file) and in memory (`default`:
 * the node reads the item's buffer), every record reaches the sandbox exactly once; a Dry Run sends nothing; a run
 * resumed at record N sends exactly records N to the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contactRows, writeContactsCsv, type ContactRow } from '../../tooling/n8n/bench-files';
import { SANDBOX_CREDENTIAL, type ExampleWorkflow } from '../../tooling/n8n/examples';
import type { Execution } from '../../tooling/n8n/execution';
import { PACKAGE_NAME, REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession } from '../../tooling/n8n/session';
import { selectedTargets } from '../../tooling/n8n/versions';

const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

/** Three batches of 1000 and a partial one. */
const RECORDS = 3_250;
const RESUME_AT = 1_234;
const SEND = 'Send From File';

type Run = { id: string; name: string; send: Record<string, unknown> };
const RUNS = {
	whole: { id: 'mappFileWhole', name: 'Send From File: whole file', send: {} },
	dryRun: {
		id: 'mappFileDryRun',
		name: 'Send From File: Dry Run',
		send: { batchOptions: { dryRun: true } },
	},
	resumed: {
		id: 'mappFileResumed',
		name: 'Send From File: resumed',
		send: { startAtRecord: RESUME_AT },
	},
} satisfies Record<string, Run>;

/** Manual Trigger → Read/Write Files from Disk → Batch → Send From File (node version 2), whole records as user events. */
function workflowJson(run: Run, csvPath: string) {
	const node = (name: string, x: number, rest: object) => ({
		id: `${run.id}-${x}`,
		name,
		position: [x, 0],
		...rest,
	});
	return {
		id: run.id,
		name: run.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Start', 0, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }),
			node('Read contacts', 200, {
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				parameters: { fileSelector: csvPath, options: {} },
			}),
			node(SEND, 400, {
				type: `${PACKAGE_NAME}.mappConnect`,
				typeVersion: 2,
				parameters: {
					resource: 'batch',
					operation: 'sendFile',
					eventKind: 'userUpsert',
					eventSource: 'wholeRecord',
					...run.send,
				},
				credentials: {
					[SANDBOX_CREDENTIAL.type]: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Read contacts', type: 'main', index: 0 }]] },
			'Read contacts': { main: [[{ node: SEND, type: 'main', index: 0 }]] },
		},
	};
}

const byEmail = (a: { email?: unknown }, b: { email?: unknown }) =>
	String(a.email).localeCompare(String(b.email));

/** The one summary item Send From File gives. */
function summary(execution: Execution): Record<string, unknown> {
	assert.equal(execution.status, 'success', `the run failed: ${execution.error}`);
	const outputs = execution.nodes.find((run) => run.node === SEND)?.outputs[0] ?? [];
	assert.equal(outputs.length, 1, 'Send From File gives one summary item');
	return outputs[0];
}

for (const target of selectedTargets()) {
	describe(`Batch → Send From File (n8n ${target.n8n})`, () => {
		let session: N8nSession;
		const dir = mkdtempSync(join(tmpdir(), 'mapp-send-file-'));
		const rows: ContactRow[] = [...contactRows(RECORDS)];

		/** What the sandbox received, each event's body, sorted; asserts every request was accepted. */
		const received = async () => {
			const events = await session.sandboxEvents();
			assert.ok(events.every((event) => event.subtype === 'user' && event.batch));
			return events.map((event) => event.body).sort(byEmail);
		};

		before(
			async () => {
				const csvPath = await writeContactsCsv(dir, RECORDS);
				const workflows: ExampleWorkflow[] = Object.values(RUNS).map((run) => {
					const path = join(dir, `${run.id}.json`);
					writeFileSync(path, JSON.stringify(workflowJson(run, csvPath)));
					return { file: `${run.id}.json`, path, id: run.id, name: run.name, packageNodes: [SEND] };
				});
				session = await N8nSession.open(target, {
					keepLogAt: join(REPO_ROOT, 'test-results', 'e2e', `send-from-file-n8n-${target.n8n}.log`),
					// n8n 2.x lets Read/Write Files from Disk read only the folders listed here.
					environment: { N8N_RESTRICT_FILE_ACCESS_TO: dir },
				});
				await session.importWorkflows(workflows);
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(async () => {
			await session?.close();
			rmSync(dir, { recursive: true, force: true });
		});

		for (const mode of ['filesystem', 'default']) {
			it(
				`delivers every record exactly once with binary data mode "${mode}"`,
				{ timeout: STEP_TIMEOUT_MS },
				async () => {
					await session.resetSandbox();
					const execution = await session.execute(RUNS.whole.id, {
						N8N_DEFAULT_BINARY_DATA_MODE: mode,
					});
					assert.deepEqual(await received(), rows);
					assert.deepEqual(
						[summary(execution)].map(
							({ recordsRead, eventsAccepted, rejected, resumeFromRecord }) => ({
								recordsRead,
								eventsAccepted,
								rejected,
								resumeFromRecord,
							}),
						),
						[
							{
								recordsRead: RECORDS,
								eventsAccepted: RECORDS,
								rejected: 0,
								resumeFromRecord: RECORDS + 1,
							},
						],
					);
				},
			);
		}

		it(
			'reads and checks every record on a Dry Run and sends nothing',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				await session.resetSandbox();
				const execution = await session.execute(RUNS.dryRun.id);
				assert.deepEqual(await received(), []);
				assert.equal(session.sandbox.requests.length, 0, 'no request reached the sandbox');
				assert.deepEqual(
					[summary(execution)].map(({ dryRun, recordsRead, events, eventsAccepted }) => ({
						dryRun,
						recordsRead,
						events,
						eventsAccepted,
					})),
					[{ dryRun: true, recordsRead: RECORDS, events: RECORDS, eventsAccepted: 0 }],
				);
			},
		);

		it(
			`sends exactly records ${RESUME_AT} to the end when resumed at record ${RESUME_AT}`,
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				await session.resetSandbox();
				const execution = await session.execute(RUNS.resumed.id);
				// Record numbers count from 1, the header row being no record.
				assert.deepEqual(await received(), rows.slice(RESUME_AT - 1).sort(byEmail));
				assert.equal(summary(execution).resumeFromRecord, RECORDS + 1);
			},
		);
	});
}
