import { API_PATHS, endpointUrl } from '../../shared/api';
import { returnAllAndLimit, throwOnMappError, toIdNameItems } from '../readOutput';
import { routedOperation } from '../resource';

export const getAll = routedOperation(
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
