/**
 * PLACEHOLDER until the CSV/JSON Lines reader lands: the reader's API with a naive body (lines split
 * on LF, cells on the delimiter, no quotes, UTF-8 only). It is replaced as a whole by the reader.
 */
import type { IDataObject } from 'n8n-workflow';

export type FileFormat = 'csv' | 'jsonl';

export interface CsvOptions {
	delimiter: string;
	encoding: 'utf-8' | 'windows-1252' | 'latin1';
}

export interface FileRecord {
	recordNumber: number;
	values: IDataObject;
}

export class FileFormatError extends Error {
	constructor(
		readonly recordNumber: number,
		message: string,
		readonly column?: string,
	) {
		super(message);
		this.name = 'FileFormatError';
	}
}

export async function* readRecords(
	chunks: AsyncIterable<Uint8Array>,
	format: FileFormat,
	options: CsvOptions,
): AsyncGenerator<FileRecord> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const delimiter = options.delimiter === 'auto' ? ',' : options.delimiter;
	let header: string[] | undefined;
	let recordNumber = 0;
	let rest = '';
	const recordOf = (line: string): FileRecord | undefined => {
		const text = line.replace(/\r$/, '').replace(/^\uFEFF/, '');
		if (text.trim() === '') return undefined;
		if (format === 'jsonl') {
			recordNumber++;
			let values: IDataObject | undefined;
			try {
				values = JSON.parse(text) as IDataObject;
			} catch {
				values = undefined;
			}
			if (values === undefined)
				throw new FileFormatError(recordNumber, `Record ${recordNumber} is not JSON`);
			return { recordNumber, values };
		}
		const cells = text.split(delimiter);
		if (!header) {
			header = cells;
			return undefined;
		}
		recordNumber++;
		if (cells.length > header.length)
			throw new FileFormatError(
				recordNumber,
				`Record ${recordNumber} has ${cells.length} cells, more than the header's ${header.length}`,
			);
		return {
			recordNumber,
			values: Object.fromEntries(header.map((name, at) => [name, cells[at] ?? ''])),
		};
	};
	for await (const chunk of chunks) {
		const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
		rest = lines.pop() ?? '';
		for (const line of lines) {
			const record = recordOf(line);
			if (record) yield record;
		}
	}
	const last = recordOf(rest + decoder.decode());
	if (last) yield last;
}
