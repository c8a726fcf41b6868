import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { API_PATHS, integrationBaseUrl } from './api';
import { signRequest } from './signRequest';

interface PingAnswer {
	statusCode: number;
	body?: { pong?: unknown };
}

const CHECK_SYSTEM = 'check the System (or the Base URL of a Custom system)';

/** What a failed ping tells the user to check, by the status Mapp answered with. */
const PING_FAILURES: Record<number, string> = {
	401: `Mapp Connect refused the signature: check the Secret, that the System is the one the integration belongs to, and the clock of the machine n8n runs on`,
	403: `Mapp Connect refused the signature: check the Secret and the System`,
	404: `Mapp Connect does not know this integration: check the Integration ID, and ${CHECK_SYSTEM}`,
};

/**
 * The credential's Test: pings the integration with a signed request and names the field to check
 * by what went wrong — a declarative `test` could only show n8n's generic texts for 401 and 404.
 */
export async function testMappConnectCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	let answer: PingAnswer;
	try {
		const ping = await signRequest(data, {
			method: 'GET',
			url: `${integrationBaseUrl(data)}/${API_PATHS.ping}`,
		} as IHttpRequestOptions);
		// A credential test function is given no other request helper than this one.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		answer = (await this.helpers.request({ ...ping, json: true, simple: false, resolveWithFullResponse: true })) as PingAnswer;
	} catch (error) {
		const code = (error as { code?: string }).code;
		const reason = code ?? (error as Error).message;
		return { status: 'Error', message: `Mapp Connect could not be reached (${reason}): ${CHECK_SYSTEM}` };
	}
	if (answer.statusCode === 200 && answer.body?.pong === true) {
		return { status: 'OK', message: 'Connection successful!' };
	}
	return {
		status: 'Error',
		message:
			PING_FAILURES[answer.statusCode] ??
			`Mapp Connect answered the ping with status ${answer.statusCode} and no pong: ${CHECK_SYSTEM}`,
	};
}
