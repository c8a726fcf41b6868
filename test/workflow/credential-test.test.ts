import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { startSandbox, type Sandbox } from '../../tooling/sandbox';
import { sandboxCredentials, testCredential } from '../../tooling/harness';
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

	it('passes against the sandbox with the right integration ID and secret: one signed ping', async () => {
		const before = sandbox.requests.length;
		const result = await testCredential(sandboxCredentials(sandbox));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const pings = sandbox.requests.slice(before);
		expect(pings.map(({ method, status }) => `${method} ${status}`)).toEqual(['GET 200']);
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

	it.each(
		FAILING_CREDENTIAL_TESTS.filter(
			({ message }) => typeof message === 'string' && !message.includes(':'),
		),
	)("explains n8n's words for $what in the dialog's notice", ({ message }) => {
		expect(whatTheNoticeSaysFor(String(message))).toBeDefined();
	});
});
