import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { singleItemReader } from '../../fields/readers';
import { textField } from '../../fields/text';
import { API_PATHS, endpointUrl } from '../../shared/api';
import { pairedTo, throwOnMappError, unexpectedAnswer } from '../readOutput';
import { routedOperation } from '../resource';

const groupName = textField({
	name: 'groupName',
	displayName: 'Group Name',
	required: true,
	description: 'Name of the group to create in Mapp Engage',
});

/** preSend: `{"groupNames":["…"]}`. */
export async function buildCreateGroupBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { groupNames: [groupName.read(singleItemReader(this))] } };
}

/** postReceive: `{"groupNamesAndIds":{"X":678}}` → one item `{ name, id }` per created group. */
export async function toCreatedGroups(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const created = (response.body as IDataObject | undefined)?.groupNamesAndIds;
	if (typeof created !== 'object' || created === null || Array.isArray(created)) {
		throw unexpectedAnswer(this, 'the created groups and their IDs');
	}
	return pairedTo(
		this,
		Object.entries(created).map(([name, id]) => ({ name, id: String(id) })),
	);
}

export const create = routedOperation(
	{
		value: 'create',
		name: 'Create',
		action: 'Create a group',
		description: 'Create a group in Mapp Engage',
		routing: {
			request: { method: 'POST', url: endpointUrl(API_PATHS.createGroups) },
			send: { preSend: [buildCreateGroupBody] },
			output: { postReceive: [throwOnMappError, toCreatedGroups] },
		},
	},
	groupName.properties,
);
