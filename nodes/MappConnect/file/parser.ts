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

/** "Record 12", or "The header" for record 0 of a CSV file. */
export function recordName(record: number): string {
	return record === 0 ? 'The header' : `Record ${record}`;
}

/** The longest record read, in characters: the reader holds a record in progress whole, and a quote left open by
 *  mistake would otherwise make the rest of the file one record. */
export const MAX_RECORD_LENGTH = 10_000_000;

export function checkRecordLength(record: number, length: number, hint = ''): void {
	if (length > MAX_RECORD_LENGTH) {
		throw new FileFormatError(
			record,
			`${recordName(record)} is longer than ${MAX_RECORD_LENGTH.toLocaleString('en')} characters${hint}`,
		);
	}
}

/**
 * Text held back, not joined, while it cannot complete the record in progress (it lacks the character the parser
 * waits for): joining a long record in progress to each chunk as it comes would copy it once per chunk.
 */
export class HeldText {
	private pieces: string[] = [];
	length = 0;

	hold(text: string): void {
		this.pieces.push(text);
		this.length += text.length;
	}

	release(): string {
		const text = this.pieces.join('');
		this.pieces = [];
		this.length = 0;
		return text;
	}
}
