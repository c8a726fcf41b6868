/**
 * How n8n runs a sending operation, and what the package sees of it. n8n runs the node in two
 * ways: as a workflow step (the operation's custom operation, all items at once) and as an AI
 * agent's tool (through the node's routing, one item per call). Both become a RunContext, so that
 * both run the same code: the same checks, the same Dry Run, the same report.
 */
import type {
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodePropertyRouting,
	Logger,
} from 'n8n-workflow';
import type { RetryTimings } from './retry';
import { RETRY_TIMINGS } from './retry';
import type { TransportContext } from './transport';

/** What the node hands every run besides n8n's context. */
export interface RunSettings {
	/** How long Batch → Send waits before a retry. */
	readonly retryTimings: RetryTimings;
}

/** n8n creates the node without arguments: the real timings. Tests pass shorter ones. */
export const DEFAULT_RUN_SETTINGS: RunSettings = { retryTimings: RETRY_TIMINGS };

/** The node, which holds the settings its runs receive. */
export interface SettingsHolder {
	readonly runSettings: RunSettings;
}

export interface RunContext extends TransportContext, RunSettings {
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
	/** n8n's log (a file's progress: Batch → Send From File). */
	readonly logger?: Logger;
	/**
	 * n8n's helpers for the items' files (binary data). Only a workflow step has them: an agent's
	 * tool call is one item made of the model's arguments, which carries no file.
	 */
	readonly binary?: BinaryHelpers;
}

export type BinaryHelpers = Pick<
	IExecuteFunctions['helpers'],
	'assertBinaryData' | 'getBinaryStream' | 'getBinaryDataBuffer'
>;

/** What a sending operation does with a run: every item's output. */
export type OperationRun = (run: RunContext) => Promise<INodeExecutionData[][]>;

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** The operation as a workflow step: n8n's custom operation, given every input item at once. */
export function customOperation(operationRun: OperationRun, node: SettingsHolder): CustomOperation {
	return async function (this: IExecuteFunctions) {
		return await operationRun(workflowRun(this, node.runSettings));
	};
}

/**
 * The operation as an AI agent's tool: n8n calls a tool's node through its routing, one item per
 * call. Routing would send each item's request as soon as it is built, with no way to skip it (Dry
 * Run) or to retry it; its one hook that replaces the request is a pagination function. That
 * function hands the item to the operation's own run, so that a tool call behaves exactly as a
 * workflow step does.
 */
export function toolRouting(
	operationRun: OperationRun,
	node: SettingsHolder,
): INodePropertyRouting {
	return {
		send: { paginate: true },
		operations: {
			async pagination(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
				const [items] = await operationRun(toolCallRun(this, node.runSettings));
				return items;
			},
		},
	};
}

/** A workflow step: every input item, in one run. */
export function workflowRun(
	context: IExecuteFunctions,
	settings: RunSettings = DEFAULT_RUN_SETTINGS,
): RunContext {
	return {
		...fromContext(context, settings),
		binary: context.helpers,
		items: context.getInputData(),
		firstItem: 0,
		parameter: (path, itemIndex, fallback, options) =>
			context.getNodeParameter(path, itemIndex, fallback, options),
		runParameter: (path, fallback) => context.getNodeParameter(path, 0, fallback),
	};
}

/** One item that n8n's routing hands over: an agent's tool call. */
function toolCallRun(context: IExecuteSingleFunctions, settings: RunSettings): RunContext {
	const read = (path: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
		context.getNodeParameter(path, fallback, options);
	return {
		...fromContext(context, settings),
		items: [context.getInputData()],
		firstItem: context.getItemIndex(),
		parameter: (path, _itemIndex, fallback, options) => read(path, fallback, options),
		runParameter: (path, fallback) => read(path, fallback),
	};
}

/** What both kinds of n8n context offer alike, and the node's settings. */
function fromContext(
	context: IExecuteFunctions | IExecuteSingleFunctions,
	settings: RunSettings,
): Omit<RunContext, 'items' | 'firstItem' | 'parameter' | 'runParameter'> {
	return {
		retryTimings: settings.retryTimings,
		continueOnFail: () => context.continueOnFail(),
		getTimezone: () => context.getTimezone(),
		getNode: () => context.getNode(),
		getCredentials: async (type) => await context.getCredentials(type),
		helpers: context.helpers,
		getExecutionCancelSignal: () => context.getExecutionCancelSignal(),
		logger: context.logger,
	};
}
