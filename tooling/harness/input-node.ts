import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const INPUT_NODE_TYPE = 'harness.input';

/** A file an input item carries in one of its binary fields, as a node that read it would give it. */
export interface InputFile {
	/** The binary field; `data` when left out, as n8n's file nodes name it. */
	property?: string;
	content: string | Buffer;
	fileName: string;
	mimeType?: string;
}

const pendingInputs = new Map<
	string,
	{ rows: IDataObject[]; files: Array<InputFile | undefined> }
>();
let nextInputKey = 0;

/** Registers the rows an input node will emit and returns the key its `inputKey` parameter names. */
export function registerInput(
	rows: IDataObject[],
	files: Array<InputFile | undefined> = [],
): string {
	const key = `input-${++nextInputKey}`;
	pendingInputs.set(key, { rows, files });
	return key;
}

export function releaseInput(key: string): void {
	pendingInputs.delete(key);
}

/**
 * Stands in for a Manual Trigger followed by whatever produced the rows (a spreadsheet, a CRM).
 * n8n-nodes-base is not a dependency, so the harness brings this one start node of its own. The
 * rows are handed over by key rather than as a parameter, so that 100,000 rows are not run
 * through n8n's parameter resolution before the node under test sees them.
 */
export const inputNodeType: INodeType = {
	description: {
		displayName: 'Harness Input',
		name: INPUT_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the test rows',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Input Key', name: 'inputKey', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const key = this.getNodeParameter('inputKey', 0) as string;
		const input = pendingInputs.get(key);
		if (!input) throw new Error(`No rows registered under "${key}"`);
		const items: INodeExecutionData[] = [];
		for (const [index, json] of input.rows.entries()) {
			const file = input.files[index];
			// n8n's own way to attach a file: kept in the item (default mode) or stored with an id
			const binary = file && {
				[file.property ?? 'data']: await this.helpers.prepareBinaryData(
					Buffer.from(file.content),
					file.fileName,
					file.mimeType,
				),
			};
			items.push({ json, ...(binary && { binary }), pairedItem: { item: index } });
		}
		return [items];
	},
};
