/**
 * Turns Mapp Connect's error answers into NodeApiErrors with Mapp's message, the status code and a
 * hint at what to check. Used wherever an answer from Mapp arrives: routing's postReceive, the
 * custom operations (single events, Batch, Group → Create, Integration → Connect), the dropdowns
 * and the retry decisions.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface MappResponse {
	statusCode: number;
	body?: unknown;
	headers?: Record<string, unknown>;
}

export interface MappErrorContext {
	/** The subtype of the event(s) the request carried, named in the hint for a 400. */
	subtype?: string;
	itemIndex?: number;
}

/**
 * Mapp's clients treat anything but 2xx as failure. Mapp Connect answers its calls with a status
 * and JSON (or nothing), never with a web page: a 2xx HTML page comes from something else on the
 * way (a login page, a proxy's error page), and nothing was delivered to Mapp.
 */
export function isMappError(response: MappResponse): boolean {
	return response.statusCode < 200 || response.statusCode >= 300 || isHtmlPage(response);
}

function isHtmlPage(response: MappResponse): boolean {
	return /text\/html/i.test(String(headerOf(response.headers, 'content-type') ?? ''));
}

export function headerOf(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

const MAX_QUOTED_MESSAGE_LENGTH = 200;

/**
 * Headers only a proxy puts on an answer of its own: RFC 9209's Proxy-Status, the challenge of a
 * proxy that wants credentials, Squid's error header.
 */
const PROXY_ANSWER_HEADERS = ['proxy-status', 'proxy-authenticate', 'x-squid-error'];

/**
 * Whether the answer is a proxy's (the Request Options' Proxy, or one n8n's environment names)
 * rather than Mapp Connect's: a 407 (only a proxy asks for its own credentials), or an answer
 * bearing a header only proxies set.
 */
export function isProxyAnswer(response: MappResponse): boolean {
	return (
		response.statusCode === 407 ||
		PROXY_ANSWER_HEADERS.some((name) => headerOf(response.headers, name) !== undefined)
	);
}

/**
 * Credentials an answer may echo (a proxy that repeats the request's headers, Proxy-Authorization
 * with base64 `user:password`; Mapp's own auth-token): the value of a header or key naming them,
 * an authorization scheme's credentials, a URL's `user:password@`.
 */
const CREDENTIALS: Array<[RegExp, string]> = [
	// a scheme's token is mixed case (base64, a JWT), so that words like "Basic validation" stay
	[/\b(Basic|Bearer|Digest|Negotiate|NTLM) +(?=[\w+/=.~-]*[a-z0-9][A-Z])[\w+/=.~-]+/g, '$1 ***'],
	[
		/\b((?:proxy-)?authorization|auth-token|x-auth-token|(?:set-)?cookie)(["']?\s*[:=]\s*["']?)[^\r\n"'<]*/gi,
		'$1$2***',
	],
	[/(\/\/)[^\s/?#@"']+@/g, '$1***@'],
];

/** The text with every credential it may echo shown as `***`. */
export function withoutCredentials(text: string): string {
	return CREDENTIALS.reduce((result, [pattern, shown]) => result.replace(pattern, shown), text);
}

/** An answer's body as an error may keep it: its credentials shown as `***`. */
export function bodyWithoutCredentials(body: unknown): unknown {
	if (typeof body === 'string') return withoutCredentials(body);
	if (body === null || typeof body !== 'object') return body;
	try {
		return JSON.parse(withoutCredentials(JSON.stringify(body))) as unknown;
	} catch {
		return null;
	}
}

/**
 * What an answer was, after its status: "400: <Mapp's message>", "307: a redirect to
 * https://other.example, not followed", "200 with an HTML page". Names only the origin a redirect
 * points to, and never anything of the request.
 */
export function describeAnswer(response: MappResponse): string {
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		const location = headerOf(response.headers, 'location');
		let origin = 'another address';
		try {
			if (location) origin = new URL(location).origin;
		} catch {
			origin = 'an unreadable address';
		}
		return `${statusCode}: a redirect to ${origin}, not followed`;
	}
	if (isHtmlPage(response))
		return `${statusCode} with an HTML page instead of Mapp Connect's answer`;
	const message = mappMessage(response.body)?.slice(0, MAX_QUOTED_MESSAGE_LENGTH);
	return message ? `${statusCode}: ${message}` : String(statusCode);
}

/**
 * Mapp's `message` from an error body (JSON object or its text), if there is one, without any
 * credential it echoes (withoutCredentials).
 */
export function mappMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return withoutCredentials(body.trim()) || undefined;
		}
	}
	if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
		const { message } = parsed as { message: unknown };
		if (typeof message === 'string' && message.trim()) return withoutCredentials(message.trim());
	}
	return undefined;
}

