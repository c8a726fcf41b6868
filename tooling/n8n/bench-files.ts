/**
 * The file paths of `npm run bench:n8n`: a generated CSV of contacts read from disk by n8n's Read/Write Files from
 * Disk, then either n8n's Extract From File (CSV) and Batch → Send, as a user builds it without streaming, or
 * Batch → Send From File, which reads the file itself.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { contactFields } from '../harness/batch-fixtures';
import { seededRandom } from '../sandbox/faults';
import { NODE_NAMES, mappNode, type WorkflowJson, type WorkflowNode } from './bench-workflows';

export const FILE_NODE_NAMES = {
	read: 'Read contacts file',
	extract: 'Extract From File',
} as const;

/** First names as people export them: a comma, a quote, a non-ASCII letter, all quoted as CSV quotes them. */
const FIRST_NAMES = ['Anna', 'Jo, Jr.', 'Zoë', 'Mary "May"', 'Łukasz', 'Ben'];
const CITIES = ['Berlin', 'Munich', 'Hamburg', 'Vienna', 'Zurich'];
export const CSV_COLUMNS = ['email', 'group', 'firstName', 'city', 'score'] as const;

export type ContactRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** The contacts of a file of `rows` rows, in file order; each email is unique (its record number). */
export function* contactRows(rows: number, seed = 24): Generator<ContactRow> {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	for (let i = 0; i < rows; i++) {
		yield {
			email: `contact${String(i).padStart(7, '0')}@example.com`,
			group: String(100 + Math.floor(random() * 3)),
			firstName: pick(FIRST_NAMES),
			city: pick(CITIES),
			score: String(Math.floor(random() * 100)),
		};
	}
}

function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes the contacts as a UTF-8 CSV with a header row and CRLF line ends, as a spreadsheet exports them. */
export async function writeContactsCsv(dir: string, rows: number): Promise<string> {
	const path = join(dir, `contacts-${rows}.csv`);
	const out = createWriteStream(path);
	const lines: string[] = [CSV_COLUMNS.join(',')];
	const flush = async () => {
		if (!out.write(lines.join('\r\n') + '\r\n')) await once(out, 'drain');
		lines.length = 0;
	};
	for (const row of contactRows(rows)) {
		lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
		if (lines.length >= 10_000) await flush();
	}
	if (lines.length) await flush();
	out.end();
	await once(out, 'finish');
	return path;
}

/** How the path turns the file into events. */
export interface FileSource {
	/** `extract`: Extract From File makes an item per row for Batch → Send; `stream`: Send From File reads the file. */
	kind: 'extract' | 'stream';
	typeVersion: number;
	mapp: INodeParameters;
}

/** Batch → Send of the Extract path: the contact fields mapped from each row, as for the generated contacts. */
export const EXTRACT_BATCH_PARAMETERS: INodeParameters = {
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	...contactFields,
};

/** Batch → Send From File with the same fields, each mapped from its column. */
export const SEND_FILE_PARAMETERS: INodeParameters = {
	...EXTRACT_BATCH_PARAMETERS,
	operation: 'sendFile',
	eventSource: 'fields',
};

export function fileWorkflow(name: string, csvPath: string, source: FileSource): WorkflowJson {
	const node = (x: number, rest: Omit<WorkflowNode, 'position'>): WorkflowNode => ({
		...rest,
		position: [x, 0],
	});
	const nodes: WorkflowNode[] = [
		node(0, {
			name: NODE_NAMES.start,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		}),
		node(220, {
			name: FILE_NODE_NAMES.read,
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			parameters: { fileSelector: csvPath, options: {} },
		}),
		...(source.kind === 'extract'
			? [
					node(440, {
						name: FILE_NODE_NAMES.extract,
						type: 'n8n-nodes-base.extractFromFile',
						typeVersion: 1,
						parameters: { operation: 'csv', binaryPropertyName: 'data', options: {} },
					}),
				]
			: []),
		mappNode(source.mapp, 660, source.typeVersion),
	];
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** The nodes whose execution time is the path's node time: everything after reading the file. */
export function fileTimedNodes(source: FileSource): string[] {
	return source.kind === 'extract' ? [FILE_NODE_NAMES.extract, NODE_NAMES.mapp] : [NODE_NAMES.mapp];
}
