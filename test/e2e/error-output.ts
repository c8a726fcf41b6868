/**
 * "On Error → Continue (using error output)" on the Mapp Connect node: three contacts, the middle one with an invalid
 * email, through single operations (User → Create or Update, Newsletter → Subscribe) and through Batch → Send (user
 * upserts, newsletter unsubscriptions). The newsletter flags reach Mapp as JSON booleans. Behind each output an Edit
 * Fields node looks up the contact the item came from with `$('Contacts').item`, as users do (n8n-io/n8n#30050 is
 * that lookup failing).
 */
import { SANDBOX_CREDENTIAL } from '../../tooling/n8n/examples';
import { PACKAGE_NAME } from '../../tooling/n8n/paths';
import type { ExpectedEvent } from './expectations';
import type { WorkflowJson } from './manual-runs';

export const MANUAL_TRIGGER_NODE = 'Manual Trigger';
export const MAPP_NODE = 'Mapp Connect';
export const SENT_NODE = 'Sent';
export const FAILED_NODE = 'Failed';
const CONTACTS_NODE = 'Contacts';

export const CONTACTS = [
	{ email: 'anna@example.com', firstName: 'Anna' },
	{ email: 'not-an-email', firstName: 'Nobody' },
	{ email: 'chloe@example.com', firstName: 'Chloé' },
];
export const BAD_ITEM = 1;
export const GOOD_ITEMS = [0, 2];
export const BAD_ITEM_ERROR = `'Email' is not a valid email address [item ${BAD_ITEM}]`;

export interface ErrorOutputCase {
	title: string;
	workflowId: string;
	parameters: Record<string, unknown>;
	/** What reaches Mapp Connect: the good contacts only. */
	events: ExpectedEvent[];
}

const contactFields = {
	email: '={{ $json.email }}',
	group: { __rl: true, mode: 'id', value: '101' },
	customAttributes: { values: [{ name: 'firstName', value: '={{ $json.firstName }}' }] },
};

const userEvents = (batch: boolean): ExpectedEvent[] =>
	GOOD_ITEMS.map((index) => ({
		subtype: 'user',
		batch,
		body: { email: CONTACTS[index].email, group: '101', firstName: CONTACTS[index].firstName },
	}));

const newsletterFields = { email: contactFields.email, group: contactFields.group };

/** What Mapp's shop plugins send for newsletter consent: the flag a JSON boolean. */
const newsletterEvents = (batch: boolean, flag: Record<string, unknown>): ExpectedEvent[] =>
	GOOD_ITEMS.map((index) => ({
		subtype: 'newsletter',
		batch,
		body: { email: CONTACTS[index].email, group: '101', ...flag },
	}));

export const ERROR_OUTPUT_CASES: ErrorOutputCase[] = [
	{
		title: 'User → Create or Update',
		workflowId: 'mappE2eErrorOutputSingle',
		parameters: { resource: 'user', operation: 'upsert', ...contactFields },
		events: userEvents(false),
	},
	{
		title: 'Batch → Send',
		workflowId: 'mappE2eErrorOutputBatch',
		parameters: { resource: 'batch', operation: 'send', eventKind: 'userUpsert', ...contactFields },
		events: userEvents(true),
	},
	{
		title: 'Newsletter → Subscribe',
		workflowId: 'mappE2eErrorOutputNewsletter',
		parameters: {
			resource: 'newsletter',
			operation: 'subscribe',
			...newsletterFields,
			doubleOptIn: true,
		},
		events: newsletterEvents(false, { doubleOptIn: true }),
	},
	{
		title: 'Batch → Send, Newsletter: Unsubscribe',
		workflowId: 'mappE2eErrorOutputNewsletterBatch',
		parameters: {
			resource: 'batch',
			operation: 'send',
			eventKind: 'newsletterUnsubscribe',
			...newsletterFields,
		},
		events: newsletterEvents(true, { unsubscribe: true }),
	},
];

/** An Edit Fields node that adds the email of the contact its item is paired to. */
function lookUpContact(nodeId: string, name: string, x: number, y: number) {
	return {
		id: nodeId,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, y],
		parameters: {
			assignments: {
				assignments: [
					{
						id: `${nodeId}-a`,
						name: 'contact',
						value: `={{ $('${CONTACTS_NODE}').item.json.email }}`,
						type: 'string',
					},
				],
			},
			includeOtherFields: true,
			options: {},
		},
	};
}

/** Node IDs only need to be unique within their workflow. */
const id = (n: number) => `e2e0e770-0000-4000-8000-00000000000${n}`;

export function errorOutputWorkflow({
	title,
	workflowId,
	parameters,
}: ErrorOutputCase): WorkflowJson {
	return {
		id: workflowId,
		name: `E2E: error output, ${title}`,
		nodes: [
			{
				id: id(1),
				name: MANUAL_TRIGGER_NODE,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: id(2),
				name: CONTACTS_NODE,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(CONTACTS.map((json) => ({ json })))};` },
			},
			{
				id: id(3),
				name: MAPP_NODE,
				type: `${PACKAGE_NAME}.mappConnect`,
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueErrorOutput',
				parameters,
				credentials: {
					mappConnectApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
			},
			lookUpContact(id(4), SENT_NODE, 660, -100),
			lookUpContact(id(5), FAILED_NODE, 660, 100),
		],
		connections: {
			[MANUAL_TRIGGER_NODE]: { main: [[{ node: CONTACTS_NODE, type: 'main', index: 0 }]] },
			[CONTACTS_NODE]: { main: [[{ node: MAPP_NODE, type: 'main', index: 0 }]] },
			[MAPP_NODE]: {
				main: [
					[{ node: SENT_NODE, type: 'main', index: 0 }],
					[{ node: FAILED_NODE, type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}
