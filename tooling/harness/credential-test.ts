import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { loadPackage, type LoadedPackage } from './package-types';
import { CREDENTIAL_TYPE } from './run-workflow';

export type CredentialTestResult = INodeCredentialTestResult;

const CREDENTIAL_ID = 'harness-credential';
const CREDENTIAL_NAME = 'Mapp Connect (test)';
/** n8n runs a credential's own `test` request on its No Operation node; its errors name that type. */
const NO_OP_NODE_TYPE = 'n8n-nodes-base.noOp';

/**
 * Runs a credential's Test the way n8n's CredentialsTester (packages/cli, `testCredentials`) does:
 * the credential type's own `test` request through n8n-core's RoutingNode (which runs the type's
 * `preAuthentication` first, see HarnessCredentialsHelper), its `rules` applied to the answer; or,
 * for a credential a node tests (`testedBy`), the node's `methods.credentialTest`.
 */
export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
	credentialType = CREDENTIAL_TYPE,
): Promise<CredentialTestResult> {
	const pkg = await loadPackage();
	const { test, properties } = pkg.credentialType(credentialType);
	// n8n's tester first completes the data with the type's defaults (applyDefaultsAndOverwrites).
	const data = NodeHelpers.getNodeParameters(
		properties,
		credentials as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	if (test) return await runTestRequest(pkg, credentialType, test, data);

	for (const nodeType of pkg.packageNodeTypes()) {
		const testedBy = nodeType.description.credentials?.find(
			({ name }) => name === credentialType,
		)?.testedBy;
		const testFunction =
			typeof testedBy === 'string' ? nodeType.methods?.credentialTest?.[testedBy] : undefined;
		if (testFunction) {
			return await testFunction.call(new CredentialTestContext(), {
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: credentialType,
				data,
			});
		}
	}
	return {
		status: 'Error',
		message: 'No testing function found for this credential.',
	};
}

/** n8n's request-based credential test: a one-property node whose routing is the test request. */
async function runTestRequest(
	pkg: LoadedPackage,
	credentialType: string,
	test: ICredentialTestRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP_NODE_TYPE,
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: {
			[credentialType]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME },
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = createAdditionalData(
		new HarnessCredentialsHelper(pkg, { [credentialType]: credentials }),
		{ nodes: [node], connections: {} } as unknown as IWorkflowBase,
		'internal',
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: credentialType,
		data: credentials,
	});

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		return failureOf(caught as TestError, test);
	}
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

interface TestError {
	message: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

/** What n8n reports for a test request that failed: a matching rule's message, the status text, the error code, or the message. */
function failureOf(error: TestError, test: ICredentialTestRequest): CredentialTestResult {
	const response = error.cause?.response;
	if (response) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: error.message.toString() };
}

/** lodash's `get` for the dotted keys n8n's rules use. */
function valueAt(data: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(value, part) =>
				value !== null && typeof value === 'object'
					? (value as Record<string, unknown>)[part]
					: undefined,
			data,
		);
}
