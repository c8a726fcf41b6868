import { throwOnMappError } from '../../hooks/response';
import { buildCreateGroupBody, newGroupName, toCreatedGroups } from '../../hooks/lists';
import { API_PATHS, endpointUrl } from '../../shared/api';
import { operation } from '../operations';

export const create = operation(
	'group',
	{
		value: 'create',
		name: 'Create',
		action: 'Create a group',
		description: 'Create a group in Mapp Engage',
		routing: {
			request: { method: 'POST', url: endpointUrl(API_PATHS.createGroups) },
			send: { preSend: [buildCreateGroupBody] },
			output: { postReceive: [throwOnMappError, toCreatedGroups] },
		},
	},
	newGroupName.properties,
);
