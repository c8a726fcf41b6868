import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { CREDENTIAL_TYPE, CUSTOM_SYSTEM, MAPP_SYSTEMS } from '../nodes/MappConnect/shared/api';
import { signRequest } from '../nodes/MappConnect/shared/signRequest';

export class MappConnectApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'Mapp Connect API';

	documentationUrl = 'https://docs.mapp.com/docs/mapp-connect-api-endpoints';

	icon: Icon = { light: 'file:../icons/mappConnect.svg', dark: 'file:../icons/mappConnect.dark.svg' };

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
			description: 'The API base URL, ending in /api/v1',
			displayOptions: { show: { system: [CUSTOM_SYSTEM] } },
		},
		{
			displayName: 'Integration ID',
			name: 'integrationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '11111111-2222-3333-4444-555555555555',
			description: 'The ID on the Mapp Connect integration page in Mapp Engage',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret on the Mapp Connect integration page in Mapp Engage',
		},
	];

	authenticate = signRequest;
}

