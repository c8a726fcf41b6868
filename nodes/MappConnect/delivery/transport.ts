/**
 * The one way this package sends a request outside n8n's routing (every sending operation, the
 * dropdowns): through n8n's `httpRequestWithAuthentication`, which has the credential's own
 * `authenticate` sign it, with the node's Request Options (proxy, SSL, timeout) applied as routing
 * applies them, never following a redirect, and with a real deadline.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ApiPath } from '../shared/api';
import { CREDENTIAL_TYPE, integrationBaseUrl } from '../shared/api';
import {
	checkedMilliseconds,
	deadlineMessage,
	deadlineMs,
	requestSignal,
} from '../shared/deadline';
import { proxyOptionOf } from '../shared/urls';

/** Mapp's answer as the package judges it: its status, its body and its headers. */
export interface TransportResponse {
	statusCode: number;
	body?: unknown;
	headers?: Record<string, unknown>;
}

/** The "Request Options" n8n adds to every declarative node, as n8n stores them. */
interface RequestOptionsParameter {
	proxy?: string;
	timeout?: unknown;
	allowUnauthorizedCerts?: boolean;
	batching?: { batch?: { batchSize?: unknown; batchInterval?: unknown } };
}

const BATCH_INTERVAL_FIELD = "'Batch Interval (ms)' of the Request Options' Batching";

export interface RequestSettings {
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	/** The deadline of one request, from sending it to the end of its answer. */
	timeoutMs: number;
	/** Request Options → Batching: this many requests, then a pause of `intervalMs`. */
	batching?: { size: number; intervalMs: number };
}

/**
 * The node's Request Options, checked once per run (as routing reads them: from the first item),
 * before anything is sent: a value no timer can hold is refused naming the option.
 */
export function requestSettings(context: {
	getNode(): INode;
	runParameter(path: string, fallback: unknown): unknown;
}): RequestSettings {
	const options = context.runParameter('requestOptions', {}) as RequestOptionsParameter;
	const batch = options.batching?.batch;
	const checked = <T>(read: () => T): T => {
		try {
			return read();
		} catch (error) {
			throw new NodeOperationError(context.getNode(), (error as Error).message);
		}
	};
	const timeoutMs = checked(() => deadlineMs(options.timeout));
	const size = Number(batch?.batchSize ?? 0);
	const intervalMs = checked(() => checkedMilliseconds(batch?.batchInterval, BATCH_INTERVAL_FIELD));
	return {
		proxy: options.proxy ? proxyOf(context, options.proxy) : undefined,
		skipSslCertificateValidation: options.allowUnauthorizedCerts === true || undefined,
		timeoutMs,
		batching: size > 0 && intervalMs ? { size, intervalMs } : undefined,
	};
}

function proxyOf(context: { getNode(): INode }, text: string): IHttpRequestOptions['proxy'] {
	return proxyOptionOf(context.getNode(), text);
}

export interface MappRequest {
	method: 'GET' | 'POST';
	path: ApiPath;
	qs?: Record<string, string>;
	body?: unknown;
}

export type MappTransport = (request: MappRequest) => Promise<TransportResponse>;

/** What the transport needs of n8n: the node, the credential, the HTTP helper and the run's cancellation. */
export interface TransportContext {
	getNode: IExecuteFunctions['getNode'];
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

/**
 * Opens the transport of one run: the credential is read and checked once (an unknown system or a
 * misrouting value fails here, before anything is sent), then every request goes through
 * `httpRequestWithAuthentication`. That helper aborts a request only with the signal of the
 * context it is called on (`getExecutionCancelSignal`), so each request is made on a context whose
 * signal also ends at the request's deadline (shared/deadline.ts, which the credential applies to
 * every request it signs, routing's too): a server that trickles its answer cannot hold a run.
 * The body is serialised here, once, to the bytes the credential signs and the wire carries: as a
 * string, the HTTP layer (axios) would parse every 1000-event body again to check it is JSON.
 */
export async function openTransport(
	context: TransportContext,
	settings: RequestSettings,
): Promise<MappTransport> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const base = integrationBaseUrl(credentials);
	const credentialsDecrypted = { id: '', name: '', type: CREDENTIAL_TYPE, data: credentials };
	const cancel = context.getExecutionCancelSignal?.();
	return async ({ method, path, qs, body }) => {
		const signal = requestSignal(cancel, settings.timeoutMs);
		const requestContext = {
			getNode: () => context.getNode(),
			getCredentials: async () => credentials,
			helpers: context.helpers,
			getExecutionCancelSignal: () => signal,
		};
		const options: IHttpRequestOptions = {
			method,
			url: `${base}/${path}`,
			qs,
			body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			proxy: settings.proxy,
			skipSslCertificateValidation: settings.skipSslCertificateValidation,
			timeout: settings.timeoutMs,
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				requestContext as unknown as IExecuteFunctions,
				CREDENTIAL_TYPE,
				options,
				{ credentialsDecrypted },
			)) as IN8nHttpFullResponse;
			return { statusCode: response.statusCode, body: response.body, headers: response.headers };
		} catch (error) {
			// Only the delivery engine sees this error (it judges whether to retry); users read the
			// engine's report, which never includes the thrown error and so never the signed request.
			if (signal.aborted && !cancel?.aborted) {
				const message = deadlineMessage(settings.timeoutMs);
				throw new NodeApiError(context.getNode(), { message, code: 'ETIMEDOUT' } as JsonObject, {
					message,
					httpCode: 'ETIMEDOUT',
				});
			}
			throw error instanceof NodeApiError
				? error
				: new NodeApiError(context.getNode(), error as JsonObject);
		}
	};
}
