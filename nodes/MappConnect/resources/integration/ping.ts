import { API_PATHS, endpointUrl } from '../../shared/api';
import { answerOperation } from './answer';

/** The call the credential's test makes, for monitoring workflows: Mapp's answer, e.g. `{ pong, integrationId, timestamp }`. */
export const ping = answerOperation(
	{
		value: 'ping',
		name: 'Ping',
		action: 'Ping the integration',
		description: 'Check that Mapp Connect answers for this integration, and return its answer',
	},
	{ method: 'GET', url: endpointUrl(API_PATHS.ping) },
);
