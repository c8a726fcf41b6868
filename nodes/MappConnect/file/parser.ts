/** What the CSV and JSON Lines parsers share: the record they give, the error for a broken file, their shape. */
import type { IDataObject } from 'n8n-workflow';

/** One data record: CSV → header name → cell text (every header column present, '' for an empty cell);
 *  JSON Lines → the line's JSON object. */
export interface FileRecord {
	/** 1-based number of the data record: the CSV header is not a record, blank lines are skipped and not counted.
	 *  Physical line numbers are NOT used (a quoted field may span lines). */
	recordNumber: number;
	values: IDataObject;
}

/** The file itself is broken at this record (unclosed quote at the end, more cells than the header, invalid
 *  UTF-8, a JSON line that is not an object or not JSON, a header with an empty or duplicate name): reading stops.
 *  The CSV header is record 0. */
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

/**
 * A parser fed with text piece by piece. It keeps only the text it has not turned into records yet: the rest of
 * the last piece and the record in progress.
 */
export interface RecordParser {
	push(text: string): void;
	/** No more text comes: what is left is the last record, or an error. */
	end(): void;
	/** The next complete record, or undefined when more text is needed (or, after end(), none is left). */
	next(): FileRecord | undefined;
	/** The number of the record the text read so far stops in (0: the CSV header). */
	recordInProgress(): number;
}

/** The start of a text quoted in an error, so that an error never carries a whole line of the file. */
export function excerpt(text: string, length = 40): string {
	return JSON.stringify(text.length > length ? `${text.slice(0, length)}…` : text);
}
