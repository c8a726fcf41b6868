/**
 * The workflows the queue-mode test and benchmark run, as a user saves them in n8n: webhook-started, so that the
 * webhook processor receives the calls and the workers run the executions.
 */
import { PACKAGE_NAME } from './paths';
import { SANDBOX_CREDENTIAL } from './examples';
import type { WorkflowJson } from './session';
import { contactFields } from '../harness/batch-fixtures';

export const PATHS = {
	user: 'queue-user',
	batch: 'queue-batch',
	products: 'queue-products',
} as const;
export const FEEDBACK_WEBHOOK_ID = '7a3e51c0-9d2b-4c6f-8e15-0a11feedbac1';
export const FEEDBACK_PATH = `${FEEDBACK_WEBHOOK_ID}/mapp-feedback`;
export const TRIGGER_NODE = 'Mapp Connect Trigger';

const credentials = {
	mappConnectApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
};

/**
 * `{ run, count }` in the webhook's body becomes `count` contacts `<run>-<i>@example.com`, shaped as the
 * benchmark's fixture contacts (group, first name, city, score), so that every run sends distinct emails.
 */
const CONTACTS_CODE = `const { run, count } = $input.first().json.body;
const cities = ['Berlin', 'Munich', 'Hamburg', 'Vienna', 'Zurich'];
return Array.from({ length: count }, (_, i) => ({
	json: { email: run + '-' + i + '@example.com', group: String(100 + (i % 3)), firstName: 'First' + i, city: cities[i % 5], score: i % 100 },
}));`;

/** `{ run, count }` becomes `count` products without the mandatory SKU: Mapp accepts them, then reports each one. */
const PRODUCTS_CODE = `const { run, count } = $input.first().json.body;
return Array.from({ length: count }, (_, i) => ({ json: { productName: run + ' product ' + i, productPrice: '9.90' } }));`;

function node(
	id: number,
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) {
	return {
		id: `0a0e0000-0000-4000-8000-${String(id).padStart(12, '0')}`,
		name,
		type,
		typeVersion: 1,
		position: [id * 220, 0],
		parameters,
		...extra,
	};
}

function webhook(id: number, path: string) {
	return node(
		id,
		'Webhook',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path, options: {} },
		{
			typeVersion: 2,
			webhookId: `0a0e0000-0000-4000-9000-${String(id).padStart(12, '0')}`,
		},
	);
}

function code(id: number, jsCode: string) {
	return node(id, 'Generate items', 'n8n-nodes-base.code', { jsCode }, { typeVersion: 2 });
}

function mapp(id: number, name: string, parameters: Record<string, unknown>) {
	return node(id, name, `${PACKAGE_NAME}.mappConnect`, parameters, { credentials });
}

function chain(id: string, name: string, nodes: Array<{ name: string }>): WorkflowJson {
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((from, index) => [
				from.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Webhook → User → Create or Update of the email in the call's body. */
export function userWorkflow(): WorkflowJson {
	return chain('queueUserUpsert01', 'Queue: user upsert per call', [
		webhook(1, PATHS.user),
		mapp(2, 'Upsert user', {
			resource: 'user',
			operation: 'upsert',
			email: '={{ $json.body.email }}',
			group: { __rl: true, mode: 'id', value: '100' },
		}),
	]);
}

export const BATCH_NODE = 'Send contacts';

/** Webhook → `count` generated contacts → Batch → Send (user upsert, 1000 per request, the node's defaults). */
export function batchWorkflow(): WorkflowJson {
	return chain('queueBatchSend001', 'Queue: batch of generated contacts', [
		webhook(1, PATHS.batch),
		code(2, CONTACTS_CODE),
		mapp(3, BATCH_NODE, {
			resource: 'batch',
			operation: 'send',
			eventKind: 'userUpsert',
			eventSource: 'fields',
			...contactFields,
		}),
	]);
}

/** Webhook → products without SKU → Batch → Send of each item as it is, 10 per request: one feedback POST each. */
export function productsWorkflow(): WorkflowJson {
	return chain('queueProductsNoSku', 'Queue: products without SKU', [
		webhook(1, PATHS.products),
		code(2, PRODUCTS_CODE),
		mapp(3, 'Send products', {
			resource: 'batch',
			operation: 'send',
			eventKind: 'productUpsert',
			eventSource: 'inputItem',
			batchOptions: { batchSize: 10 },
		}),
	]);
}

/** The Mapp Connect Trigger with its Secret Token, alone: each execution's output is the feedback it received. */
export function feedbackWorkflow(secretToken: string): WorkflowJson {
	return chain('queueFeedbackTrig', 'Queue: Mapp feedback', [
		node(
			1,
			TRIGGER_NODE,
			`${PACKAGE_NAME}.mappConnectFeedbackTrigger`,
			{ authentication: 'secretToken', secretToken, options: {} },
			{
				webhookId: FEEDBACK_WEBHOOK_ID,
			},
		),
	]);
}
