/** The dropdowns' live lists (`methods.listSearch`): groups, prepared messages and mobile apps. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TransportResponse } from '../delivery/transport';
import { openTransport } from '../delivery/transport';
import { networkFailure } from '../delivery/retry';
import type { ListSearchMethod } from '../fields/choice';
import type { ApiPath } from '../shared/api';
import { API_PATHS, REQUEST_TIMEOUT_MS } from '../shared/api';
import { describeAnswer, isMappError, isProxyAnswer } from '../shared/errors';
import { listEntries } from '../shared/listEntries';

const CHECK_CREDENTIAL = "Check the credential's system (or base URL), integration ID and secret.";

function loadFailed(
	context: ILoadOptionsFunctions,
	what: string,
	reason: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Could not load the ${what} from Mapp Connect (${reason}). ${CHECK_CREDENTIAL}`,
	);
}

async function fetchList(context: ILoadOptionsFunctions, path: ApiPath, what: string) {
	let response: TransportResponse;
	try {
		const transport = await openTransport(context, { timeoutMs: REQUEST_TIMEOUT_MS });
		response = await transport({ method: 'GET', path });
	} catch (error) {
		throw loadFailed(context, what, networkFailure(error)?.words ?? (error as Error).message);
	}
	if (isMappError(response)) {
		const answerer = isProxyAnswer(response) ? 'The proxy' : 'Mapp';
		throw loadFailed(context, what, `${answerer} answered ${describeAnswer(response)}`);
	}
	const entries = listEntries(response.body);
	if (!entries) throw loadFailed(context, what, 'the answer was not a list of IDs and names');
	return entries;
}

/** A live list: entries labelled "Name (ID 123)" so that two of the same name can be told apart; the filter matches name or ID. */
function searchList(path: ApiPath, what: string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const entries = await fetchList(this, path, what);
		const wanted = filter?.trim().toLowerCase();
		return {
			results: entries
				.filter(
					({ id, name }) => !wanted || name.toLowerCase().includes(wanted) || id.includes(wanted),
				)
				.map(({ id, name }) => ({ name: `${name} (ID ${id})`, value: id })),
		};
	};
}

export const listSearch: Record<ListSearchMethod, ReturnType<typeof searchList>> = {
	searchGroups: searchList(API_PATHS.groups, 'groups'),
	searchEmailMessages: searchList(API_PATHS.emailMessages, 'email messages'),
	searchSmsMessages: searchList(API_PATHS.smsMessages, 'SMS messages'),
	searchPushMessages: searchList(API_PATHS.pushMessages, 'push messages'),
	searchMobileApps: searchList(API_PATHS.mobileApps, 'mobile apps'),
};
