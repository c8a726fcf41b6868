import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { reader, NODE } from '../events/reader';

/**
 * The part of IExecuteSingleFunctions the hooks use: the item's parameters, its index, the node,
 * Continue On Fail, and the run's execute data (share one `run` object between the items of a run).
 */
export function singleContext(
	parameters: IDataObject,
	itemIndex = 0,
	{ run = {}, continueOnFail = false }: { run?: object; continueOnFail?: boolean } = {},
): IExecuteSingleFunctions {
	const params = reader(parameters, itemIndex);
	return {
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = params.get(name, fallback);
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return value;
		},
		getItemIndex: () => itemIndex,
		getTimezone: () => 'UTC',
		getNode: () => NODE,
		getExecutionCancelSignal: () => undefined,
		getExecuteData: () => run,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteSingleFunctions;
}

export function response(statusCode: number, body?: unknown): IN8nHttpFullResponse {
	return { statusCode, body: body as IN8nHttpFullResponse['body'], headers: {} };
}
