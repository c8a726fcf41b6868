/**
 * Every URL the package takes from a user, read in one place: the credential's Custom Base URL,
 * each URL the credential signs, and the Request Options' Proxy. URL parsers disagree on text that
 * is not plainly `http(s)://host…`: WHATWG's URL (n8n's HTTP layer) reads `\` as `/` and drops tabs
 * and newlines, so `http://evil.example\@127.0.0.1/` goes to evil.example there and to 127.0.0.1
 * elsewhere; `http:host` and `http:/host` are relative for some parsers and absolute for others.
 * Such text is refused, so that what is checked here is what is sent.
 */
import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Whether the text holds whitespace (Unicode's too) or a control character (C0, DEL, C1). */
function holdsSpaceOrControl(text: string): boolean {
	return [...text].some((char) => {
		const code = char.codePointAt(0) ?? 0;
		return code < 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(char);
	});
}

/** `http://` or `https://` literally, then the first character of a host (or of a user name). */
const SCHEME_AND_AUTHORITY = /^https?:\/\/[^/?#]/i;

/**
 * The text as an http(s) URL, parsed the way the HTTP layer parses it, once it is one that every
 * parser reads alike; otherwise an Error `<field> <what is wrong>: <form>`, where `form` says
 * what to enter.
 */
function checkedHttpUrl(text: string, field: string, form: string): URL {
	const refusal = (problem: string, fix = form) => new Error(`${field} ${problem}: ${fix}`);
	if (text.trim() !== text) throw refusal('has spaces before or after it', 'remove them');
	if (holdsSpaceOrControl(text)) throw refusal('holds spaces or control characters');
	if (text.includes('\\')) throw refusal('holds a backslash ("\\")');
	if (!SCHEME_AND_AUTHORITY.test(text)) throw refusal('is not an http(s) URL');
	try {
		return new URL(text);
	} catch {
		throw refusal('is not an http(s) URL');
	}
}

/**
 * The text with the user name and password it may carry (all before its last `@`) shown as
 * `user:***`, or `***` without a `:` (a user name alone can be a token), for quoting in messages.
 */
export function withoutPassword(text: string): string {
	const at = text.lastIndexOf('@');
	if (at === -1) return text;
	const schemeEnd = text.indexOf('://');
	const start = schemeEnd !== -1 && schemeEnd < at ? schemeEnd + 3 : 0;
	const colon = text.indexOf(':', start);
	const shown = colon !== -1 && colon < at ? `${text.slice(start, colon)}:***` : '***';
	return `${text.slice(0, start)}${shown}${text.slice(at)}`;
}

const BASE_URL_FORM = 'enter the API base URL, such as https://proxy.example.com/charon/api/v1';

/** A Custom base URL's path must end in Mapp's API root; the request signature covers the path from there on. */
const API_ROOT_AT_END = /\/api\/v\d+$/;

/** The credential's Custom Base URL, checked, without trailing slashes. */
export function checkedBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value : '';
	if (text === '') throw new Error(`Base URL is empty: a Custom system needs it; ${BASE_URL_FORM}`);
	const url = checkedHttpUrl(text, 'Base URL', BASE_URL_FORM);
	if (text.includes('?') || text.includes('#')) {
		throw new Error(`Base URL must not hold a query ("?…") or fragment ("#…"): ${BASE_URL_FORM}`);
	}
	if (url.username || url.password) {
		throw new Error('Base URL must not hold a user name or password');
	}
	if (!API_ROOT_AT_END.test(url.pathname.replace(/\/+$/, ''))) {
		throw new Error(
			`Base URL must end in /api/v1 (Mapp's API root; the signature covers the path from there): ${BASE_URL_FORM}`,
		);
	}
	return text.replace(/\/+$/, '');
}

/**
 * The URL a request of the credential goes to, its base URL and path joined as the HTTP layer
 * joins them; the credential's values have been checked before (integrationBaseUrl), so what is
 * refused here came with the request (the HTTP Request node's URL).
 */
export function requestUrl(url: string, baseURL: string | undefined): URL {
	const absolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url)
		? url
		: `${(baseURL ?? '').replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
	return checkedHttpUrl(
		absolute,
		"The request's URL",
		'Mapp Connect needs an http(s) URL; check the System, or the Base URL (ending in /api/v1)',
	);
}

const PROXY_FORM = 'enter it as http://host:port, optionally with user:password@ before the host';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The Request Options' Proxy as n8n's request options take it. As before, `host:port` without a
 * scheme means http://host:port. A refusal quotes the text without its password.
 */
export function proxyOptionOf(node: INode, text: string): IHttpRequestOptions['proxy'] {
	const field = `'Proxy' of the Request Options (${JSON.stringify(withoutPassword(text))})`;
	const refusal = (message: string) => new NodeOperationError(node, message);
	const withScheme = /^https?:|:\/\//i.test(text) ? text : `http://${text}`;
	let url: URL;
	try {
		url = checkedHttpUrl(withScheme, field, PROXY_FORM);
	} catch (error) {
		throw refusal((error as Error).message);
	}
	// WHATWG's URL leaves out a port that is the scheme's default, even when written.
	const authority = withScheme.slice(withScheme.indexOf('//') + 2).split(/[/?#]/)[0];
	const port = url.port || (/:\d+$/.test(authority) ? DEFAULT_PORTS[url.protocol] : '');
	if (!port) throw refusal(`${field} has no port: ${PROXY_FORM}`);
	let auth: { username: string; password: string } | undefined;
	try {
		if (url.username) {
			auth = {
				username: decodeURIComponent(url.username),
				password: decodeURIComponent(url.password),
			};
		}
	} catch {
		throw refusal(
			`${field} holds a malformed %-escape in its user name or password: ${PROXY_FORM}`,
		);
	}
	return {
		host: url.hostname,
		port: Number(port),
		protocol: url.protocol.slice(0, -1),
		...(auth ? { auth } : {}),
	};
}
