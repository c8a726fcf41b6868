/** The hooks of the list operations (Get Many, Get History) and of Group > Create. */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { emailField, textField } from '../events/fields';
import { singleItemReader } from '../events';
import { HISTORY_PAGE_SIZE } from '../shared/api';
import { listEntries } from '../shared/listEntries';

function unexpectedAnswer(context: IExecuteSingleFunctions, expected: string): NodeApiError {
	return new NodeApiError(context.getNode(), {}, {
		message: `Mapp Connect answered in an unexpected shape (expected ${expected})`,
		description: 'Check that the credential points at Mapp Connect: the system, or the base URL ending in /api/v1.',
		itemIndex: context.getItemIndex(),
	});
}

function pairedTo(context: IExecuteSingleFunctions, entries: IDataObject[]): INodeExecutionData[] {
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

/** postReceive: `{ historyItems: [...] }` → one item per message sent to the contact. */
export async function toHistoryItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject | undefined;
	const history = body?.historyItems ?? [];
	if (!Array.isArray(history)) throw unexpectedAnswer(this, 'a list of history items');
	return pairedTo(this, history as IDataObject[]);
}

/**
 * Pagination of Get History: asks for pages of `numberOfRows` from `offset` 0 on until a page
 * comes back short, or until the Limit is reached.
 */
export async function paginateMessageHistory(
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = resultOptions.maxResults === undefined ? Infinity : Number(resultOptions.maxResults);
	const results: INodeExecutionData[] = [];
	while (results.length < limit) {
		const numberOfRows = Math.min(HISTORY_PAGE_SIZE, limit - results.length);
		const page = await this.makeRoutingRequest({
			...resultOptions,
			options: { ...resultOptions.options, qs: { ...resultOptions.options.qs, numberOfRows, offset: results.length } },
		});
		results.push(...page);
		if (page.length < numberOfRows) break;
	}
	return results;
}

/** The contact of Message > Get History; its hook validates it before any request. */
export const historyContact = emailField({
	name: 'userEmail',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact whose received messages to get',
});

/** preSend of Message > Get History: the contact's email in the query. */
export async function buildHistoryQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userEmail = historyContact.read(singleItemReader(this));
	return { ...requestOptions, qs: { ...requestOptions.qs, userEmail } };
}

export const newGroupName = textField({
	name: 'groupName',
	displayName: 'Group Name',
	required: true,
	description: 'Name of the group to create in Mapp Engage',
});

/** preSend of Group > Create: `{"groupNames":["…"]}`. */
export async function buildCreateGroupBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = newGroupName.read(singleItemReader(this));
	return { ...requestOptions, body: { groupNames: [name] } };
}

/** postReceive of Group > Create: `{"groupNamesAndIds":{"X":678}}` → one item `{ name, id }` per created group. */
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
