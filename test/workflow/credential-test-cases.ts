/**
 * Failing credential tests and the exact text n8n shows for each, shared by the in-process test
 * (test/workflow/credential-test.test.ts) and the real n8n's REST API (test/e2e/real-n8n.test.ts),
 * so that both prove the same table.
 */
import { createServer } from 'node:http';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { FaultSpec } from '../../tooling/sandbox';

/** The sandbox's base URL, and that of a server that is not Mapp (which answers 200 with other JSON). */
export interface CaseUrls {
	sandboxBaseUrl: string;
	notMappBaseUrl: string;
}

export interface CredentialTestCase {
	what: string;
	/** The credential data that differs from the sandbox's. */
	change: (urls: CaseUrls) => ICredentialDataDecryptedObject;
	/** A fault the sandbox answers the next ping with. */
	fault?: (urls: CaseUrls) => FaultSpec;
	/** The message of the test's result (its status is Error). */
	message: string | ((urls: CaseUrls) => string);
	/** The statuses the sandbox answered the pings with; none when no request reached it. */
	sandboxStatuses: number[];
	/** How many requests reached the server that is not Mapp; none unless it is the base URL. */
	notMappRequests?: number;
}

/** The message a case expects, given the servers' URLs. */
export function expectedMessage({ message }: CredentialTestCase, urls: CaseUrls): string {
	return typeof message === 'string' ? message : message(urls);
}

const INTEGRATION_ID_CHARACTERS =
	'Integration ID may hold only letters, digits, "-" and "_" (no spaces, dots or slashes): copy it from the integration\'s page in Mapp Engage (Data Management → Mapp Connect)';
const BASE_URL_EXAMPLE = 'enter the API base URL, such as https://proxy.example.com/charon/api/v1';
const NO_QUERY_OR_FRAGMENT = `Base URL must not hold a query ("?…") or fragment ("#…"): ${BASE_URL_EXAMPLE}`;

export const FAILING_CREDENTIAL_TESTS: CredentialTestCase[] = [
	{
		what: 'a wrong secret',
		change: () => ({ secret: 'not-the-secret' }),
		message: 'Authorization failed - please check your credentials',
		// n8n sends a request that was refused with 401 once more, re-authenticated, for every credential
		sandboxStatuses: [401, 401],
	},
	{
		what: 'an integration ID Mapp does not know',
		change: () => ({ integrationId: 'no-such-integration' }),
		message: 'The resource you are requesting could not be found',
		sandboxStatuses: [404],
	},
	{
		what: 'a base URL where nothing answers',
		change: () => ({ baseUrl: 'http://127.0.0.1:9/charon/api/v1' }),
		message: 'The service refused the connection - perhaps it is offline',
		sandboxStatuses: [],
	},
	{
		what: 'a base URL where something other than Mapp Connect answers 200',
		change: ({ notMappBaseUrl }) => ({ baseUrl: notMappBaseUrl }),
		message:
			"The answer to the ping is not Mapp Connect's: check the System (or the Base URL of a Custom system)",
		sandboxStatuses: [],
		notMappRequests: 1,
	},
	...([301, 302, 303, 307, 308] as const).map((status) => ({
		what: `a base URL that answers ${status}, a redirect to another origin`,
		change: () => ({}),
		fault: ({ notMappBaseUrl }: CaseUrls): FaultSpec => ({
			kind: `redirect${status}`,
			location: new URL(notMappBaseUrl).origin,
		}),
		// n8n words it; the credential dialog's notice says what it points to (shared/ping.ts: why not the origin)
		message: `Request failed with status code ${status}`,
		sandboxStatuses: [status],
	})),
	{
		what: 'Integration ID ".."',
		change: () => ({ integrationId: '..' }),
		message: INTEGRATION_ID_CHARACTERS,
		sandboxStatuses: [],
	},
	{
		what: 'Integration ID "."',
		change: () => ({ integrationId: '.' }),
		message: INTEGRATION_ID_CHARACTERS,
		sandboxStatuses: [],
	},
	{
		what: 'Integration ID "%2e%2e"',
		change: () => ({ integrationId: '%2e%2e' }),
		message: INTEGRATION_ID_CHARACTERS,
		sandboxStatuses: [],
	},
	{
		what: 'an Integration ID with a space before it',
		change: () => ({ integrationId: ' 11111111-2222-3333-4444-555555555555' }),
		message: INTEGRATION_ID_CHARACTERS,
		sandboxStatuses: [],
	},
	{
		what: 'an empty Integration ID',
		change: () => ({ integrationId: '' }),
		message:
			"Integration ID is empty: copy it from the integration's page in Mapp Engage (Data Management → Mapp Connect)",
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL with a fragment',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: `${sandboxBaseUrl}#x` }),
		message: NO_QUERY_OR_FRAGMENT,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL with a query',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: `${sandboxBaseUrl}?a=1` }),
		message: NO_QUERY_OR_FRAGMENT,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL with spaces around it',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: ` ${sandboxBaseUrl} ` }),
		message: 'Base URL has spaces before or after it: remove them',
		sandboxStatuses: [],
	},
	{
		what: 'an empty Base URL',
		change: () => ({ baseUrl: '' }),
		message: `Base URL is empty: a Custom system needs it; ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL without /api/v1',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: new URL(sandboxBaseUrl).origin }),
		message: `Base URL must end in /api/v1 (Mapp's API root; the signature covers the path from there): ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL with a backslash, which WHATWG URL reads as "/" (http://other\\@sandbox/…)',
		change: ({ sandboxBaseUrl, notMappBaseUrl }) => ({
			baseUrl: `${new URL(notMappBaseUrl).origin}\\@${new URL(sandboxBaseUrl).host}/charon/api/v1`,
		}),
		message: `Base URL holds a backslash ("\\"): ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'Base URL http:\\\\host/…',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace('http://', 'http:\\\\') }),
		message: `Base URL holds a backslash ("\\"): ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'Base URL http:/host/…',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace('http://', 'http:/') }),
		message: `Base URL is not an http(s) URL: ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'Base URL http:host/…',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace('http://', 'http:') }),
		message: `Base URL is not an http(s) URL: ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL with a tab inside, which WHATWG URL drops',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace('/charon', '/cha\tron') }),
		message: `Base URL holds spaces or control characters: ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
	{
		what: 'a Base URL that is not http(s)',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace(/^http/, 'ftp') }),
		message: `Base URL is not an http(s) URL: ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
];

/**
 * A loopback server that answers every request with 200 and JSON that is not Mapp's, and counts
 * the requests it received; `close` stops it.
 */
export async function startNotMapp(): Promise<{
	baseUrl: string;
	received: () => number;
	close: () => Promise<void>;
}> {
	let received = 0;
	const server = createServer((_request, response) => {
		received += 1;
		response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		baseUrl: `http://127.0.0.1:${port}/charon/api/v1`,
		received: () => received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
