import type {
	IExecuteFunctions,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { RoutingNode, WorkflowExecute } from 'n8n-core';
import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { InputFile } from './input-node';
import { INPUT_NODE_TYPE, registerInput, releaseInput } from './input-node';
import { loadPackage } from './package-types';
import type { RetryTimings } from '../product';
import { CREDENTIAL_TYPE } from '../product';

export { CREDENTIAL_TYPE };
export const NODE_NAME = 'Mapp Connect';

export interface RunNodeOptions {
	/** The node's parameters, as a workflow file holds them (expressions included). */
	parameters: INodeParameters;
	/** The JSON of the input items; one empty item when left out, as after a Manual Trigger. */
	items?: IDataObject[];
	/** The file each input item carries, by the item's position (none: no binary data). */
	files?: Array<InputFile | undefined>;
	credentials: ICredentialDataDecryptedObject;
	/** The node setting "On Error: Continue (using error output)"'s classic form, Continue On Fail. */
	continueOnFail?: boolean;
	/** Node type name within the package; `mappConnect` by default. */
	nodeType?: string;
	/** A node type of the test's own, run instead of the package's (e.g. to call n8n's functions from it). */
	testNodeType?: INodeType;
	/** The workflow's time zone setting; n8n's default (America/New_York, GENERIC_TIMEZONE) when left out. */
	timezone?: string;
	/**
	 * Run the node as n8n runs it as an AI agent's tool: through its routing (n8n's RoutingNode, as n8n's
	 * node types give a declarative node an `execute`), never through its custom operations.
	 */
	asTool?: boolean;
	/** Retry waits the node is created with instead of its real ones, so that tests of retries do not sleep. */
	retryTimings?: RetryTimings;
}

export interface RunNodeResult {
	/** The node's first output, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error the node failed with, as n8n recorded it. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

/** Runs `Input → Mapp Connect` in-process with n8n-core's WorkflowExecute, as n8n runs a manual execution. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const pkg = await loadPackage();
	const inputKey = registerInput(options.items ?? [{}], options.files);
	const packageTypes = options.retryTimings
		? pkg.nodeTypesWith({ retryTimings: options.retryTimings })
		: pkg.nodeTypes;
	const nodeTypes = options.testNodeType
		? including(packageTypes, TEST_NODE_TYPE, options.testNodeType)
		: packageTypes;
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: INPUT_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { inputKey },
		},
		{
			id: 'node-under-test',
			name: NODE_NAME,
			type: options.testNodeType ? TEST_NODE_TYPE : pkg.typeName(options.nodeType ?? 'mappConnect'),
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: {
				[CREDENTIAL_TYPE]: { id: 'harness-credential', name: 'Mapp Connect (sandbox)' },
			},
			continueOnFail: options.continueOnFail ?? false,
		},
	];
	const connections = { Input: { main: [[{ node: NODE_NAME, type: 'main' as const, index: 0 }]] } };
	const settings = options.timezone ? { timezone: options.timezone } : {};
	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: 'Harness',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		nodes,
		connections,
		active: false,
		nodeTypes: options.asTool ? throughRouting(nodeTypes) : nodeTypes,
		settings,
	});
	const credentialsHelper = new HarnessCredentialsHelper(pkg, {
		[CREDENTIAL_TYPE]: options.credentials,
	});
	const additionalData = createAdditionalData(credentialsHelper, workflowData);

	try {
		const run = await new WorkflowExecute(additionalData, 'manual').run({
			workflow,
			startNode: nodes[0],
		});
		const task = run.data.resultData.runData[NODE_NAME]?.[0];
		return {
			items: task?.data?.main?.[0] ?? [],
			error: (task?.error ?? run.data.resultData.error) as RunNodeResult['error'],
			run,
		};
	} finally {
		releaseInput(inputKey);
	}
}

/** The node types with the package's nodes run as n8n runs a tool: routing only, no custom operations. */
function throughRouting(nodeTypes: INodeTypes): INodeTypes {
	return {
		...nodeTypes,
		getByName: (type) => nodeTypes.getByName(type),
		getKnownTypes: () => nodeTypes.getKnownTypes(),
		getByNameAndVersion(type, version) {
			const nodeType = nodeTypes.getByNameAndVersion(type, version);
			if (!nodeType.description.requestDefaults) return nodeType;
			return Object.create(nodeType, {
				customOperations: { value: undefined },
				execute: {
					value: async function (this: IExecuteFunctions) {
						return (await new RoutingNode(this as never, nodeType).runNode()) ?? [];
					},
				},
			}) as INodeType;
		},
	};
}

const TEST_NODE_TYPE = 'harness.testNode';

/** The package's node types and one more. */
function including(nodeTypes: INodeTypes, name: string, nodeType: INodeType): INodeTypes {
	return {
		getByName: (type) => (type === name ? nodeType : nodeTypes.getByName(type)),
		getByNameAndVersion: (type, version) =>
			type === name ? nodeType : nodeTypes.getByNameAndVersion(type, version),
		getKnownTypes: () => nodeTypes.getKnownTypes(),
	};
}
