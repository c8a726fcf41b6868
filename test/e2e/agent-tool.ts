/**
 * The tool variant n8n derives from the node's `usableAsTool` (`mappConnectTool`), attached to an AI Agent as an agent
 * would use it: every value the operation sends comes from `$fromAI(...)`.
 */
import { SANDBOX_CREDENTIAL } from '../../scripts/n8n/examples';
import { PACKAGE_NAME } from '../../scripts/n8n/paths';
import type { ExpectedEvent } from './expectations';
import type { WorkflowJson } from './manual-runs';

export const TOOL_WORKFLOW_ID = 'mappE2eAgentTool';
export const TOOL_TYPE = `${PACKAGE_NAME}.mappConnectTool`;
/** Letters and underscores only: n8n names the tool after the node, and the editor keys the tool's input by it. */
export const TOOL_NODE = 'Add_contact_to_group';
export const AGENT_NODE = 'AI Agent';
const MANUAL_TRIGGER_NODE = 'Manual Trigger';

/** The `$fromAI` keys of the tool, as an agent's language model would fill them in. */
export const TOOL_INPUT = { email: 'dana@example.com', groupId: '101', firstName: 'Dana' };

export const TOOL_EVENT: ExpectedEvent = {
	subtype: 'user',
	batch: false,
	body: { email: 'dana@example.com', group: '101', firstName: 'Dana' },
};

/** `description` goes between single quotes into the expression: no quotes in it. */
const fromAi = (key: string, description: string) =>
	`={{ $fromAI('${key}', '${description}', 'string') }}`;

export function agentToolWorkflow(): WorkflowJson {
	return {
		id: TOOL_WORKFLOW_ID,
		name: 'E2E: Mapp Connect as an agent tool',
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
				name: TOOL_NODE,
				type: TOOL_TYPE,
				typeVersion: 1,
				position: [300, 220],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Adds a contact to a Mapp Engage group, creating the contact if needed',
					resource: 'user',
					operation: 'upsert',
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
			[TOOL_NODE]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * What the editor sends for "Execute step" on the tool node once the user has filled in its `$fromAI` values: n8n
 * then runs the tool through its Tool Executor node, without the agent and without a language model. n8n 1.x names
 * the destination node by its name only, and its Tool Executor takes the values as they are, not keyed by tool.
 */
export function executeToolStep(n8nVersion: string) {
	const n8n1 = n8nVersion.startsWith('1.');
	return {
		destinationNode: n8n1 ? TOOL_NODE : { nodeName: TOOL_NODE, mode: 'inclusive' },
		agentRequest: { query: n8n1 ? TOOL_INPUT : { [TOOL_NODE]: TOOL_INPUT }, tool: { name: '' } },
	};
}
