import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';

const ID = '11111111-2222-3333-4444-555555555555';
const credentials = { system: 'euL3', integrationId: ID, secret: 'mysecret' };
const credential = new MappConnectApi();

/** The ping of preAuthentication against a server that answers `answer`; what it sent. */
async function ping(answer: { statusCode: number; body?: unknown; headers?: object }) {
	const sent: IHttpRequestOptions[] = [];
	const helpers: IHttpRequestHelper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(options);
				return { headers: {}, ...answer };
			},
		},
	};
	const outcome = credential.preAuthentication!.call(helpers, credentials);
	return { outcome, sent };
}

describe("the credential's ping before a Test (preAuthentication)", () => {
	it('runs only when n8n tests the credential: its expirable property is hidden and not empty by default', () => {
		const expirable = credential.properties.filter(({ typeOptions }) => typeOptions?.expirable);
		expect(expirable).toHaveLength(1);
		expect(expirable[0].type).toBe('hidden');
		expect(expirable[0].default).not.toBe('');
	});

	it('passes on pong, storing nothing (its result never holds the expirable property)', async () => {
		const { outcome, sent } = await ping({ statusCode: 200, body: { pong: true } });
		await expect(outcome).resolves.toEqual({});
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			method: 'GET',
			url: `https://jamie.g.shortest-route.com/charon/api/v1/integration/${ID}/ping`,
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: true,
		});
		expect(sent[0].headers?.['auth-token']).toEqual(expect.any(String));
	});

	it.each([301, 302, 303, 307, 308])(
		'fails on a %i, naming the origin it points to, not following it',
		async (statusCode) => {
			const { outcome } = await ping({
				statusCode,
				headers: { location: 'https://other.example:8443/charon/api/v1/x?token=abc' },
			});
			await expect(outcome).rejects.toThrow(
				`Mapp Connect answered ${statusCode}: a redirect to https://other.example:8443, not followed. Mapp Connect does not redirect its API`,
			);
			await expect(outcome).rejects.not.toThrow(/token=abc|mysecret/);
		},
	);

	it.each([
		[401, /^Mapp Connect refused the signature: check the Secret, that the System/],
		[403, /^Mapp Connect refused the signature: check the Secret and the System$/],
		[404, /^Mapp Connect does not know this integration: check the Integration ID/],
		[500, /^Mapp Connect answered 500: Internal Server Error$/],
	])('fails on a %i in its own words', async (statusCode, message) => {
		const { outcome } = await ping({ statusCode, body: { message: 'Internal Server Error' } });
		await expect(outcome).rejects.toThrow(message);
	});

	it.each([{ status: 'ok' }, { pong: false }, '<!doctype html><title>Sign in</title>'])(
		"fails on a 200 without Mapp Connect's pong (%j)",
		async (body) => {
			const { outcome } = await ping({ statusCode: 200, body });
			await expect(outcome).rejects.toThrow(/^The answer to the ping is not Mapp Connect's/);
		},
	);
});
