import { createHash, timingSafeEqual } from 'node:crypto';
import type { IWebhookFunctions } from 'n8n-workflow';
import { nodeSetting, secretSetting } from './settings';

/** How the trigger tells Mapp's callbacks from anyone else's requests; Mapp does not sign them. */
export const PROTECTION = {
	secretToken: 'secretToken',
	headerAuth: 'headerAuth',
	none: 'none',
} as const;

/** The query parameter that carries the secret token: `…/mapp-feedback?token=<Secret Token>`. */
export const TOKEN_QUERY_PARAMETER = 'token';

/** Also written out in the node's `credentials`, where the scanner's lint rules read it. */
export const HEADER_AUTH_CREDENTIAL = 'mappConnectCallbackAuthApi';

export type ProtectionResult = 'allowed' | 'denied';

/** Whether the request may start the workflow; throws a NodeOperationError naming the setting when it is not set up. */
export async function checkProtection(context: IWebhookFunctions): Promise<ProtectionResult> {
	const protection = nodeSetting(
		context,
		'authentication',
		'Authentication',
		PROTECTION.secretToken,
	);
	if (protection === PROTECTION.none) return 'allowed';
	if (protection === PROTECTION.secretToken) {
		const expected = secretSetting(
			context.getNode(),
			'Secret Token',
			nodeSetting(context, 'secretToken', 'Secret Token', ''),
		);
		const query = context.getQueryData() as Record<string, unknown>;
		return sameSecret(query[TOKEN_QUERY_PARAMETER], expected) ? 'allowed' : 'denied';
	}
	const credentials = await context.getCredentials(HEADER_AUTH_CREDENTIAL);
	const node = context.getNode();
	const name = secretSetting(
		node,
		'Header Name of the Callback Auth credential',
		credentials.headerName,
	).toLowerCase();
	const expected = secretSetting(
		node,
		'Header Value of the Callback Auth credential',
		credentials.headerSecret,
	);
	return sameSecret(context.getHeaderData()[name], expected) ? 'allowed' : 'denied';
}

/** Compares digests, so the comparison takes the same time whatever the caller sent. */
function sameSecret(provided: unknown, expected: string): boolean {
	if (typeof provided !== 'string') return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(provided), digest(expected));
}
