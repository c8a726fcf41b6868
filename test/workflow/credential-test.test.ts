import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxCredentials, testCredential } from '../harness';

/** The notice the credential dialog shows under the fields. */
const notice = String(new MappConnectApi().properties.find(({ type }) => type === 'notice')?.displayName);

/** The part of the dialog's notice that explains a failed test's message: what it says to check. */
function whatTheNoticeSaysFor(message: string): string | undefined {
	return notice.split(';').find((clause) => [...clause.matchAll(/"([^"]+)"/g)].some(([, phrase]) => message.includes(phrase)));
}

describe('the credential test (Test button in the credential dialog)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('passes against the sandbox with the right integration ID and secret', async () => {
		const result = await testCredential(sandboxCredentials(sandbox));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'GET',
			status: 200,
		});
		expect(sandbox.requests.at(-1)?.path).toBe(`/charon/api/v1/integration/${sandbox.integrationId}/ping`);
	});

	it('fails with a wrong secret, and the dialog says to check the secret, system and clock, without showing it', async () => {
		const wrongSecret = 'not-the-secret';
		const result = await testCredential(sandboxCredentials(sandbox, { secret: wrongSecret }));

		expect(result).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		expect(whatTheNoticeSaysFor(result.message)).toMatch(/the Secret, the System or the clock/);
		expect(sandbox.requests.at(-1)?.status).toBe(401);
	});

	it('fails with an integration ID Mapp does not know, and the dialog says to check the integration ID', async () => {
		const result = await testCredential(sandboxCredentials(sandbox, { integrationId: 'no-such-integration' }));

		expect(result).toEqual({
			status: 'Error',
			message: 'The resource you are requesting could not be found',
		});
		expect(whatTheNoticeSaysFor(result.message)).toMatch(/the Integration ID or the System/);
		expect(sandbox.requests.at(-1)?.status).toBe(404);
	});

	it('fails with a base URL where nothing answers, and the dialog says to check the system or base URL', async () => {
		const result = await testCredential(
			sandboxCredentials(sandbox, {
				baseUrl: 'http://127.0.0.1:9/charon/api/v1',
			}),
		);

		expect(result).toEqual({
			status: 'Error',
			message: 'The service refused the connection - perhaps it is offline',
		});
		expect(whatTheNoticeSaysFor(result.message)).toMatch(/the System or the Base URL/);
	});

	it('fails when something other than Mapp Connect answers the ping with 200', async () => {
		const notMapp = http.createServer((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
		});
		await new Promise<void>((resolve) => notMapp.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = notMapp.address() as AddressInfo;
			const result = await testCredential(
				sandboxCredentials(sandbox, {
					baseUrl: `http://127.0.0.1:${port}/charon/api/v1`,
				}),
			);

			expect(result).toEqual({
				status: 'Error',
				message: "The answer to the ping is not Mapp Connect's: check the System (or the Base URL of a Custom system)",
			});
		} finally {
			await new Promise((resolve) => notMapp.close(resolve));
		}
	});

	describe('refuses values that would misroute the ping, naming the field, before sending anything', () => {
		it.each([
			['..', 'Integration ID may hold only letters'],
			['.', 'Integration ID may hold only letters'],
			['%2e%2e', 'Integration ID may hold only letters'],
			['a/b', 'Integration ID may hold only letters'],
			[' 11111111-2222-3333-4444-555555555555', 'Integration ID may hold only letters'],
			['', 'Integration ID is empty'],
		])('Integration ID %j', async (integrationId, message) => {
			const before = sandbox.requests.length;
			const result = await testCredential(sandboxCredentials(sandbox, { integrationId }));

			expect(result.status).toBe('Error');
			expect(result.message).toContain(message);
			expect(sandbox.requests.length).toBe(before);
		});

		it.each([
			['with a fragment', (base: string) => `${base}#x`, 'Base URL must not hold a query ("?…") or fragment ("#…")'],
			['with a query', (base: string) => `${base}?a=1`, 'Base URL must not hold a query ("?…") or fragment ("#…")'],
			['with spaces around it', (base: string) => ` ${base} `, 'Base URL has spaces before or after it'],
			['empty', () => '', 'Base URL is empty'],
			['without /api/v1', (base: string) => new URL(base).origin, 'Base URL must end in /api/v1'],
			['not http(s)', (base: string) => base.replace(/^http/, 'ftp'), 'Base URL is not an http(s) URL'],
		])('Base URL %s', async (_what, baseUrl, message) => {
			const before = sandbox.requests.length;
			const result = await testCredential(sandboxCredentials(sandbox, { baseUrl: baseUrl(sandbox.baseUrl) }));

			expect(result.status).toBe('Error');
			expect(result.message).toContain(message);
			expect(sandbox.requests.length).toBe(before);
		});
	});
});
