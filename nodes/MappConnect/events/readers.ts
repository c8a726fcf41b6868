import type { IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import type { ParameterReader } from './types';

/** The parameters of the item a declarative request is being built for (inside a preSend hook). */
export function singleItemReader(context: IExecuteSingleFunctions): ParameterReader {
	return {
		node: context.getNode(),
		itemIndex: context.getItemIndex(),
		get: <T>(name: string, fallback?: T) => context.getNodeParameter(name, fallback) as T,
	};
}

/** The parameters of one input item of a node's execute function (the batch operation). */
export function itemReader(context: IExecuteFunctions, itemIndex: number): ParameterReader {
	return {
		node: context.getNode(),
		itemIndex,
		get: <T>(name: string, fallback?: T) => context.getNodeParameter(name, itemIndex, fallback) as T,
	};
}
