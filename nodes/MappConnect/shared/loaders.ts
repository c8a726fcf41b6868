/** The dropdowns' live lists (`methods.listSearch`): groups, prepared messages and mobile apps. */
import type { IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ApiPath } from './api';
import { API_PATHS, baseUrlOf, CREDENTIAL_TYPE, integrationPath } from './api';
import { isMappError, mappMessage } from './errors';
import { listEntries } from './listEntries';

const CHECK_CREDENTIAL = "Check the credential's system (or base URL), integration ID and secret.";

function loadFailed(context: ILoadOptionsFunctions, what: string, reason: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Could not load the ${what} from Mapp Connect (${reason}). ${CHECK_CREDENTIAL}`);
}

async function fetchList(context: ILoadOptionsFunctions, path: ApiPath, what: string) {
	let request: IHttpRequestOptions;
	let response: IN8nHttpFullResponse;
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		request = {
			method: 'GET',
			baseURL: baseUrlOf(String(credentials.system), String(credentials.baseUrl ?? '')),
			url: integrationPath(String(credentials.integrationId ?? ''), path),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw loadFailed(context, what, (error as Error).message);
	}
	if (isMappError(response.statusCode)) {
		const message = mappMessage(response.body);
		throw loadFailed(context, what, `Mapp answered ${response.statusCode}${message ? `: ${message}` : ''}`);
	}
	const entries = listEntries(response.body);
	if (!entries) throw loadFailed(context, what, 'the answer was not a list of IDs and names');
	return entries;
}

/** Entries labelled "Name (ID 123)" so that two of the same name can be told apart; the filter matches name or ID. */
async function searchList(
	context: ILoadOptionsFunctions,
	path: ApiPath,
	what: string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const entries = await fetchList(context, path, what);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: entries
			.filter(({ id, name }) => !wanted || name.toLowerCase().includes(wanted) || id.includes(wanted))
			.map(({ id, name }) => ({ name: `${name} (ID ${id})`, value: id })),
	};
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, API_PATHS.groups, 'groups', filter);
}

export async function searchEmailMessages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, API_PATHS.emailMessages, 'email messages', filter);
}

export async function searchSmsMessages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, API_PATHS.smsMessages, 'SMS messages', filter);
}

export async function searchPushMessages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, API_PATHS.pushMessages, 'push messages', filter);
}

export async function searchMobileApps(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, API_PATHS.mobileApps, 'mobile apps', filter);
}
