/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node code for tests and tools, never run inside n8n (CONTRIBUTING.md: Lint in strict mode) */
/**
 * Failing credential tests and the exact text n8n shows for each, shared by the in-process test
 * (test/workflow/credential-test.test.ts) and the real n8n's REST API (test/e2e/real-n8n.test.ts),
 * so that both prove the same table.
 */
import { createServer } from 'node:http';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface CredentialTestCase {
	what: string;
	/** The credential data that differs from the sandbox's, given its base URL and that of a server that is not Mapp. */
	change: (urls: {
		sandboxBaseUrl: string;
		notMappBaseUrl: string;
	}) => ICredentialDataDecryptedObject;
	/** The message of the test's result (its status is Error). */
	message: string;
	/** The statuses the sandbox answered the pings with; none when no request reached it. */
	sandboxStatuses: number[];
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
		// n8n sends a request again once after a 401, as it would after refreshing a token.
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
	},
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
		what: 'a Base URL that is not http(s)',
		change: ({ sandboxBaseUrl }) => ({ baseUrl: sandboxBaseUrl.replace(/^http/, 'ftp') }),
		message: `Base URL is not an http(s) URL: ${BASE_URL_EXAMPLE}`,
		sandboxStatuses: [],
	},
];

/** A loopback server that answers every request with 200 and JSON that is not Mapp's; `close` stops it. */
export async function startNotMapp(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		baseUrl: `http://127.0.0.1:${port}/charon/api/v1`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
