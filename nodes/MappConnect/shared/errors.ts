/**
 * Turns Mapp Connect's error answers into NodeApiErrors with Mapp's message, the status code and a
 * hint at what to check. Used by every operation (routing postReceive) and by the batch operation.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface MappResponse {
	statusCode: number;
	body?: unknown;
}

export interface MappErrorContext {
	/** The subtype of the event(s) the request carried, named in the hint for a 400. */
	subtype?: string;
	itemIndex?: number;
}

/** Mapp's clients treat anything but 2xx as failure. */
export function isMappError(statusCode: number): boolean {
	return statusCode < 200 || statusCode >= 300;
}

/** Mapp's `message` from an error body (JSON object or its text), if there is one. */
export function mappMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return body.trim() || undefined;
		}
	}
	if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
		const { message } = parsed as { message: unknown };
		if (typeof message === 'string' && message.trim()) return message.trim();
	}
	return undefined;
}

/** Engage's answer when more than about 10 transactions per second arrive (API-FACTS.md, UNVERIFIED). */
export const DATABASE_LIMIT_MESSAGE = /database access limit/i;

/** What a user should check after Mapp answered with this status. */
export function mappErrorHint(statusCode: number, message: string | undefined, context: MappErrorContext = {}): string {
	if (statusCode === 400) {
		return context.subtype
			? `Mapp refused the "${context.subtype}" event. Check the event's fields, and that the integration's mapping in Mapp has the subtype "${context.subtype}" (change it under Options > Event Subtype).`
			: 'Mapp refused the request. Check the values sent.';
	}
	if (statusCode === 401 || statusCode === 403) {
		return "Check the credential: the secret must belong to the integration ID and the system (or base URL) must be the integration's. Also check this machine's clock: every request is signed with a token that expires after a few minutes.";
	}
	if (statusCode === 404) {
		return 'Check the integration ID in the credential, and that the integration lives on the chosen system.';
	}
	if (statusCode === 429 || (statusCode === 500 && message && DATABASE_LIMIT_MESSAGE.test(message))) {
		return 'Mapp is limiting the request rate. Wait at least 30 seconds before retrying, and send fewer requests per second (e.g. with the Batch resource).';
	}
	if (statusCode >= 500) {
		return 'Mapp Connect could not process the request. Try again later; "Retry On Fail" in the node settings retries automatically.';
	}
	return 'Mapp Connect did not accept the request.';
}

/** The error for one of Mapp's error answers, without anything of the request (no token, no secret). */
export function mappApiError(node: INode, response: MappResponse, context: MappErrorContext = {}): NodeApiError {
	const message = mappMessage(response.body);
	return new NodeApiError(node, { statusCode: response.statusCode, message: message ?? '' } as JsonObject, {
		message: `Mapp Connect answered ${response.statusCode}${message ? `: ${message}` : ''}`,
		description: mappErrorHint(response.statusCode, message, context),
		httpCode: String(response.statusCode),
		itemIndex: context.itemIndex,
	});
}
