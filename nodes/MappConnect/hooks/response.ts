import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { isMappError, mappApiError } from '../shared/errors';

/** postReceive: turns a Mapp error answer into a NodeApiError with a hint; passes other answers on. */
export async function throwOnMappError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isMappError(response.statusCode)) {
		throw mappApiError(this.getNode(), response, { itemIndex: this.getItemIndex() });
	}
	return items;
}
