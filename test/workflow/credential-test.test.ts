import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxCredentials, testCredential } from '../harness';
import { FAILING_CREDENTIAL_TESTS, startNotMapp } from './credential-test-cases';

/** The notice the credential dialog shows under the fields. */
const notice = String(
	new MappConnectApi().properties.find(({ type }) => type === 'notice')?.displayName,
);

/** The part of the dialog's notice that explains a failed test's message: what it says to check. */
function whatTheNoticeSaysFor(message: string): string | undefined {
	return notice
		.split(';')
		.find((clause) =>
			[...clause.matchAll(/"([^"]+)"/g)].some(([, phrase]) => message.includes(phrase)),
		);
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

	it('passes against the sandbox with the right integration ID and secret', async () => {
		const result = await testCredential(sandboxCredentials(sandbox));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 });
		expect(sandbox.requests.at(-1)?.path).toBe(
			`/charon/api/v1/integration/${sandbox.integrationId}/ping`,
		);
	});

	it.each(FAILING_CREDENTIAL_TESTS)(
		'fails with $what',
		async ({ change, message, sandboxStatuses }) => {
			const before = sandbox.requests.length;
			const data = {
				...sandboxCredentials(sandbox),
				...change({ sandboxBaseUrl: sandbox.baseUrl, notMappBaseUrl: notMapp.baseUrl }),
			};
			const result = await testCredential(data);

			expect(result).toEqual({ status: 'Error', message });
			expect(sandbox.requests.slice(before).map(({ status }) => status)).toEqual(sandboxStatuses);
			expect(result.message).not.toContain(String(data.secret));
		},
	);

	it.each([
		['a wrong secret', /the Secret, the System or the clock/],
		['an integration ID Mapp does not know', /the Integration ID or the System/],
		['a base URL where nothing answers', /the System or the Base URL/],
	])(
		"names the field to check for %s in the dialog's notice, where n8n's message does not",
		(what, fields) => {
			const { message } = FAILING_CREDENTIAL_TESTS.find((test) => test.what === what) ?? {
				message: '',
			};
			expect(whatTheNoticeSaysFor(message)).toMatch(fields);
		},
	);
});
