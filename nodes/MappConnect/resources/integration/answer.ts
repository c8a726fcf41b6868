/**
 * What the Integration calls share: Mapp's answer as it came, one item paired to the input item.
 * Its shape is not documented for every call (docs/mapp-connect-api.md, "Integration calls"), so
 * nothing is picked out of it; an answer that is not an object (or none) is put under `response`.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { isPlainObject } from '../../fields/values';
import { pairedTo, throwOnMappError } from '../readOutput';
import type { Operation, OperationSpec } from '../resource';
import { routedOperation } from '../resource';

/** The output item's JSON for Mapp's answer. */
export function answerJson(body: unknown): IDataObject {
	return isPlainObject(body) ? body : { response: (body ?? null) as IDataObject[string] };
}

/** postReceive: Mapp's answer as one item paired to the input item. */
export async function toAnswerItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return pairedTo(this, [answerJson(response.body)]);
}

/** A call that n8n's routing makes with `request`, and whose answer it outputs as it came. */
export function answerOperation(
	spec: OperationSpec,
	request: { method: IHttpRequestMethods; url: string },
): Operation {
	return routedOperation({
		...spec,
		routing: { request, output: { postReceive: [throwOnMappError, toAnswerItem] } },
	});
}
