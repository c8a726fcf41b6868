import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import {
	API_PATHS,
	CREDENTIAL_TYPE,
	CUSTOM_SYSTEM,
	INTEGRATION_BASE_URL_EXPRESSION,
	MAPP_SYSTEMS,
	endpointUrl,
} from '../nodes/MappConnect/shared/api';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../nodes/MappConnect/shared/signing';

const METHODS_WITHOUT_BODY = ['GET', 'HEAD', 'OPTIONS'];

/** The request options n8n hands to `authenticate`: its own shape, or the legacy one of the HTTP Request node. */
type OutgoingRequest = IHttpRequestOptions & { uri?: string };

export class MappConnectApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'Mapp Connect API';

	documentationUrl = 'https://docs.mapp.com/docs/mapp-connect-api-endpoints';

	icon: Icon = { light: 'file:../icons/mappConnect.svg', dark: 'file:../icons/mappConnect.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'System',
			name: 'system',
			type: 'options',
			options: [
				...MAPP_SYSTEMS.map(({ name, value }) => ({ name, value })),
				{ name: 'Custom', value: CUSTOM_SYSTEM, description: 'A proxy or a test server' },
			],
			default: 'euL3',
			description: 'The Mapp Engage system the integration lives on, as shown in Mapp Engage',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://proxy.example.com/charon/api/v1',
			description: 'The API base URL, ending in /api/v1',
			displayOptions: { show: { system: [CUSTOM_SYSTEM] } },
		},
		{
			displayName: 'Integration ID',
			name: 'integrationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '11111111-2222-3333-4444-555555555555',
			description: 'The ID on the Mapp Connect integration page in Mapp Engage',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret on the Mapp Connect integration page in Mapp Engage',
		},
	];

	authenticate = signRequest;

	/**
	 * n8n 2.8 shows its own generic text for a failed test request: the responseCode rules never see
	 * the status, because NodeApiError drops the HTTP error it wraps. So a refused ping is let through
	 * (ignoreHttpStatusErrors) and judged by its body, which names the fields to check.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: INTEGRATION_BASE_URL_EXPRESSION,
			url: endpointUrl(API_PATHS.ping),
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'pong',
					value: undefined,
					message:
						'Mapp Connect did not answer the ping: check the Integration ID and the Secret, and that the System (or Base URL) is the one the integration belongs to',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'pong',
					value: false,
					message: 'Mapp Connect did not confirm the integration: check the Integration ID',
				},
			},
		],
	};
}

/**
 * Signs one request. The body and query are serialised here, once, and handed on as the exact
 * strings that were hashed, so that the HTTP layer has nothing left to serialise differently.
 * Running it again on its own result (n8n re-authenticates after a 401) signs the same bytes.
 */
async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const request = requestOptions as OutgoingRequest;
	const method = (request.method ?? 'GET').toUpperCase();
	const url = targetUrl(request);
	appendQuery(url, request.qs);
	const body = METHODS_WITHOUT_BODY.includes(method) ? '' : serialiseBody(request.body);

	const token = signToken(
		String(credentials.secret ?? ''),
		requestHash(url.pathname, body, url.search.slice(1)),
		nowInSeconds() + TOKEN_LIFETIME_SECONDS,
	);

	const headers: IDataObject = withoutHeader(request.headers ?? {}, 'content-type');
	headers[AUTH_TOKEN_HEADER] = token;
	if (body !== '') headers['content-type'] = 'application/json';

	const signed: OutgoingRequest = { ...request, headers };
	delete signed.qs;
	delete signed.baseURL;
	delete signed.body;
	if (body !== '') signed.body = body;
	if (request.uri !== undefined && request.url === undefined) signed.uri = url.href;
	else signed.url = url.href;
	return signed;
}

/** The absolute URL the request goes to, parsed the way the HTTP layer parses it. */
function targetUrl({ url, uri, baseURL }: OutgoingRequest): URL {
	const given = String(url ?? uri ?? '');
	const absolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(given)
		? given
		: `${String(baseURL ?? '').replace(/\/+$/, '')}/${given.replace(/^\/+/, '')}`;
	let parsed: URL | undefined;
	try {
		parsed = new URL(absolute);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
		throw new Error('Mapp Connect needs an http(s) URL: check the System, or the Base URL (ending in /api/v1)');
	}
	parsed.hash = '';
	return parsed;
}

function appendQuery(url: URL, qs: IDataObject | undefined): void {
	for (const [key, value] of Object.entries(qs ?? {})) {
		for (const item of Array.isArray(value) ? value : [value]) {
			if (item === undefined || item === null) continue;
			url.searchParams.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
		}
	}
}

/**
 * The body as the JSON string that goes on the wire. A string body is sent trimmed because the
 * HTTP layer (axios) trims JSON strings; one that is not JSON would be re-quoted there, so it is refused.
 */
function serialiseBody(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed === '') return '';
		try {
			JSON.parse(trimmed);
		} catch {
			throw new Error('Mapp Connect accepts JSON bodies only, and this request body is not valid JSON');
		}
		return trimmed;
	}
	if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return '';
	return JSON.stringify(body);
}

function withoutHeader(headers: IDataObject, name: string): IDataObject {
	return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}
