/**
 * The tool variant n8n derives from the node's `usableAsTool` (`mappConnectTool`), attached to an AI Agent as an agent
 * would use it: every value the operation sends comes from `$fromAI(...)`.
 */
import { SANDBOX_CREDENTIAL } from '../../tooling/n8n/examples';
import { PACKAGE_NAME } from '../../tooling/n8n/paths';
import type { ExpectedEvent } from './expectations';
import type { WorkflowJson } from './manual-runs';

export const TOOL_TYPE = `${PACKAGE_NAME}.mappConnectTool`;
export const AGENT_NODE = 'AI Agent';
const MANUAL_TRIGGER_NODE = 'Manual Trigger';

/** The `$fromAI` keys of the tool, as an agent's language model would fill them in. */
export const TOOL_INPUT = { email: 'dana@example.com', groupId: '101', firstName: 'Dana' };

const DANA = { email: 'dana@example.com', group: '101', firstName: 'Dana' };

/** One tool an agent is given: the node's parameters, and what Mapp must receive when the tool runs. */
export interface ToolCase {
	title: string;
	workflowId: string;
	/** Letters and underscores only: n8n names the tool after the node, and the editor keys the tool's input by it. */
	node: string;
	parameters: Record<string, unknown>;
	events: ExpectedEvent[];
	/** What the tool's answer to the agent holds. */
	answerHolds: string[];
}

export const TOOL_CASES: ToolCase[] = [
	{
		title: 'User → Create or Update: Mapp Connect receives the event',
		workflowId: 'mappE2eAgentTool',
		node: 'Add_contact_to_group',
		parameters: { resource: 'user', operation: 'upsert' },
		events: [{ subtype: 'user', batch: false, body: DANA }],
		answerHolds: [DANA.email, '"success":true'],
	},
	{
		title: 'the same with Dry Run: nothing reaches Mapp, the answer is the event that would go',
		workflowId: 'mappE2eAgentToolDryRun',
		node: 'Check_contact_for_group',
		parameters: { resource: 'user', operation: 'upsert', options: { dryRun: true } },
		events: [],
		answerHolds: [DANA.email, '"dryRun":true'],
	},
	{
		title: 'Batch → Send: the one event goes through the batch endpoint',
		workflowId: 'mappE2eAgentToolBatch',
		node: 'Import_contact',
		parameters: {
			resource: 'batch',
			operation: 'send',
			eventKind: 'userUpsert',
			eventSource: 'fields',
		},
		events: [{ subtype: 'user', batch: true, body: DANA }],
		answerHolds: [DANA.email, '"chunk":1'],
	},
];

/** `description` goes between single quotes into the expression: no quotes in it. */
const fromAi = (key: string, description: string) =>
	`={{ $fromAI('${key}', '${description}', 'string') }}`;

export function agentToolWorkflow(toolCase: ToolCase): WorkflowJson {
	const toolNode = toolCase.node;
	return {
		id: toolCase.workflowId,
		name: `E2E: Mapp Connect as an agent tool (${toolCase.node})`,
		nodes: [
			{
				id: 'e2e0a9e7-0000-4000-8000-000000000001',
				name: MANUAL_TRIGGER_NODE,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				// Never runs: n8n replaces the agent by its Tool Executor when one of its tools is run on its own.
				id: 'e2e0a9e7-0000-4000-8000-000000000002',
				name: AGENT_NODE,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2,
				position: [220, 0],
				parameters: { options: {} },
			},
			{
				id: 'e2e0a9e7-0000-4000-8000-000000000003',
				name: toolNode,
				type: TOOL_TYPE,
				typeVersion: 1,
				position: [300, 220],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Adds a contact to a Mapp Engage group, creating the contact if needed',
					...toolCase.parameters,
					email: fromAi('email', 'Email address of the contact'),
					group: {
						__rl: true,
						mode: 'id',
						value: fromAi('groupId', 'The ID of the Mapp Engage group'),
					},
					customAttributes: {
						values: [
							{ name: 'firstName', value: fromAi('firstName', 'First name of the contact') },
						],
					},
				},
				credentials: {
					mappConnectApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
			},
		],
		connections: {
			[MANUAL_TRIGGER_NODE]: { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			[toolNode]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * What the editor sends for "Execute step" on the tool node once the user has filled in its `$fromAI` values: n8n
 * then runs the tool through its Tool Executor node, without the agent and without a language model. n8n 1.x names
 * the destination node by its name only, and its Tool Executor takes the values as they are, not keyed by tool.
 */
export function executeToolStep(n8nVersion: string, toolNode: string) {
	const n8n1 = n8nVersion.startsWith('1.');
	return {
		destinationNode: n8n1 ? toolNode : { nodeName: toolNode, mode: 'inclusive' },
		agentRequest: { query: n8n1 ? TOOL_INPUT : { [toolNode]: TOOL_INPUT }, tool: { name: '' } },
	};
}
