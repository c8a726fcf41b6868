import { API_PATHS, endpointUrl } from '../../shared/api';
import { answerOperation } from './answer';

/**
 * `GET …/connect`, as Mapp's endpoint page lists "Connect" among its GET calls. Kept for saved
 * workflows; unverified, as every Mapp client calls connect with POST (Integration → Connect).
 */
export const getConnection = answerOperation(
	{
		value: 'getConnection',
		name: 'Get Connection',
		action: 'Get the connection of the integration',
		description:
			'Unverified: GET …/connect, which no Mapp client calls; kept for saved workflows. To connect the integration, use Connect.',
	},
	{ method: 'GET', url: endpointUrl(API_PATHS.connect) },
);
