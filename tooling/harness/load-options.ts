import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';
import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { loadPackage } from './package-types';
import { CREDENTIAL_TYPE, NODE_NAME } from './run-workflow';

export interface LoadOptionsRequest {
	credentials: ICredentialDataDecryptedObject;
	/** The node's current parameters, as the editor sends them with a dropdown request. */
	parameters?: INodeParameters;
	/** A resource locator's search filter. */
	filter?: string;
	paginationToken?: string;
}

/** Calls a node's `methods.loadOptions` or `methods.listSearch` function as the editor's dropdowns do. */
export async function loadOptions(
	methodName: string,
	request: LoadOptionsRequest,
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const pkg = await loadPackage();
	const nodeType = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('mappConnect'), 1) as INodeType;
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: pkg.typeName('mappConnect'),
		typeVersion: 1,
		position: [0, 0],
		parameters: request.parameters ?? {},
		credentials: {
			[CREDENTIAL_TYPE]: { id: 'harness-credential', name: 'Mapp Connect (sandbox)' },
		},
	};
	const workflowData = {
		id: 'load-options',
		name: 'Load Options',
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: pkg.nodeTypes,
	});
	const credentialsHelper = new HarnessCredentialsHelper(pkg, {
		[CREDENTIAL_TYPE]: request.credentials,
	});
	const additionalData = createAdditionalData(credentialsHelper, workflowData, 'internal');
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');

	const listSearch = nodeType.methods?.listSearch?.[methodName];
	if (listSearch) return await listSearch.call(context, request.filter, request.paginationToken);
	const loader = nodeType.methods?.loadOptions?.[methodName];
	if (loader) return await loader.call(context);
	throw new Error(`The node has no loadOptions or listSearch method "${methodName}"`);
}
