/**
 * A run of a sending operation as the package sees n8n: the input items, their parameters, the
 * credential, the HTTP helper and the run's cancellation. n8n runs the node in two ways: as a
 * workflow step (the operation's custom operation, all items at once) and as an AI agent's tool
 * (through the node's routing, one item per call). Both become a RunContext, so that both run
 * the same code: the same checks, the same Dry Run, the same report.
 */
import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import type { TransportContext } from './transport';

export interface RunContext extends TransportContext {
	/**
	 * The items to send, as n8n gives them: not copied, since a batch can hold 100,000. The first
	 * is item `firstItem` of the node's input, which errors and paired items name.
	 */
	readonly items: readonly INodeExecutionData[];
	readonly firstItem: number;
	/** A parameter of one item, as n8n's getNodeParameter gives it. */
	parameter(
		path: string,
		itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown;
	/** A parameter the run reads once, from its first item, as routing reads the Request Options. */
	runParameter(path: string, fallback: unknown): unknown;
	continueOnFail(): boolean;
	getTimezone(): string;
}

/** A workflow step: every input item, in one run. */
export function workflowRun(context: IExecuteFunctions): RunContext {
	return {
		...fromContext(context),
		items: context.getInputData(),
		firstItem: 0,
		parameter: (path, itemIndex, fallback, options) =>
			context.getNodeParameter(path, itemIndex, fallback, options),
		runParameter: (path, fallback) => context.getNodeParameter(path, 0, fallback),
	};
}

/** One item that n8n's routing hands over: an agent's tool call. */
export function routedItemRun(context: IExecuteSingleFunctions): RunContext {
	const read = (path: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
		context.getNodeParameter(path, fallback, options);
	return {
		...fromContext(context),
		items: [context.getInputData()],
		firstItem: context.getItemIndex(),
		parameter: (path, _itemIndex, fallback, options) => read(path, fallback, options),
		runParameter: (path, fallback) => read(path, fallback),
	};
}

/** What both kinds of n8n context offer alike. */
function fromContext(
	context: IExecuteFunctions | IExecuteSingleFunctions,
): Omit<RunContext, 'items' | 'firstItem' | 'parameter' | 'runParameter'> {
	return {
		continueOnFail: () => context.continueOnFail(),
		getTimezone: () => context.getTimezone(),
		getNode: () => context.getNode(),
		getCredentials: async (type) => await context.getCredentials(type),
		helpers: context.helpers,
		getExecutionCancelSignal: () => context.getExecutionCancelSignal(),
	};
}
