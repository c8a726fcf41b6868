/**
 * The one way this package sends a request outside n8n's routing (every event operation, Batch,
 * the dropdowns): signed by the credential's own `authenticate`, with the node's Request Options
 * (proxy, SSL, timeout) applied as routing applies them, never following a redirect, and with a
 * real deadline.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ApiPath } from '../shared/api';
import { CREDENTIAL_TYPE, REQUEST_TIMEOUT_MS, integrationBaseUrl } from '../shared/api';
import { signRequest } from '../shared/signRequest';
import { proxyOptionOf } from '../shared/urls';
import type { TransportResponse } from './retry';

/** The "Request Options" n8n adds to every declarative node, as n8n stores them. */
interface RequestOptionsParameter {
	proxy?: string;
	timeout?: number;
	allowUnauthorizedCerts?: boolean;
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
}

export interface RequestSettings {
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	/** The deadline of one request, from sending it to the end of its answer. */
	timeoutMs: number;
	/** Request Options → Batching: this many requests, then a pause of `intervalMs`. */
	batching?: { size: number; intervalMs: number };
}

/** The node's Request Options, checked once per run (as routing reads them: from the first item). */
export function requestSettings(context: IExecuteFunctions): RequestSettings {
	const options = context.getNodeParameter('requestOptions', 0, {}) as RequestOptionsParameter;
	const batch = options.batching?.batch;
	const size = Number(batch?.batchSize ?? 0);
	const intervalMs = Number(batch?.batchInterval ?? 0);
	return {
		proxy: options.proxy ? proxyOf(context, options.proxy) : undefined,
		skipSslCertificateValidation: options.allowUnauthorizedCerts === true || undefined,
		timeoutMs: options.timeout && options.timeout > 0 ? options.timeout : REQUEST_TIMEOUT_MS,
		batching: size > 0 && intervalMs > 0 ? { size, intervalMs } : undefined,
	};
}

function proxyOf(context: IExecuteFunctions, text: string): IHttpRequestOptions['proxy'] {
	return proxyOptionOf(context.getNode(), text);
}

export interface MappRequest {
	method: 'GET' | 'POST';
	path: ApiPath;
	qs?: IDataObject;
	body?: unknown;
}

export type MappTransport = (request: MappRequest) => Promise<TransportResponse>;

type TransportContext = Pick<
	IExecuteFunctions | ILoadOptionsFunctions,
	'getCredentials' | 'getNode' | 'helpers'
>;

/**
 * Opens the transport of one run. n8n's httpRequestWithAuthentication would replace any abort
 * signal with the execution's own, so no deadline could end a request that trickles its answer;
 * this signs with the credential's authenticate (the same bytes n8n would sign) and sends with
 * httpRequest under a signal that ends at the deadline or when the execution is cancelled.
 */
export async function openTransport(
	context: TransportContext,
	settings: RequestSettings,
	cancel?: AbortSignal,
): Promise<MappTransport> {
	const credentials: ICredentialDataDecryptedObject = await context.getCredentials(CREDENTIAL_TYPE);
	const base = integrationBaseUrl(credentials);
	return async ({ method, path, qs, body }) => {
		const deadline = AbortSignal.timeout(settings.timeoutMs);
		const signed = await signRequest(credentials, {
			method,
			url: `${base}/${path}`,
			qs,
			body: body as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			proxy: settings.proxy,
			skipSslCertificateValidation: settings.skipSslCertificateValidation,
			timeout: settings.timeoutMs,
			abortSignal: cancel ? AbortSignal.any([cancel, deadline]) : deadline,
		});
		// The signed JSON goes as bytes: a string body would be parsed once more by the HTTP layer
		// (axios checks that a JSON string is JSON), a cost that grows with Batch's 1000-event bodies.
		if (typeof signed.body === 'string') signed.body = Buffer.from(signed.body);
		try {
			const response = (await context.helpers.httpRequest(signed)) as IN8nHttpFullResponse;
			return { statusCode: response.statusCode, body: response.body, headers: response.headers };
		} catch (error) {
			// Only the delivery engine sees this error (it judges whether to retry); users read the
			// engine's report, which never includes the thrown error and so never the signed request.
			const late = deadline.aborted && !cancel?.aborted;
			throw new NodeApiError(context.getNode(), error as JsonObject, {
				message: late ? `no complete answer within ${settings.timeoutMs / 1000} s` : undefined,
				httpCode: late ? 'ETIMEDOUT' : undefined,
			});
		}
	};
}
