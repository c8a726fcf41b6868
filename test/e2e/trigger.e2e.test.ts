/**
 * The Mapp Connect Trigger in a real n8n, on every tested n8n version: example 5 ("feedback → alert"), imported and
 * activated, receives at the Production URL the README shows (`/webhook/<id>/mapp-feedback`) the feedback the
 * sandbox posts after a second workflow sent it a product without `productSKU` through the Mapp Connect node; a
 * callback with a wrong token gets 401 and starts nothing; a trigger of the type name saved workflows hold
 * (`mappConnectTrigger`) whose Secret Token is only spaces answers 503 naming the setting and starts nothing.
 * `N8N_VERSIONS=2.8.4` limits the run to the listed versions.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EditorApi } from '../../tooling/n8n/editor';
import { EXAMPLES_DIR, SANDBOX_CREDENTIAL } from '../../tooling/n8n/examples';
import { packageWarnings } from '../../tooling/n8n/log-check';
import { PACKAGE_NAME, REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession } from '../../tooling/n8n/session';
import { selectedTargets } from '../../tooling/n8n/versions';
import {
	executionsOf,
	hasEnded,
	outputOf,
	runToEnd,
	waitFor,
	type WorkflowJson,
} from './manual-runs';

const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

const FEEDBACK_WORKFLOW_ID = 'mappE2eFeedbackTrigger';
const TRIGGER_NODE = 'Mapp Connect Trigger';
const ALERT_NODE = 'Build Alert Text';
/**
 * A second copy of example 5 whose Secret Token is only spaces: a setting the trigger cannot work with. Its trigger
 * has the type name saved workflows hold (`mappConnectTrigger`), hidden from the node panel since
 * `mappConnectFeedbackTrigger` replaced it there, and its own webhook ID (two triggers may not share one).
 */
const BLANK_TOKEN_WORKFLOW_ID = 'mappE2eBlankTokenTrigger';
const BLANK_TOKEN_WEBHOOK_ID = '6f1d9c2e-4b7a-4e38-9c55-e2e0b1a4c000';
const BLANK_TOKEN_WARNING =
	'The Mapp Connect Trigger is not set up correctly: Secret Token is empty or only spaces';

const SENDER_WORKFLOW_ID = 'mappE2eProductNoSku';
const MANUAL_TRIGGER_NODE = 'Manual Trigger';
const SENDER_NODE = 'Send product without SKU';
/** Accepted by the node (a Custom Event is sent as given) and by Mapp, then rejected by Mapp for the missing SKU. */
const PRODUCT_WITHOUT_SKU = { productName: 'Nameless mug', productPrice: '12.5' };

const targets = selectedTargets();

function example5(): WorkflowJson {
	return JSON.parse(
		readFileSync(join(EXAMPLES_DIR, '5-feedback-alert.json'), 'utf8'),
	) as WorkflowJson;
}

/** The webhook ID example 5 gives its trigger, so that its Production URL is the README's `/webhook/<id>/mapp-feedback`. */
const EXAMPLE_WEBHOOK_ID = String(
	example5().nodes.find((node) => node.name === TRIGGER_NODE)?.webhookId ?? '',
);

/** Example 5 as shipped, with its Secret Token set; the blank-token copy changes its trigger's type and webhook ID. */
function feedbackWorkflow(
	secretToken: string,
	id = FEEDBACK_WORKFLOW_ID,
	savedAs?: { type: string; webhookId: string },
): WorkflowJson {
	const example = example5();
	const nodes = example.nodes.map((node) =>
		node.name === TRIGGER_NODE
			? {
					...node,
					...savedAs,
					id: 'e2e0feed-0000-4000-8000-000000000001',
					parameters: { ...(node.parameters as object), secretToken },
				}
			: node,
	);
	return { ...example, id, name: `E2E: feedback trigger ${id}`, nodes };
}

