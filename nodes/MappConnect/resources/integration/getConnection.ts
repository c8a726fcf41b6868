import { API_PATHS, endpointUrl } from '../../shared/api';
import { throwOnMappError } from '../readOutput';
import { routedOperation } from '../resource';
import { toAnswerItem } from './answer';

/** Mapp's `GET …/connect` ("Connect" on its endpoint page): the integration's connection, as Mapp answers it. */
export const getConnection = routedOperation({
	value: 'getConnection',
	name: 'Get Connection',
	action: 'Get the connection of the integration',
	description: "Get the integration's connection details, as Mapp Connect returns them",
	routing: {
		request: { method: 'GET', url: endpointUrl(API_PATHS.connect) },
		output: { postReceive: [throwOnMappError, toAnswerItem] },
	},
});
