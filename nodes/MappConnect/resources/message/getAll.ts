import { API_PATHS, endpointUrl } from '../../shared/api';
import { returnAllAndLimit, throwOnMappError, toIdNameItems } from '../readOutput';
import { routedOperation } from '../resource';

export const getAll = routedOperation(
	{
		value: 'getAll',
		name: 'Get Many',
		action: 'Get many messages',
		description: 'Get the prepared messages of one channel',
		routing: {
			request: { method: 'GET' },
			output: { postReceive: [throwOnMappError, toIdNameItems] },
		},
	},
	[
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			default: 'email',
			description: 'The channel whose prepared messages to get',
			options: [
				{
					name: 'Email',
					value: 'email',
					routing: { request: { url: endpointUrl(API_PATHS.emailMessages) } },
				},
				{
					name: 'Push',
					value: 'push',
					routing: { request: { url: endpointUrl(API_PATHS.pushMessages) } },
				},
				{
					name: 'SMS',
					value: 'sms',
					routing: { request: { url: endpointUrl(API_PATHS.smsMessages) } },
				},
			],
		},
		...returnAllAndLimit(),
	],
);
