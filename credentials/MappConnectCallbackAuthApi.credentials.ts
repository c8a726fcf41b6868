import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A header the caller of the Mapp Connect Trigger's URL must send, as n8n's own "Header Auth" of
 * its Webhook node. The package brings its own type because a community node may only use the
 * credentials of its own package. Nothing is sent with it, so the trigger node tests it
 * (`testedBy`) by checking that the header can be sent at all.
 */
export class MappConnectCallbackAuthApi implements ICredentialType {
	name = 'mappConnectCallbackAuthApi';

	displayName = 'Mapp Connect Callback Auth API';

	documentationUrl =
		'https://github.com/n8n-nodes-mapp-connect/n8n-nodes-mapp-connect#mapp-connect-trigger';

	icon: Icon = {
		light: 'file:../icons/mappConnect.svg',
		dark: 'file:../icons/mappConnect.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			placeholder: 'X-Callback-Token',
			required: true,
			description: 'The header that every request to the trigger URL must carry',
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The value the header must have',
		},
	];
}
