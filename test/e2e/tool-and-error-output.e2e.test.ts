/**
 * Two things a user does with the node in the editor, in a real n8n on every tested version, runs started through
 * the editor's REST API: the tool variant run on its own with `$fromAI` values ("Execute step" on a tool), and
 * "On Error → Continue (using error output)" with one bad item among good ones, for a single operation and for
 * Batch → Send. `N8N_VERSIONS=2.8.4` limits the run to the listed versions (see `selectedTargets`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EditorApi } from '../../tooling/n8n/editor';
import type { Execution } from '../../tooling/n8n/execution';
import { packageWarnings } from '../../tooling/n8n/log-check';
import { REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession } from '../../tooling/n8n/session';
import { selectedTargets } from '../../tooling/n8n/versions';
import { TOOL_CASES, TOOL_TYPE, agentToolWorkflow, executeToolStep } from './agent-tool';
import {
	BAD_ITEM,
	BAD_ITEM_ERROR,
	CONTACTS,
	ERROR_OUTPUT_CASES,
	FAILED_NODE,
	GOOD_ITEMS,
	MANUAL_TRIGGER_NODE,
	MAPP_NODE,
	SENT_NODE,
	errorOutputWorkflow,
} from './error-output';
import { runToEnd } from './manual-runs';

const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

const targets = selectedTargets();

const runOf = (execution: Execution, node: string) =>
	execution.nodes.find((run) => run.node === node);

for (const target of targets) {
	describe(`agent tool and error output in n8n ${target.n8n} on Node ${target.node ?? process.versions.node}`, () => {
		let session: N8nSession;
		let api: EditorApi;
		const events = async () =>
			(await session.sandboxEvents()).map(({ subtype, batch, body }) => ({ subtype, batch, body }));

		before(
			async () => {
				session = await N8nSession.open(target, {
					keepLogAt: join(
						REPO_ROOT,
						'test-results',
						'e2e',
						`n8n-${target.n8n}-tool-and-error-output.log`,
					),
				});
				await session.importWorkflowData([
					...TOOL_CASES.map(agentToolWorkflow),
					...ERROR_OUTPUT_CASES.map(errorOutputWorkflow),
				]);
				api = await session.signUpOwner(await session.startEditor());
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(() => session?.close());

		it(
			'offers the tool variant of the node, with an AI tool output and a tool description',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				const tool = (await api.nodeTypes()).find((type) => type.name === TOOL_TYPE);
				assert.ok(tool, `n8n offers ${TOOL_TYPE}`);
				assert.equal(tool.displayName, 'Mapp Connect Tool');
				assert.deepEqual([tool.inputs, tool.outputs], [[], ['ai_tool']]);
				const properties = (tool.properties as Array<{ name: string }>).map(
					(property) => property.name,
				);
				assert.ok(
					properties.includes('toolDescription'),
					`the tool's parameters: ${properties.join(', ')}`,
				);
			},
		);

		for (const toolCase of TOOL_CASES) {
			it(
				`runs the tool on its own with $fromAI values, as a workflow step would run: ${toolCase.title}`,
				{ timeout: STEP_TIMEOUT_MS },
				async () => {
					await session.resetSandbox();

					const execution = await runToEnd(
						session,
						api,
						toolCase.workflowId,
						executeToolStep(target.n8n, toolCase.node),
					);

					assert.equal(execution.status, 'success', `the run failed: ${execution.error}`);
					const toolRun = runOf(execution, toolCase.node);
					assert.equal(toolRun?.status, 'success', `the tool's run: ${JSON.stringify(toolRun)}`);
					const answer = JSON.stringify(execution.nodes.flatMap((run) => run.outputs.flat()));
					assert.deepEqual(
						await events(),
						toolCase.events,
						`what Mapp Connect received; the run's outputs: ${answer}`,
					);
					// The agent gets the answer as JSON text inside the run's data: read it without the escapes.
					const plainAnswer = answer.replaceAll('\\"', '"');
					for (const part of toolCase.answerHolds)
						assert.ok(plainAnswer.includes(part), `the tool's answer holds ${part}: ${answer}`);
				},
			);
		}

		for (const errorCase of ERROR_OUTPUT_CASES) {
			const title = `${errorCase.title}: the bad item goes to the error output paired to its input, the good ones are sent`;
			it(title, { timeout: STEP_TIMEOUT_MS }, async () => {
				await session.resetSandbox();

				const execution = await runToEnd(session, api, errorCase.workflowId, {
					triggerToStartFrom: { name: MANUAL_TRIGGER_NODE },
				});

				// One comparison of everything a user would check, so that a failure shows all of it at once.
				const mapp = runOf(execution, MAPP_NODE);
				const [sent = [], failed = []] = mapp?.outputs ?? [];
				// What a user's `$('Contacts').item` after each output finds: n8n-io/n8n#30050 is this failing.
				const contactsBehind = (node: string) =>
					runOf(execution, node)?.outputs[0]?.map((item) => item.contact) ??
					runOf(execution, node)?.error;
				const observed = {
					sent: sent.map((item) => [
						item.success,
						(item.event as { email?: string } | undefined)?.email,
					]),
					failed: failed.map((item) => String(item.error).includes(BAD_ITEM_ERROR)),
					pairedTo: mapp?.pairedItems,
					received: await events(),
					contactsBehindSent: contactsBehind(SENT_NODE),
					contactsBehindFailed: contactsBehind(FAILED_NODE),
					status: execution.status,
				};
				assert.deepEqual(
					observed,
					{
						sent: GOOD_ITEMS.map((index) => [true, CONTACTS[index].email]),
						failed: [true],
						pairedTo: [GOOD_ITEMS.map((index) => [index]), [[BAD_ITEM]]],
						received: errorCase.events,
						contactsBehindSent: GOOD_ITEMS.map((index) => CONTACTS[index].email),
						contactsBehindFailed: [CONTACTS[BAD_ITEM].email],
						status: 'success',
					},
					`error items: ${JSON.stringify(failed)}; the run's error: ${execution.error}`,
				);
			});
		}

		it('logs no warning or error about the package, its nodes or its credentials', () => {
			assert.deepEqual(packageWarnings(session.log), []);
		});
	});
}
