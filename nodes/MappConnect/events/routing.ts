/**
 * The routing of an event operation, for the one path on which n8n runs the node through its
 * routing instead of its custom operations: the node as an AI agent's tool (n8n calls a tool's
 * node through RoutingNode). A tool call is one item, so checking all items first is moot there.
 */
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import type { ParameterReader } from '../fields/field';
import { singleItemReader } from '../fields/readers';
import { API_PATHS, endpointUrl } from '../shared/api';
import { isMappError, mappApiError } from '../shared/errors';
import type { EventKind } from './kind';
import { buildEvent } from './kind';

export function eventRouting(kindOf: (params: ParameterReader) => EventKind): INodePropertyRouting {
	const built = (context: IExecuteSingleFunctions) => {
		const params = singleItemReader(context);
		return buildEvent(kindOf(params), params);
	};
	return {
		request: { method: 'POST', url: endpointUrl(API_PATHS.event) },
		send: {
			preSend: [
				async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
					const { subtype, event } = built(this);
					return { ...requestOptions, qs: { ...requestOptions.qs, subtype }, body: event };
				},
			],
		},
		output: {
			postReceive: [
				async function (
					this: IExecuteSingleFunctions,
					_items: INodeExecutionData[],
					response: IN8nHttpFullResponse,
				): Promise<INodeExecutionData[]> {
					const { subtype, event } = built(this);
					const itemIndex = this.getItemIndex();
					if (isMappError(response))
						throw mappApiError(this.getNode(), response, { subtype, itemIndex });
					const json = { success: true, statusCode: response.statusCode, subtype, event };
					return [{ json, pairedItem: { item: itemIndex } }];
				},
			],
		},
	};
}
