/**
 * The single operations' contract for several items, in a real n8n on every tested version: every item is checked
 * before any is sent. Five contacts with the third one's email invalid, with n8n's Request Options → Batching off and
 * on, with and without Continue On Fail: without it the run fails naming item 2 and Mapp receives nothing; with it,
 * item 2 becomes an error item paired to its input and the other four arrive.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_CREDENTIAL, type ExampleWorkflow } from '../../tooling/n8n/examples';
import { PACKAGE_NAME, REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession } from '../../tooling/n8n/session';
import { selectedTargets } from '../../tooling/n8n/versions';

const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

const EMAILS = ['a@example.com', 'b@example.com', 'not-an-email', 'd@example.com', 'e@example.com'];
const BATCHING = { batching: { batch: { batchSize: 1, batchInterval: 200 } } };

type Setting = { name: string; batching: boolean; continueOnFail: boolean };
const SETTINGS: Setting[] = [false, true].flatMap((batching) =>
	[false, true].map((continueOnFail) => ({
		name: `Batching ${batching ? 'on' : 'off'}, Continue On Fail ${continueOnFail ? 'on' : 'off'}`,
		batching,
		continueOnFail,
	})),
);

/** Manual Trigger → five contacts → User → Create or Update with the setting's Request Options and On Error. */
function workflowFor(setting: Setting, index: number): ExampleWorkflow & { json: object } {
	const id = `mappContract${index}`;
	const nodes = [
		{
			id: `${id}-t`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `${id}-c`,
			name: 'Contacts',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: {
				jsCode: `return ${JSON.stringify(EMAILS)}.map((email) => ({ json: { email } }));`,
			},
		},
		{
			id: `${id}-m`,
			name: 'Upsert',
			type: `${PACKAGE_NAME}.mappConnect`,
			typeVersion: 1,
			position: [400, 0],
			parameters: {
				resource: 'user',
				operation: 'upsert',
				email: '={{ $json.email }}',
				group: { __rl: true, mode: 'id', value: '101' },
				requestOptions: setting.batching ? BATCHING : {},
			},
			credentials: {
				[SANDBOX_CREDENTIAL.type]: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
			},
			...(setting.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] },
		Contacts: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
	};
	const file = `${id}.json`;
	const json = {
		id,
		name: `Contract: ${setting.name}`,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
	};
	return { file, path: '', id, name: json.name, packageNodes: ['Upsert'], json };
}

for (const target of selectedTargets()) {
	describe(`single operations check every item before any is sent (n8n ${target.n8n})`, () => {
		let session: N8nSession;
		const dir = mkdtempSync(join(tmpdir(), 'mapp-contract-'));
		const workflows = SETTINGS.map((setting, index) => {
			const workflow = workflowFor(setting, index);
			workflow.path = join(dir, workflow.file);
			writeFileSync(workflow.path, JSON.stringify(workflow.json));
			return { setting, workflow };
		});

		before(
			async () => {
				session = await N8nSession.open(target, {
					keepLogAt: join(REPO_ROOT, 'test-results', 'e2e', `contract-n8n-${target.n8n}.log`),
				});
				await session.importWorkflows(workflows.map(({ workflow }) => workflow));
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(async () => {
			await session?.close();
			rmSync(dir, { recursive: true, force: true });
		});

		for (const { setting, workflow } of workflows) {
			it(setting.name, { timeout: STEP_TIMEOUT_MS }, async () => {
				await session.resetSandbox();
				const execution = await session.execute(workflow.id);
				const upsert = execution.nodes.find((run) => run.node === 'Upsert');
				const received = (await session.sandboxEvents()).map(({ body }) => body.email);
				if (!setting.continueOnFail) {
					assert.equal(execution.status, 'error');
					assert.match(
						upsert?.error ?? execution.error ?? '',
						/'Email' is not a valid email address \[item 2\]/,
					);
					assert.deepEqual(received, [], 'Mapp received nothing');
					return;
				}
				assert.equal(execution.status, 'success', execution.error);
				const items = upsert?.outputs[0] ?? [];
				assert.equal(items.length, 5);
				assert.match(String(items[2].error), /'Email' is not a valid email address \[item 2\]/);
				assert.deepEqual(
					items
						.filter((_, index) => index !== 2)
						.map((item) => [item.success, (item.event as { email: string }).email]),
					EMAILS.filter((_, index) => index !== 2).map((email) => [true, email]),
				);
				assert.deepEqual([...received].sort(), EMAILS.filter((_, index) => index !== 2).sort());
			});
		}
	});
}
