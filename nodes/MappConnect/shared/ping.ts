/**
 * The credential's Test: a signed ping of the integration, judged as every operation judges
 * Mapp's answers (a redirect is never followed, and the error names where it points).
 *
 * n8n's credentials tester sends the declarative test request (`test`) and shows, for a failed
 * one, only the message of the error thrown while sending it. On the tested n8n versions (1.110.1,
 * 2.8.4, 2.33.7) that error has lost the HTTP answer (n8n-workflow's ExecutionBaseError drops an
 * Error `cause`), so the tester applies no `responseCode` rule and shows n8n's generic text, for a
 * redirect "Request failed with status code 307", never its Location. The only text of the
 * package's own a failed Test can show is the message of an error the package throws while n8n
 * sends the test request: from `authenticate` (before the request) or from the credential's
 * `preAuthentication`, which n8n runs first, with an HTTP helper, whenever it tests a credential
 * that has a hidden `expirable` property. So the package pings there, itself, and fails the Test
 * with its own words; n8n's test request follows only when that ping passed.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { API_PATHS, INTEGRATION_BASE_URL_EXPRESSION, endpointUrl, integrationBaseUrl } from './api';
import type { MappResponse } from './errors';
import { describeAnswer, mappErrorHint } from './errors';
import { signRequest } from './signRequest';

const CHECK_SYSTEM = 'check the System (or the Base URL of a Custom system)';

/** What the Test says when Mapp refuses the ping, by status. */
const REFUSALS: Record<number, string> = {
	401: 'Mapp Connect refused the signature: check the Secret, that the System is the one the integration belongs to, and the clock of the machine n8n runs on',
	403: 'Mapp Connect refused the signature: check the Secret and the System',
	404: `Mapp Connect does not know this integration: check the Integration ID, and ${CHECK_SYSTEM}`,
};

/** A 2xx whose body lacks Mapp's `"pong": true` came from something that is not Mapp Connect. */
const NOT_MAPP = `The answer to the ping is not Mapp Connect's: ${CHECK_SYSTEM}`;
const NOT_PONG = [undefined, false];

/**
 * n8n's own form of the same judgement, for an n8n that sends the test request without running
 * `preAuthentication` first; it never follows a redirect either.
 */
export const PING_TEST: ICredentialTestRequest = {
	request: {
		method: 'GET',
		baseURL: INTEGRATION_BASE_URL_EXPRESSION,
		url: endpointUrl(API_PATHS.ping),
		json: true,
		disableFollowRedirect: true,
	},
	rules: [
		...Object.entries(REFUSALS).map(([status, message]) => ({
			type: 'responseCode',
			properties: { value: Number(status), message },
		})),
		...NOT_PONG.map((pong) => ({
			type: 'responseSuccessBody',
			properties: { key: 'pong', value: pong, message: NOT_MAPP },
		})),
	] as ICredentialTestRequest['rules'],
};

/** Why Mapp's answer to the ping fails the Test; undefined when it passes. */
export function pingFailure(response: MappResponse): string | undefined {
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		return `Mapp Connect answered ${describeAnswer(response)}. ${mappErrorHint(statusCode, undefined)}`;
	}
	if (REFUSALS[statusCode]) return REFUSALS[statusCode];
	if (statusCode < 200 || statusCode >= 300)
		return `Mapp Connect answered ${describeAnswer(response)}`;
	const { body } = response;
	const pong = typeof body === 'object' && body !== null ? (body as IDataObject).pong : undefined;
	return NOT_PONG.includes(pong as undefined) ? NOT_MAPP : undefined;
}

/**
 * The credential's `preAuthentication`: n8n runs it before the test request of every Test, and
 * before sending a request of the HTTP Request node again after Mapp refused it with 401 (then the
 * ping says what the 401 means). It stores nothing: its result never holds the expirable property.
 * Connection errors are left to n8n, whose words for them the credential's notice explains.
 */
export async function pingBeforeTest(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const request = await signRequest(credentials, {
		method: 'GET',
		url: `${integrationBaseUrl(credentials)}/${API_PATHS.ping}`,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	});
	const response = (await this.helpers.httpRequest(request)) as IN8nHttpFullResponse;
	const failure = pingFailure(response);
	if (failure) throw new Error(failure);
	return {};
}
