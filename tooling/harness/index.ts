import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';

export { runNode, CREDENTIAL_TYPE, NODE_NAME } from './run-workflow';
export type { RunNodeOptions, RunNodeResult } from './run-workflow';
export type { InputFile } from './input-node';
export { storeBinaryDataOnDisk } from './binary-data';
export { captureLog } from './log';
export type { CapturedLog } from './log';
export { testCredential } from './credential-test';
export type { CredentialTestResult } from './credential-test';
export { loadOptions } from './load-options';
export { loadPackage } from './package-types';

/** The credential data a user would enter for the sandbox: system Custom, its base URL, ID and secret. */
export function sandboxCredentials(
	sandbox: Pick<Sandbox, 'baseUrl' | 'integrationId' | 'secret'>,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		system: 'custom',
		baseUrl: sandbox.baseUrl,
		integrationId: sandbox.integrationId,
		secret: sandbox.secret,
		...overrides,
	};
}
