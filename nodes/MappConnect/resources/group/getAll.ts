import { throwOnMappError } from '../../hooks/response';
import { toIdNameItems } from '../../hooks/lists';
import { API_PATHS, endpointUrl } from '../../shared/api';
import { operation, returnAllAndLimit } from '../operations';

export const getAll = operation(
	'group',
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many groups',
		description: 'Get many groups',
		routing: {
			request: { method: 'GET', url: endpointUrl(API_PATHS.groups) },
			output: { postReceive: [throwOnMappError, toIdNameItems] },
		},
	},
	returnAllAndLimit(),
);
