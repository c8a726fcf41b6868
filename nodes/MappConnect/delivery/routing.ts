/**
 * The routing of every sending operation, for the one path on which n8n runs the node through its
 * routing instead of its custom operations: the node as an AI agent's tool (n8n calls a tool's
 * node through its routing, one item per call). Routing would send each item's request as soon as
 * it is built, with no way to skip it (Dry Run) or to retry it; its one hook that replaces the
 * request is a pagination function. That function hands the item to the operation's own run, so
 * that a tool call behaves exactly as a workflow step does.
 */
import type {
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import type { RunContext } from './run';
import { routedItemRun } from './run';

export type OperationRun = (run: RunContext) => Promise<INodeExecutionData[][]>;

export function routingThrough(operationRun: OperationRun): INodePropertyRouting {
	return {
		send: { paginate: true },
		operations: {
			async pagination(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
				const [items] = await operationRun(routedItemRun(this));
				return items;
			},
		},
	};
}
