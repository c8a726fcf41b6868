import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import {
	API_PATHS,
	CREDENTIAL_TYPE,
	CUSTOM_SYSTEM,
	INTEGRATION_BASE_URL_EXPRESSION,
	MAPP_SYSTEMS,
	endpointUrl,
} from '../nodes/MappConnect/shared/api';
import { signRequest } from '../nodes/MappConnect/shared/signRequest';

/**
 * n8n shows its own general text when Mapp refuses the ping (see PING_RULES), so the dialog says
 * which field each of those texts points to.
 */
const TEST_NOTICE =
	'If Test fails: "Authorization failed" means the Secret, the System or the clock of the machine n8n runs on; "could not be found" means the Integration ID or the System; "refused the connection" or "incorrect host" means the System or the Base URL.';

const CHECK_SYSTEM = 'check the System (or the Base URL of a Custom system)';

/**
 * What the credential's Test tells the user to check, by Mapp's answer to the ping. A 2xx without
 * Mapp's `"pong": true` came from something that is not Mapp Connect (`responseSuccessBody`).
 * The `responseCode` rules are n8n's way to word a refused ping, but the tested n8n versions
 * (2.8.4, 2.33.7) never apply them: the response is lost before n8n's credentials tester looks
 * for it, so it shows its generic text for the status. They take effect in an n8n that keeps it;
 * the end-to-end test shows which texts n8n shows.
 */
const PING_RULES = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: `Mapp Connect refused the signature: check the Secret, that the System is the one the integration belongs to, and the clock of the machine n8n runs on`,
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'Mapp Connect refused the signature: check the Secret and the System',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: `Mapp Connect does not know this integration: check the Integration ID, and ${CHECK_SYSTEM}`,
		},
	},
	...[undefined, false].map((pong) => ({
		type: 'responseSuccessBody',
		properties: {
			key: 'pong',
			value: pong,
			message: `The answer to the ping is not Mapp Connect's: ${CHECK_SYSTEM}`,
		},
	})),
] as ICredentialTestRequest['rules'];

export class MappConnectApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'Mapp Connect API';

	documentationUrl = 'https://github.com/n8n-nodes-mapp-connect/n8n-nodes-mapp-connect#credentials';

	icon: Icon = {
		light: 'file:../icons/mappConnect.svg',
		dark: 'file:../icons/mappConnect.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'System',
			name: 'system',
			type: 'options',
			options: [
				...MAPP_SYSTEMS.map(({ name, value }) => ({ name, value })),
				{ name: 'Custom', value: CUSTOM_SYSTEM, description: 'A proxy or a test server' },
			],
			default: 'euL3',
			description: 'The Mapp Engage system the integration lives on, as shown in Mapp Engage',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://proxy.example.com/charon/api/v1',
			description:
				'The API base URL, http(s) and ending in /api/v1, without query, fragment or spaces',
			displayOptions: { show: { system: [CUSTOM_SYSTEM] } },
		},
		{
			displayName: 'Integration ID',
			name: 'integrationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '11111111-2222-3333-4444-555555555555',
			description:
				'The ID on the integration\'s page in Mapp Engage (Data Management → Mapp Connect): letters, digits, "-" and "_" only (Mapp\'s IDs are UUIDs)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The integration's secret. Mapp Engage shows it once, when it is generated (Data Management → Mapp Connect): copy it then.",
		},
		{
			displayName: TEST_NOTICE,
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
	];

	authenticate = signRequest;

	/**
	 * A signed ping of the integration. `authenticate` signs it, and refuses values that would
	 * misroute it (an Integration ID such as "..", a Base URL with a query) before it is sent.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: INTEGRATION_BASE_URL_EXPRESSION,
			url: endpointUrl(API_PATHS.ping),
			json: true,
		},
		rules: PING_RULES,
	};
}
