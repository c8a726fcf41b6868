import { throwOnMappError } from '../../hooks/response';
import { buildHistoryQuery, historyContact, paginateMessageHistory, toHistoryItems } from '../../hooks/lists';
import { API_PATHS, endpointUrl } from '../../shared/api';
import { operation, returnAllAndLimit } from '../operations';

export const getHistory = operation(
	'message',
	{
		value: 'getHistory',
		name: 'Get History',
		action: 'Get the message history of a user',
		description: 'Get the messages sent to one contact',
		routing: {
			request: { method: 'GET', url: endpointUrl(API_PATHS.messageHistory) },
			send: { preSend: [buildHistoryQuery], paginate: true },
			operations: { pagination: paginateMessageHistory },
			output: { postReceive: [throwOnMappError, toHistoryItems] },
		},
	},
	[...historyContact.properties, ...returnAllAndLimit()],
);
