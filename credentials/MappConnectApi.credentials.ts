import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { CREDENTIAL_TYPE, CUSTOM_SYSTEM, MAPP_SYSTEMS } from '../nodes/MappConnect/shared/api';
import { PING_TEST } from '../nodes/MappConnect/shared/ping';
import { signRequest } from '../nodes/MappConnect/shared/signRequest';

/**
 * On the tested n8n versions the Test shows n8n's own general texts (shared/ping.ts says why), so
 * the dialog says which field each of them points to.
 */
const TEST_NOTICE =
	'If Test fails: "Authorization failed" means the Secret, the System or the clock of the machine n8n runs on; "could not be found" means the Integration ID or the System; "refused the connection" or "incorrect host" means the System or the Base URL; "Request failed with status code" 301, 302, 303, 307 or 308 means something at the System or Base URL redirects elsewhere, which the Test does not follow.';

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
				'The API base URL: http:// or https://, the host, a path ending in /api/v1; no query, fragment, backslash or spaces',
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
	 * A signed ping of the integration (shared/ping.ts). `authenticate` refuses values that would
	 * misroute it (an Integration ID such as "..", a Base URL with a query) before it is sent.
	 */
	test: ICredentialTestRequest = PING_TEST;
}
