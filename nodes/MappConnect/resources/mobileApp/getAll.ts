import { throwOnMappError } from '../../hooks/response';
import { toIdNameItems } from '../../hooks/lists';
import { API_PATHS, endpointUrl } from '../../shared/api';
import { operation, returnAllAndLimit } from '../operations';

export const getAll = operation(
	'mobileApp',
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many mobile apps',
		description: 'Get many mobile apps',
		routing: {
			request: { method: 'GET', url: endpointUrl(API_PATHS.mobileApps) },
			output: { postReceive: [throwOnMappError, toIdNameItems] },
		},
	},
	returnAllAndLimit(),
);
