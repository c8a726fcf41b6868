/** What the routed read operations (Get Many, Get History, Ping, Get Connection) share: Mapp's errors, list answers, Limit. */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INode,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ApiPath } from '../shared/api';
import { endpointUrl } from '../shared/api';
import { isMappError, mappApiError } from '../shared/errors';
import { listEntries } from '../shared/listEntries';
import type { Operation } from './resource';
import { routedOperation } from './resource';

/** postReceive: turns a Mapp error answer (or a redirect, which is never followed) into an error with a hint. */
export async function throwOnMappError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isMappError(response)) {
		throw mappApiError(this.getNode(), response, { itemIndex: this.getItemIndex() });
	}
	return items;
}

/** `context`: a routing hook's, or the node and item of an execute function. */
export function unexpectedAnswer(
	context: IExecuteSingleFunctions | { getNode(): INode; getItemIndex(): number | undefined },
	expected: string,
): NodeApiError {
	return new NodeApiError(
		context.getNode(),
		{},
		{
			message: `Mapp Connect answered in an unexpected shape (expected ${expected})`,
			description:
				'Check that the credential points at Mapp Connect: the system, or the base URL ending in /api/v1.',
			itemIndex: context.getItemIndex(),
		},
	);
}

/** Output items made from one input item's answer, paired to that item. */
export function pairedTo(
	context: IExecuteSingleFunctions,
	entries: IDataObject[],
): INodeExecutionData[] {
	const item = context.getItemIndex();
	return entries.map((json) => ({ json, pairedItem: { item } }));
}

/** postReceive: a flat `{"666":"Newsletter"}` answer → one item `{ id, name }` per entry, sorted by name. */
export async function toIdNameItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entries = listEntries(response.body);
	if (!entries) throw unexpectedAnswer(this, 'an object of IDs and names');
	return pairedTo(this, entries as unknown as IDataObject[]);
}

/** Return All and Limit of a Get Many operation; Limit caps the items the operation returns. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			routing: { output: { maxResults: '={{ $value }}' } },
		},
	];
}

/** A Get Many of one of Mapp's flat lists (groups, mobile apps): one item `{ id, name }` per entry. */
export function getManyOperation(spec: {
	action: string;
	description: string;
	path: ApiPath;
}): Operation {
	return routedOperation(
		{
			value: 'getAll',
			name: 'Get Many',
			action: spec.action,
			description: spec.description,
			routing: {
				request: { method: 'GET', url: endpointUrl(spec.path) },
				output: { postReceive: [throwOnMappError, toIdNameItems] },
			},
		},
		returnAllAndLimit(),
	);
}
