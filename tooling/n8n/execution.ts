import { StepError } from './log';

type Json = Record<string, unknown>;

/** What one node did in a run, as `n8n execute --rawOutput` reports it. */
export interface NodeRun {
	node: string;
	status: string;
	/** The JSON of the items on each of its outputs. */
	outputs: Json[][];
	/** For each item on each output, the indexes of the input items n8n pairs it to (`pairedItem`). */
	pairedItems: number[][][];
	error?: string;
	/** When it started (epoch ms) and how long it ran (ms), as n8n measured it. */
	startTime: number;
	executionTime: number;
}

export interface Execution {
	status: string;
	/** The nodes in the order they ran. */
	nodes: NodeRun[];
	error?: string;
	/** Where n8n raised the run's error, as its stack tells. */
	errorStack?: string;
	/** The length of the run data as n8n saved it (one `flatted` string), when read from n8n's REST API. */
	savedDataChars?: number;
}

type PairedItem = number | { item: number } | Array<{ item: number }>;

interface RawTaskData {
	startTime: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Json; pairedItem?: PairedItem }> | null> };
	error?: { message?: string; description?: string };
}

/** A run as n8n stores it: `n8n execute --rawOutput` prints it, the REST API returns its `data` in `flatted` form. */
export interface RawRun {
	status: string;
	data: {
		resultData: {
			runData: Record<string, RawTaskData[]>;
			error?: { message?: string; stack?: string };
		};
	};
}

/**
 * Reads the run out of what `n8n execute --rawOutput` printed. n8n logs before it, and on a failed run it logs the
 * run as a block of JSON instead of printing it; either way it is pretty-printed from a line `{` to a line `}`.
 */
export function parseExecution(output: string): Execution {
	const lines = output.split('\n');
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start === -1 || end === -1) throw new StepError(`n8n printed no execution data`);
	const run = JSON.parse(lines.slice(start, end + 1).join('\n')) as RawRun;
	// n8n 1.x prints the run before it records its final status, as `running`: the outcome is then whether it has an error.
	const status =
		run.status === 'running' ? (run.data.resultData.error ? 'error' : 'success') : run.status;
	return executionOf({ ...run, status });
}

export function executionOf(run: RawRun): Execution {
	const nodes = Object.entries(run.data.resultData.runData)
		.flatMap(([node, tasks]) => tasks.map((task) => ({ node, task })))
		.sort((a, b) => a.task.startTime - b.task.startTime)
		.map(({ node, task }) => ({
			node,
			status: task.executionStatus ?? (task.error ? 'error' : 'success'),
			outputs: (task.data?.main ?? []).map((items) => (items ?? []).map((item) => item.json)),
			pairedItems: (task.data?.main ?? []).map((items) =>
				(items ?? []).map((item) => inputIndexes(item.pairedItem)),
			),
			error: task.error
				? [task.error.message, task.error.description].filter(Boolean).join(': ')
				: undefined,
			startTime: task.startTime,
			executionTime: task.executionTime ?? 0,
		}));
	const { error } = run.data.resultData;
	return { status: run.status, nodes, error: error?.message, errorStack: error?.stack };
}

function inputIndexes(pairedItem: PairedItem | undefined): number[] {
	if (pairedItem === undefined) return [];
	if (typeof pairedItem === 'number') return [pairedItem];
	return (Array.isArray(pairedItem) ? pairedItem : [pairedItem]).map((paired) => paired.item);
}