/** Engage's answer when more than about 10 transactions per second arrive (docs/mapp-connect-api.md, unverified). */
export const DATABASE_LIMIT_MESSAGE = /database access limit/i;

/** What a user should check after Mapp answered with this status. */
export function mappErrorHint(
	statusCode: number,
	message: string | undefined,
	context: MappErrorContext = {},
): string {
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
	if (
		statusCode === 429 ||
		(statusCode === 500 && message && DATABASE_LIMIT_MESSAGE.test(message))
	) {
		return 'Mapp is limiting the request rate. Wait at least 30 seconds before retrying, and send fewer requests per second (e.g. with the Batch resource).';
	}
	if (statusCode >= 500) {
		return 'Mapp Connect could not process the request, and may have recorded what it carried all the same. Check in Mapp before sending it again; try again later.';
	}
	if (statusCode >= 300 && statusCode < 400) {
		return 'Mapp Connect does not redirect its API, so the signed request and its data were not sent on. Check the System, or the Base URL (a proxy, or an address that moved?).';
	}
	if (statusCode < 300) {
		return 'Something other than Mapp Connect answered, such as a login page or a proxy. Check the System, or the Base URL (ending in /api/v1).';
	}
	return 'Mapp Connect did not accept the request.';
}

/** What a user should check after a proxy answered with this status instead of Mapp Connect. */
function proxyHint(statusCode: number): string {
	const check =
		statusCode === 407
			? "Check the user name and password of the proxy (Request Options → Proxy, or n8n's HTTP_PROXY / HTTPS_PROXY)."
			: "Check the proxy (Request Options → Proxy, or n8n's HTTP_PROXY / HTTPS_PROXY) and its way to Mapp Connect.";
	return statusCode >= 500
		? `The proxy between n8n and Mapp Connect could not complete the request, which may have reached Mapp all the same: check in Mapp before sending it again. ${check}`
		: `The proxy between n8n and Mapp Connect refused the request: it did not reach Mapp. ${check}`;
}

/** What to check after this answer: Mapp's hint for its status, or the proxy's when a proxy answered. */
export function answerHint(response: MappResponse, context: MappErrorContext = {}): string {
	return isProxyAnswer(response)
		? proxyHint(response.statusCode)
		: mappErrorHint(response.statusCode, mappMessage(response.body), context);
}

/**
 * The error for an error answer, naming who gave it (Mapp Connect or a proxy), without anything of
 * the request (no token, no secret) or any credential the answer echoes.
 */
export function mappApiError(
	node: INode,
	response: MappResponse,
	context: MappErrorContext = {},
): NodeApiError {
	const message = mappMessage(response.body);
	const answerer = isProxyAnswer(response) ? 'The proxy' : 'Mapp Connect';
	return new NodeApiError(
		node,
		{ statusCode: response.statusCode, message: message ?? '' } as JsonObject,
		{
			message: `${answerer} answered ${describeAnswer(response)}`,
			description: answerHint(response, context),
			httpCode: String(response.statusCode),
			itemIndex: context.itemIndex,
		},
	);
}
