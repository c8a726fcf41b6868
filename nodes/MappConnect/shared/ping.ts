/**
 * The credential's Test: a signed ping of the integration that never follows a redirect (one would
 * carry the signed request to another origin).
 *
 * What the Test then says is n8n's to word. On the tested n8n versions (1.110.1, 2.8.4, 2.33.7)
 * the credentials tester shows only the message of the error the failed request threw: the HTTP
 * answer is lost on the way (n8n-workflow's ExecutionBaseError drops an Error `cause`), so no
 * `responseCode` rule applies, and a redirect shows as "Request failed with status code 307",
 * never with its Location. The package cannot word it either: n8n's scanner accepts only this
 * declarative form of test (a function test needs the deprecated `helpers.request`), and
 * `preAuthentication`, the one hook with an HTTP helper, runs during a Test only after a 401.
 * The credential dialog's notice says what each of n8n's texts points to; the `rules` word the
 * refusals for an n8n that applies them.
 */
import type { ICredentialTestRequest } from 'n8n-workflow';
import { API_PATHS, INTEGRATION_BASE_URL_EXPRESSION, endpointUrl } from './api';

const CHECK_SYSTEM = 'check the System (or the Base URL of a Custom system)';

/** What the Test says when Mapp refuses the ping, by status (where n8n applies the rules). */
const REFUSALS: Record<number, string> = {
	401: 'Mapp Connect refused the signature: check the Secret, that the System is the one the integration belongs to, and the clock of the machine n8n runs on',
	403: 'Mapp Connect refused the signature: check the Secret and the System',
	404: `Mapp Connect does not know this integration: check the Integration ID, and ${CHECK_SYSTEM}`,
};

/** A 2xx whose body lacks Mapp's `"pong": true` came from something that is not Mapp Connect. */
const NOT_MAPP = `The answer to the ping is not Mapp Connect's: ${CHECK_SYSTEM}`;
const NOT_PONG = [undefined, false];

/** The Test's request, and how an n8n that applies `rules` words Mapp's answer. */
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
