/**
 * The package in a real n8n, installed as a community package, on every tested n8n version: each example workflow
 * runs with `n8n execute` against the sandbox, the credential's test passes in the editor's REST API (and fails with
 * the texts the in-process test expects: test/workflow/credential-test-cases.ts), and n8n logs
 * nothing wrong about the package. `N8N_VERSIONS=2.8.4` limits the run to the listed versions.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleWorkflows } from '../../tooling/n8n/examples';
import { packageWarnings } from '../../tooling/n8n/log-check';
import { REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession } from '../../tooling/n8n/session';
import { selectedTargets } from '../../tooling/n8n/versions';
import {
	FAILING_CREDENTIAL_TESTS,
	expectedMessage,
	startNotMapp,
} from '../workflow/credential-test-cases';
import { EXPECTATIONS, type ExpectedEvent } from './expectations';

const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

const targets = selectedTargets();

/** Events in a stable order, for comparing sets of events sent concurrently. */
const sorted = (events: ExpectedEvent[]) =>
	[...events].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

for (const target of targets) {
	describe(`n8n ${target.n8n} on Node ${target.node ?? process.versions.node}`, () => {
		let session: N8nSession;
		const examples = exampleWorkflows();

		before(
			async () => {
				session = await N8nSession.open(target, {
					keepLogAt: join(REPO_ROOT, 'test-results', 'e2e', `n8n-${target.n8n}.log`),
				});
				await session.importWorkflows(examples);
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(() => session?.close());

		it('has an expectation for every example workflow', () => {
			assert.deepEqual(
				examples.map((example) => example.file),
				EXPECTATIONS.map((expectation) => expectation.file),
			);
		});

		for (const expectation of EXPECTATIONS) {
			it(
				`runs ${expectation.file} and Mapp Connect receives its events`,
				{ timeout: STEP_TIMEOUT_MS },
				async () => {
					const example = examples.find((workflow) => workflow.file === expectation.file);
					assert.ok(example, `examples/${expectation.file} exists`);
					await session.resetSandbox();

					const execution = await session.execute(example.id);

					assert.equal(execution.status, 'success', `the run failed: ${execution.error}`);
					for (const [node, count] of Object.entries(expectation.itemCounts)) {
						const run = execution.nodes.find((nodeRun) => nodeRun.node === node);
						assert.ok(run, `node "${node}" ran`);
						assert.equal(run.outputs[0]?.length ?? 0, count, `items out of "${node}"`);
					}
					for (const run of execution.nodes.filter((nodeRun) =>
						example.packageNodes.includes(nodeRun.node),
					)) {
						for (const item of run.outputs[0] ?? []) {
							// Send From File gives one summary per file: Mapp accepted every record it read.
							const [got, wanted] =
								'recordsRead' in item
									? [
											[item.eventsAccepted, item.rejected],
											[item.recordsRead, 0],
										]
									: [
											[item.success, item.statusCode],
											[true, 200],
										];
							assert.deepEqual(got, wanted, `"${run.node}" returned ${JSON.stringify(item)}`);
						}
					}
					for (const [node, items] of Object.entries(expectation.outputs ?? {})) {
						assert.deepEqual(
							execution.nodes.find((nodeRun) => nodeRun.node === node)?.outputs[0],
							items,
							`output of "${node}"`,
						);
					}
					const received = (await session.sandboxEvents()).map(({ subtype, batch, body }) => ({
						subtype,
						batch,
						body,
					}));
					assert.deepEqual(sorted(received), sorted(expectation.events));
				},
			);
		}

		it(
			'passes the credential test in the editor, and fails it with the texts the in-process test expects',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				const editor = await session.startEditor();
				const api = await session.signUpOwner(editor);
				const credential = session.credential;
				const notMapp = await startNotMapp();
				try {
					assert.deepEqual(await api.testCredential(credential), {
						status: 'OK',
						message: 'Connection successful!',
					});

					for (const test of FAILING_CREDENTIAL_TESTS) {
						const urls = {
							sandboxBaseUrl: session.sandbox.baseUrl,
							notMappBaseUrl: notMapp.baseUrl,
						};
						const before = {
							sandbox: session.sandbox.requests.length,
							notMapp: notMapp.received(),
						};
						if (test.fault) session.sandbox.injectFault(test.fault(urls));
						const data = { ...credential.data, ...test.change(urls) };
						const result = await api.testCredential({ ...credential, data });
						assert.deepEqual(
							result,
							{ status: 'Error', message: expectedMessage(test, urls) },
							`the credential test with ${test.what}`,
						);
						const statuses = session.sandbox.requests
							.slice(before.sandbox)
							.map(({ status }) => status);
						assert.deepEqual(
							statuses,
							test.sandboxStatuses,
							`what the sandbox answered the test with ${test.what}`,
						);
						assert.equal(
							notMapp.received() - before.notMapp,
							test.notMappRequests ?? 0,
							`requests that reached the server that is not Mapp, with ${test.what}`,
						);
						session.sandbox.clearFaults();
					}
				} finally {
					await notMapp.close();
				}
			},
		);

		it('logs no warning or error about the package, its node or its credential', () => {
			assert.deepEqual(packageWarnings(session.log), []);
		});
	});
}
