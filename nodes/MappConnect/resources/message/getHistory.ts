/**
 * Message → Get History: the messages sent to one contact, in pages of `numberOfRows` from
 * `offset`. Mapp's page size limit is not documented, so a short page is not taken as the end:
 * paging stops at an empty page, at a page that adds nothing new (a server that ignores `offset`),
 * at the Limit, or when the execution is cancelled; a hard ceiling stops a server that never ends.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { singleItemReader } from '../../fields/readers';
import { emailField } from '../../fields/text';
import { API_PATHS, HISTORY_PAGE_SIZE, endpointUrl } from '../../shared/api';
import { pairedTo, returnAllAndLimit, throwOnMappError, unexpectedAnswer } from '../readOutput';
import { routedOperation } from '../resource';

/** More pages than this (100,000 entries at 100 a page) means the server is not paging as Mapp does. */
export const MAX_HISTORY_PAGES = 1000;

const contact = emailField({
	name: 'userEmail',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact whose received messages to get',
});

/** preSend: the contact's email in the query, checked before any request. */
export async function buildHistoryQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userEmail = contact.read(singleItemReader(this));
	return { ...requestOptions, qs: { ...requestOptions.qs, userEmail } };
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

export async function paginateMessageHistory(
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit =
		resultOptions.maxResults === undefined ? Infinity : Number(resultOptions.maxResults);
	const cancel = this.getExecutionCancelSignal();
	const results: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let offset = 0;
	for (let page = 0; results.length < limit && !cancel?.aborted; page++) {
		if (page === MAX_HISTORY_PAGES) {
			throw new NodeOperationError(
				this.getNode(),
				`Get History stopped after ${MAX_HISTORY_PAGES} pages`,
				{
					itemIndex: this.getItemIndex(),
					description: `Mapp Connect kept answering with new pages; set a Limit below ${MAX_HISTORY_PAGES * HISTORY_PAGE_SIZE} to get the first messages.`,
				},
			);
		}
		const numberOfRows = Math.min(HISTORY_PAGE_SIZE, limit - results.length);
		const entries = await this.makeRoutingRequest({
			...resultOptions,
			options: {
				...resultOptions.options,
				qs: { ...resultOptions.options.qs, numberOfRows, offset },
			},
		});
		offset += entries.length;
		const fresh = entries.filter(({ json }) => {
			const key = JSON.stringify(json);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		results.push(...fresh.slice(0, limit - results.length));
		if (fresh.length === 0) break;
	}
	return results;
}

export const getHistory = routedOperation(
	{
		value: 'getHistory',
		name: 'Get History',
		action: 'Get the message history of a user',
		description: 'Get the messages sent to one contact',
		routing: {
			request: { method: 'GET', url: endpointUrl(API_PATHS.messageHistory) },
			send: { preSend: [buildHistoryQuery], paginate: true },
			operations: { pagination: paginateMessageHistory },
			output: { postReceive: [throwOnMappError, toHistoryItems] },
		},
	},
	[...contact.properties, ...returnAllAndLimit()],
);
