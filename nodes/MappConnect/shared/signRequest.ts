import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { integrationBaseUrl } from './api';
import { deadlineMs, requestSignal } from './deadline';
import {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from './signing';
import { requestUrl } from './urls';

const METHODS_WITHOUT_BODY = ['GET', 'HEAD', 'OPTIONS'];

/** The request options n8n hands to `authenticate`: its own shape, or the legacy one of the HTTP Request node. */
type OutgoingRequest = IHttpRequestOptions & { uri?: string };

/**
 * Signs one request. The body and query are serialised here, once, and handed on as the exact
 * strings that were hashed, so that the HTTP layer has nothing left to serialise differently.
 * Running it again on its own result (n8n re-authenticates after a 401) signs the same bytes.
 * Credential values that would misroute a request are refused first, so nothing is sent with them.
 * Every request signed here gets the package's one deadline (shared/deadline.ts): routing hands
 * the Request Options' Timeout on only as an idle timeout, which a trickled answer never trips.
 */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	integrationBaseUrl(credentials);
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
	if (body.length > 0) headers['content-type'] = 'application/json';

	const signed: OutgoingRequest = {
		...request,
		headers,
		abortSignal: requestSignal(
			request.abortSignal as AbortSignal | undefined,
			deadlineMs(request.timeout),
		),
	};
	delete signed.qs;
	delete signed.baseURL;
	delete signed.body;
	// Bytes stay bytes (the package's own transport serialises once); anything else goes as the signed text.
	if (body.length > 0) signed.body = body;
	if (request.uri !== undefined && request.url === undefined) signed.uri = url.href;
	else signed.url = url.href;
	return signed;
}

/** The absolute URL the request goes to, parsed the way the HTTP layer parses it. */
function targetUrl({ url, uri, baseURL }: OutgoingRequest): URL {
	const parsed = requestUrl(String(url ?? uri ?? ''), baseURL);
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
 * The body as it goes on the wire: bytes as they are (they are what is signed), anything else as
 * its JSON text; empty ('' or no bytes) when there is none. A string body is sent trimmed because
 * the HTTP layer (axios) trims JSON strings; one that is not JSON would be re-quoted there, so it
 * is refused.
 */
function serialiseBody(body: unknown): string | Buffer {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed === '') return '';
		if (!isJson(trimmed)) {
			throw new Error(
				'Mapp Connect accepts JSON bodies only, and this request body is not valid JSON',
			);
		}
		return trimmed;
	}
	if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return '';
	return JSON.stringify(body);
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function withoutHeader(headers: IDataObject, name: string): IDataObject {
	return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}
