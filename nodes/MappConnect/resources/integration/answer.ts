import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { isPlainObject } from '../../fields/values';
import { pairedTo } from '../readOutput';

/**
 * postReceive: Mapp's answer as it came, one item paired to the input item. Its shape is not
 * documented for every call (docs/mapp-connect-api.md, "Integration calls"), so nothing is
 * picked out of it; an answer that is not an object (or none) is put under `response`.
 */
export async function toAnswerItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { body } = response;
	return pairedTo(this, [isPlainObject(body) ? body : ({ response: body ?? null } as IDataObject)]);
}
