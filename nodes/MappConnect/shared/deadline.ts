/**
 * The one deadline of every request the package signs, from sending it to the end of its answer:
 * the Request Options' Timeout, else REQUEST_TIMEOUT_MS. n8n hands `timeout` to its HTTP layer as
 * an idle timeout, which every byte of a trickled answer resets, so the deadline is an abort
 * signal instead. Node's timers hold at most 2^31 - 1 ms: a longer one fires at once, which would
 * abort every request as soon as it is sent (and Batch would send it again), so it is refused.
 */
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodePropertyRouting,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { REQUEST_TIMEOUT_MS } from './api';

/** The longest timer Node keeps (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const TIMEOUT_FIELD = "'Timeout' of the Request Options";

/**
 * A time in milliseconds for a timer, as a user may give it (a number, or its digits as text):
 * undefined when left empty or 0 (the default applies), otherwise a whole number from 1 to
 * MAX_TIMEOUT_MS, or an Error naming `field` and saying what the value must be.
 */
export function checkedMilliseconds(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (number === 0) return undefined;
	if (
		typeof number === 'number' &&
		Number.isInteger(number) &&
		number > 0 &&
		number <= MAX_TIMEOUT_MS
	)
		return number;
	const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
	throw new Error(
		`${field} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${shown}`,
	);
}

/** The deadline of a request whose options carry `timeout` (as routing and the transport set it). */
export function deadlineMs(timeout: unknown): number {
	return checkedMilliseconds(timeout, TIMEOUT_FIELD) ?? REQUEST_TIMEOUT_MS;
}

/** The signal a request is sent with: it aborts when the run is cancelled or the deadline passes. */
export function requestSignal(cancel: AbortSignal | undefined, timeoutMs: number): AbortSignal {
	const deadline = AbortSignal.timeout(timeoutMs);
	return cancel ? AbortSignal.any([cancel, deadline]) : deadline;
}

/** What a request that hit its deadline says, in words (never a raw code, which n8n would reword). */
export function deadlineMessage(timeoutMs: number): string {
	return `no complete answer within ${timeoutMs / 1000} s`;
}

type Pages = (
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

const ONE_REQUEST: Pages = async function (resultOptions) {
	return await this.makeRoutingRequest(resultOptions);
};

/**
 * A call that n8n's routing makes (the read operations), with its requests' deadline worded as
 * the package words it. Routing has no hook for a failed request but the pagination function,
 * so every such call goes through one: its own (Get History), or one that makes the one request.
 * The deadline (signRequest) aborts the request, which n8n's HTTP layer reports as "canceled".
 */
export function routingWithDeadline(routing: INodePropertyRouting): INodePropertyRouting {
	const own = routing.operations?.pagination;
	const pages = typeof own === 'function' ? (own as Pages) : ONE_REQUEST;
	return {
		...routing,
		send: { ...routing.send, paginate: true },
		operations: {
			...routing.operations,
			async pagination(this: IExecutePaginationFunctions, resultOptions) {
				try {
					return await pages.call(this, resultOptions);
				} catch (error) {
					if (!wasAborted(error) || this.getExecutionCancelSignal()?.aborted) {
						throw error instanceof NodeApiError || error instanceof NodeOperationError
							? error
							: new NodeApiError(this.getNode(), error as JsonObject);
					}
					const timeoutMs = deadlineMs(resultOptions.options.timeout);
					throw new NodeOperationError(
						this.getNode(),
						`Mapp Connect gave ${deadlineMessage(timeoutMs)}`,
						{
							itemIndex: this.getItemIndex(),
							description:
								"Check the System (or Base URL) of the credential and the network between n8n and Mapp; a slow answer may need a longer Timeout (the node's Request Options).",
						},
					);
				}
			},
		},
	};
}

/**
 * Whether the error (or one of its causes) is the HTTP layer's report of an aborted request: axios's
 * ERR_CANCELED, which n8n's NodeApiError keeps as its `httpCode` (it drops the cause itself).
 */
function wasAborted(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const { code, httpCode, name } = current as {
			code?: unknown;
			httpCode?: unknown;
			name?: unknown;
		};
		if ([code, httpCode].includes('ERR_CANCELED') || name === 'CanceledError') return true;
		current = (current as Error).cause;
	}
	return false;
}
