import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { loadPackage } from './package-types';
import { CREDENTIAL_TYPE } from './run-workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface RequestFailure {
	message: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

/**
 * Runs the credential type's `test` request the way n8n's CredentialsTester does: a temporary
 * declarative node whose one property routes the test request, run through RoutingNode, then the
 * `rules` applied to the failed status or to the answer's body.
 */
export async function testCredential(credentials: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const pkg = await loadPackage();
	const test = pkg.credentialType(CREDENTIAL_TYPE).test as ICredentialTestRequest | undefined;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'harness.credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } },
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => testNodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(testNodeType, 1),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: testNodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'harness-credential', name: 'Mapp Connect (test)' } },
	};
	const workflowData = { id: 'credential-test', name: 'Credential Test', nodes: [node], connections: {} } as unknown as IWorkflowBase;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper(pkg, { [CREDENTIAL_TYPE]: credentials });
	const additionalData = createAdditionalData(credentialsHelper, workflowData, 'internal');
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, {
		id: 'harness-credential',
		name: 'Mapp Connect (test)',
		type: CREDENTIAL_TYPE,
		data: credentials,
	});

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = (await routingNode.runNode()) as INodeExecutionData[][] | null | undefined;
	} catch (caught) {
		const error = caught as RequestFailure;
		const failedResponse = error.cause?.response;
		if (failedResponse) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === failedResponse.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: failedResponse.statusText || `Received HTTP status code: ${failedResponse.status}`,
			};
		}
		if (error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (valueAtPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash's `get` for the dotted keys credential rules use. */
function valueAtPath(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
