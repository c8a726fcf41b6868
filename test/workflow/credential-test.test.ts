import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxCredentials, testCredential } from '../harness';

describe('the credential test (Test button in the credential dialog)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('passes against the sandbox with the right integration ID and secret', async () => {
		const result = await testCredential(sandboxCredentials(sandbox));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 });
		expect(sandbox.requests.at(-1)?.path).toBe(`/charon/api/v1/integration/${sandbox.integrationId}/ping`);
	});

	it('fails with a wrong secret and tells the user to check the secret, without showing it', async () => {
		const wrongSecret = 'not-the-sandbox-secret';
		const result = await testCredential(sandboxCredentials(sandbox, { secret: wrongSecret }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/check the Secret/);
		expect(result.message).not.toMatch(/Integration ID/);
		expect(result.message).not.toContain(wrongSecret);
		expect(sandbox.requests.at(-1)?.status).toBe(401);
	});

	it('fails with a wrong integration ID and tells the user to check the integration ID', async () => {
		const result = await testCredential(sandboxCredentials(sandbox, { integrationId: 'no-such-integration' }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/check the Integration ID/);
		expect(result.message).not.toMatch(/Secret/);
		expect(sandbox.requests.at(-1)?.status).toBe(404);
	});

	it('fails with a base URL where nothing answers and names the connection problem', async () => {
		const result = await testCredential(sandboxCredentials(sandbox, { baseUrl: 'http://127.0.0.1:9/charon/api/v1' }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/could not be reached \(ECONNREFUSED\): check the System \(or the Base URL/);
	});

	it('fails with a custom system whose base URL is empty and names the Base URL field', async () => {
		const result = await testCredential(sandboxCredentials(sandbox, { baseUrl: '' }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Base URL/);
	});
});
