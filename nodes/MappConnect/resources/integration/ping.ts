import { API_PATHS, endpointUrl } from '../../shared/api';
import { throwOnMappError } from '../readOutput';
import { routedOperation } from '../resource';
import { toAnswerItem } from './answer';

/** The call the credential's test makes, for monitoring workflows: Mapp's answer, e.g. `{ pong, integrationId, timestamp }`. */
export const ping = routedOperation({
	value: 'ping',
	name: 'Ping',
	action: 'Ping the integration',
	description: 'Check that Mapp Connect answers for this integration, and return its answer',
	routing: {
		request: { method: 'GET', url: endpointUrl(API_PATHS.ping) },
		output: { postReceive: [throwOnMappError, toAnswerItem] },
	},
});
