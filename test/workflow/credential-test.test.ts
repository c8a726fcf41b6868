import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { startSandbox, type Sandbox } from '../sandbox';
import type { ICredentialType } from 'n8n-workflow';
import { loadPackage, sandboxCredentials, testCredential } from '../harness';
import { FAILING_CREDENTIAL_TESTS, expectedMessage, startNotMapp } from './credential-test-cases';

/** The notice the credential dialog shows under the fields. */
const notice = String(
	new MappConnectApi().properties.find(({ type }) => type === 'notice')?.displayName,
);

const PING_PATH = (integrationId: string) => `/charon/api/v1/integration/${integrationId}/ping`;

/** The dialog's notice when it explains a failed test's message (it quotes a phrase of it). */
function whatTheNoticeSaysFor(message: string): string | undefined {
	const quoted = [...notice.matchAll(/"([^"]+)"/g)].some(([, phrase]) => message.includes(phrase));
	return quoted ? notice : undefined;
}

describe('the credential test (Test button in the credential dialog)', () => {
	let sandbox: Sandbox;
	let notMapp: Awaited<ReturnType<typeof startNotMapp>>;

	beforeAll(async () => {
		sandbox = await startSandbox();
		notMapp = await startNotMapp();
	});
	afterAll(async () => {
		await sandbox.close();
		await notMapp.close();
	});

	it("passes against the sandbox with the right integration ID and secret: the ping, then n8n's test request", async () => {
		const before = sandbox.requests.length;
		const result = await testCredential(sandboxCredentials(sandbox));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const pings = sandbox.requests.slice(before);
		expect(pings.map(({ method, status }) => `${method} ${status}`)).toEqual([
			'GET 200',
			'GET 200',
		]);
		expect(pings.every(({ path }) => path === PING_PATH(sandbox.integrationId))).toBe(true);
	});

	it.each(FAILING_CREDENTIAL_TESTS)('fails with $what', async (test) => {
		const urls = { sandboxBaseUrl: sandbox.baseUrl, notMappBaseUrl: notMapp.baseUrl };
		const before = { sandbox: sandbox.requests.length, notMapp: notMapp.received() };
		if (test.fault) sandbox.injectFault(test.fault(urls));
		const data = { ...sandboxCredentials(sandbox), ...test.change(urls) };
		const result = await testCredential(data);

		expect(result).toEqual({ status: 'Error', message: expectedMessage(test, urls) });
		expect(sandbox.requests.slice(before.sandbox).map(({ status }) => status)).toEqual(
			test.sandboxStatuses,
		);
		expect(notMapp.received() - before.notMapp).toBe(test.notMappRequests ?? 0);
		expect(result.message).not.toContain(String(data.secret));
	});

	describe('in an n8n that sends its test request without running preAuthentication first', () => {
		let preAuthentication: ICredentialType['preAuthentication'];
		beforeAll(async () => {
			const type = (await loadPackage()).credentialType('mappConnectApi');
			preAuthentication = type.preAuthentication;
			delete type.preAuthentication;
		});
		afterAll(async () => {
			(await loadPackage()).credentialType('mappConnectApi').preAuthentication = preAuthentication;
		});

		it.each([301, 302, 303, 307, 308] as const)(
			"does not follow a %i either: it fails in n8n's words, and nothing reaches the other origin",
			async (status) => {
				const before = { sandbox: sandbox.requests.length, notMapp: notMapp.received() };
				sandbox.injectFault({
					kind: `redirect${status}`,
					location: new URL(notMapp.baseUrl).origin,
				});
				const result = await testCredential(sandboxCredentials(sandbox));

				expect(result).toEqual({
					status: 'Error',
					message: `Request failed with status code ${status}`,
				});
				expect(sandbox.requests.slice(before.sandbox).map(({ status }) => status)).toEqual([
					status,
				]);
				expect(notMapp.received()).toBe(before.notMapp);
			},
		);
	});

	it("names the fields to check in the dialog's notice for n8n's words when nothing answers", () => {
		const { message } = FAILING_CREDENTIAL_TESTS.find(
			(test) => test.what === 'a base URL where nothing answers',
		) ?? { message: '' };
		expect(whatTheNoticeSaysFor(String(message))).toMatch(/the System, or the Base URL/);
	});
});
