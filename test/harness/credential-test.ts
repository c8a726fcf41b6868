import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';
import { loadPackage } from './package-types';
import { CREDENTIAL_TYPE } from './run-workflow';

export type CredentialTestResult = INodeCredentialTestResult;

/**
 * Runs a credential's Test the way n8n's CredentialsTester does for a credential that a node tests
 * (`testedBy`): the node's `methods.credentialTest` function, called with n8n-core's test context.
 */
export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
	credentialType = CREDENTIAL_TYPE,
): Promise<CredentialTestResult> {
	const pkg = await loadPackage();
	for (const nodeType of pkg.packageNodeTypes()) {
		const testedBy = nodeType.description.credentials?.find(({ name }) => name === credentialType)?.testedBy;
		const test = typeof testedBy === 'string' ? nodeType.methods?.credentialTest?.[testedBy] : undefined;
		if (test) {
			return await test.call(new CredentialTestContext(), {
				id: 'harness-credential',
				name: 'Mapp Connect (test)',
				type: credentialType,
				data: credentials,
			});
		}
	}
	return { status: 'Error', message: 'No testing function found for this credential.' };
}