function senderWorkflow(): WorkflowJson {
	return {
		id: SENDER_WORKFLOW_ID,
		name: 'E2E: product without SKU',
		nodes: [
			{
				id: 'e2e0feed-0000-4000-8000-000000000002',
				name: MANUAL_TRIGGER_NODE,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e2e0feed-0000-4000-8000-000000000003',
				name: SENDER_NODE,
				type: `${PACKAGE_NAME}.mappConnect`,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'customEvent',
					operation: 'send',
					subtype: 'product',
					event: JSON.stringify(PRODUCT_WITHOUT_SKU),
				},
				credentials: {
					mappConnectApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
			},
		],
		connections: {
			[MANUAL_TRIGGER_NODE]: { main: [[{ node: SENDER_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

for (const target of targets) {
	describe(`Mapp Connect Trigger in n8n ${target.n8n} on Node ${target.node ?? process.versions.node}`, () => {
		const secretToken = randomBytes(16).toString('hex');
		let session: N8nSession;
		let api: EditorApi;
		/** The trigger's Production URL, which the user pastes into the integration's Callback URL. */
		let productionUrl: string;
		const withToken = (token: string) => `${productionUrl}?token=${encodeURIComponent(token)}`;

		before(
			async () => {
				session = await N8nSession.open(target, {
					keepLogAt: join(REPO_ROOT, 'test-results', 'e2e', `n8n-${target.n8n}-trigger.log`),
				});
				assert.match(
					EXAMPLE_WEBHOOK_ID,
					/^[0-9a-f-]{36}$/,
					"the webhook ID of example 5's trigger",
				);
				const blankToken = feedbackWorkflow('   ', BLANK_TOKEN_WORKFLOW_ID, {
					type: `${PACKAGE_NAME}.mappConnectTrigger`,
					webhookId: BLANK_TOKEN_WEBHOOK_ID,
				});
				await session.importWorkflowData([
					feedbackWorkflow(secretToken),
					senderWorkflow(),
					blankToken,
				]);
				const n8n1 = target.n8n.startsWith('1.');
				if (!n8n1) {
					await session.publishWorkflow(FEEDBACK_WORKFLOW_ID);
					await session.publishWorkflow(BLANK_TOKEN_WORKFLOW_ID);
				}
				const editor = await session.startEditor();
				api = await session.signUpOwner(editor);
				if (n8n1) {
					await api.activateWorkflow(FEEDBACK_WORKFLOW_ID);
					await api.activateWorkflow(BLANK_TOKEN_WORKFLOW_ID);
				}
				// The form the README shows: https://your-n8n/webhook/<id>/mapp-feedback.
				productionUrl = `${editor.url.replace('localhost', '127.0.0.1')}/webhook/${EXAMPLE_WEBHOOK_ID}/mapp-feedback`;
			},
			{ timeout: SETUP_TIMEOUT_MS },
		);

		after(() => session?.close());

		it(
			'answers a callback with a wrong or no token with 401 and starts no execution',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				const body = JSON.stringify([
					{ errorCode: 'MISSING_FIELD', mappingName: 'product', description: 'forged' },
				]);
				for (const [url, what] of [
					[withToken('not-the-token'), 'a wrong token'],
					[productionUrl, 'no token'],
				]) {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body,
					});
					assert.equal(response.status, 401, `status of a callback with ${what}`);
				}
				assert.deepEqual(await executionsOf(api, FEEDBACK_WORKFLOW_ID), []);
			},
		);

		it(
			'answers 503 naming the setting when the Secret Token is only spaces, and starts no execution',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				const blankTokenUrl = productionUrl.replace(EXAMPLE_WEBHOOK_ID, BLANK_TOKEN_WEBHOOK_ID);
				const body = JSON.stringify([
					{ errorCode: 'MISSING_FIELD', mappingName: 'product', description: 'forged' },
				]);
				const response = await fetch(`${blankTokenUrl}?token=${encodeURIComponent('   ')}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body,
				});
				assert.deepEqual(
					[response.status, await response.json()],
					[503, { message: BLANK_TOKEN_WARNING }],
				);
				assert.deepEqual(await executionsOf(api, BLANK_TOKEN_WORKFLOW_ID), []);
			},
		);

		it(
			'starts the active workflow with the feedback Mapp sends on a product without SKU',
			{ timeout: STEP_TIMEOUT_MS },
			async () => {
				await session.resetSandbox();
				session.sandbox.setCallbackUrl(withToken(secretToken));
				const deliveries = () =>
					JSON.stringify(
						session.sandbox.feedbackDeliveries.map(({ status, error }) => ({ status, error })),
					);

				const senderRun = await runToEnd(session, api, SENDER_WORKFLOW_ID, {
					triggerToStartFrom: { name: MANUAL_TRIGGER_NODE },
				});
				assert.equal(senderRun.status, 'success', `the sending run failed: ${senderRun.error}`);
				const received = (await session.sandboxEvents()).map(({ subtype, body }) => ({
					subtype,
					body,
				}));
				assert.deepEqual(received, [{ subtype: 'product', body: PRODUCT_WITHOUT_SKU }]);

				const triggerRun = await waitFor(
					'the feedback started the trigger workflow',
					async () => (await executionsOf(api, FEEDBACK_WORKFLOW_ID)).find(hasEnded),
					() => `the sandbox's feedback deliveries: ${deliveries()}`,
				);
				const execution = await session.storedExecution(api, triggerRun.id);
				assert.equal(
					execution.status,
					'success',
					`the trigger workflow's run failed: ${execution.error}`,
				);

				const [entry, ...more] = outputOf(execution, TRIGGER_NODE) ?? [];
				assert.deepEqual(more, [], 'one item per feedback entry');
				assert.ok(entry, `"${TRIGGER_NODE}" emitted the feedback entry`);
				const description = 'Skipping product update - missing mandatory field: productSKU';
				assert.deepEqual(
					{
						errorCode: entry.errorCode,
						mappingName: entry.mappingName,
						description: entry.description,
						integration_id: entry.integration_id,
						actionParams: entry.actionParams,
					},
					{
						errorCode: 'MISSING_FIELD',
						mappingName: 'product',
						description,
						integration_id: session.sandbox.integrationId,
						actionParams: PRODUCT_WITHOUT_SKU,
					},
				);
				assert.match(
					String(entry.actionTimeRaw),
					/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/,
				);
				assert.equal(entry.actionTime, new Date(String(entry.actionTimeRaw)).toISOString());
				assert.deepEqual(outputOf(execution, ALERT_NODE), [
					{
						text: `:warning: Mapp Connect rejected 1 event(s)\n• *MISSING_FIELD* on \`product\` at ${entry.actionTime}: ${description}`,
					},
				]);

				assert.deepEqual(
					session.sandbox.feedbackDeliveries.map(({ status }) => status),
					[200],
					`the sandbox's feedback deliveries: ${deliveries()}`,
				);
				assert.equal(
					(await executionsOf(api, FEEDBACK_WORKFLOW_ID)).length,
					1,
					'executions of the trigger workflow, in all',
				);
			},
		);

		it('logs no warning or error about the package, its nodes or its credentials but the one for the blank token', () => {
			const warnings = packageWarnings(session.log);
			assert.ok(
				session.log.includes(BLANK_TOKEN_WARNING),
				"n8n's log names the setting of the trigger that refused a callback",
			);
			assert.deepEqual(
				warnings.filter((line) => !line.includes(BLANK_TOKEN_WARNING)),
				[],
			);
		});
	});
}
