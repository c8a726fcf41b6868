/**
 * Batch → Send From File: each input item carrying a CSV or JSON Lines file gives one summary
 * item; the file's records go to Mapp as events, read and sent as a stream (delivery/stream.ts),
 * so that memory does not grow with the file.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { RunContext } from '../../delivery/run';
import type { EventKind } from '../../events/kind';
import { MAX_EVENTS_PER_BATCH } from '../../shared/api';
import type { Operation } from '../resource';
import { sendingOperation } from '../resource';
import { sendFileOf } from './fileRun';
import { sendFileProperties } from './sendFileFields';

/**
 * An agent's tool call is one item made of the model's arguments: it carries no file, and a run
 * that may send a million events and take an hour is no tool step. Refused, saying so.
 */
export const NOT_A_TOOL =
	'Batch → Send From File cannot run as an AI agent tool: a tool call carries no file, and sending a whole file is a workflow step. Use it in a workflow, after the node that reads the file.';

export function sendFileOperation(kinds: readonly EventKind[]): Operation {
	return sendingOperation(
		{
			name: 'Send From File',
			value: 'sendFile',
			action: 'Send the records of a CSV or JSON Lines file',
			description: `Send every record of a CSV or JSON Lines file as one event, read as a stream, up to ${MAX_EVENTS_PER_BATCH} per request`,
		},
		sendFileProperties(kinds),
		async (run) => await sendFiles(run, kinds),
	);
}

/** One summary item per input item, in the input's order; a file that fails stops the node (or, with Continue On Fail, its summary carries the error). */
async function sendFiles(
	run: RunContext,
	kinds: readonly EventKind[],
): Promise<INodeExecutionData[][]> {
	const { binary } = run;
	// only a workflow step has n8n's binary helpers (delivery/run.ts)
	if (!binary) throw new NodeOperationError(run.getNode(), NOT_A_TOOL);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < run.items.length; itemIndex++) {
		output.push(await sendFileOf({ ...run, binary }, kinds, itemIndex));
	}
	return [output];
}
