/**
 * CSV as spreadsheets and databases export it (RFC 4180 and what Excel adds): a header row; a delimiter given or
 * detected from the header line; fields in double quotes may hold delimiters, line breaks and doubled quotes;
 * records end with CRLF, LF or a lone CR; blank lines are skipped. A quote inside an unquoted field is text.
 *
 * Fast because the text is searched with indexOf, never walked character by character, and a field is one slice
 * of the text. Resumable because the parser keeps where it stands: the cells already read of the record in
 * progress, and in a quoted field where the search for its closing quote goes on; so the text before the field
 * in progress is dropped when more arrives, and no text is searched twice.
 */
import type { IDataObject } from 'n8n-workflow';
import { FileFormatError, excerpt, type FileRecord, type RecordParser } from './parser';

/** The delimiters 'auto' chooses from, in the order that wins a tie. */
export const DETECTED_DELIMITERS = [',', ';', '\t', '|'];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A property as assignment makes it. */
const OWN = { enumerable: true, writable: true, configurable: true };

/** Where the next occurrence of a character is: found at `at`, or (at -1) absent from `clearUntil` back to where
 *  the search began. The text only grows at its end and is read forwards, so neither goes stale. */
interface Lookout {
	readonly char: string;
	at: number;
	clearUntil: number;
}

/** A quoted field in progress: its text starts at `start`; its closing quote is searched for from `searchFrom`. */
interface QuotedField {
	start: number;
	searchFrom: number;
	hasDoubledQuotes: boolean;
}

export class CsvParser implements RecordParser {
	private text = '';
	private position = 0;
	private ended = false;
	private delimiter: string | undefined;
	private lookouts: Lookout[] = [];
	private cells: string[] = [];
	private quoted: QuotedField | undefined;
	private header: string[] | undefined;
	private headerHasProto = false;
	private recordsRead = 0;

	/** @param delimiter one character, or 'auto' to detect it from the header line */
	constructor(delimiter: string) {
		if (delimiter !== 'auto') this.useDelimiter(delimiter);
	}

	push(text: string): void {
		// Everything before the field in progress has become cells or records.
		const keepFrom = this.quoted ? this.quoted.start - 1 : this.position;
		this.text = this.text.slice(keepFrom) + text;
		this.position -= keepFrom;
		if (this.quoted) {
			this.quoted.start -= keepFrom;
			this.quoted.searchFrom -= keepFrom;
		}
		for (const lookout of this.lookouts) {
			lookout.at = lookout.at === -1 ? -1 : lookout.at - keepFrom;
			lookout.clearUntil = Math.max(0, lookout.clearUntil - keepFrom);
		}
	}

	end(): void {
		this.ended = true;
	}

	recordInProgress(): number {
		return this.header ? this.recordsRead + 1 : 0;
	}

	next(): FileRecord | undefined {
		for (;;) {
			const cells = this.readRecord();
			if (!cells) return undefined;
			if (this.header) {
				this.recordsRead++;
				return { recordNumber: this.recordsRead, values: this.valuesOf(cells) };
			}
			this.header = checkedHeader(cells);
			this.headerHasProto = this.header.includes('__proto__');
		}
	}

	/** The cells of the next record, or undefined when the text read so far does not complete one. */
	private readRecord(): string[] | undefined {
		if (this.cells.length === 0 && !this.quoted && !this.skipBlankLines()) return undefined;
		if (this.delimiter === undefined && !this.detectDelimiter()) return undefined;
		for (;;) {
			const fieldEnd = this.quoted || this.atQuote() ? this.readQuoted() : this.readUnquoted();
			if (fieldEnd === undefined) return undefined;
			if (fieldEnd < this.text.length && this.text[fieldEnd] === this.delimiter) {
				this.position = fieldEnd + 1;
				continue;
			}
			// A line break or the end of the file. A CRLF's LF is left for skipBlankLines.
			this.position = fieldEnd + 1;
			return this.finishRecord();
		}
	}

	/** Steps over line breaks at the start of a record; false when no record starts in the text read so far. */
	private skipBlankLines(): boolean {
		const { text } = this;
		let at = this.position;
		while (at < text.length && (text.charCodeAt(at) === LF || text.charCodeAt(at) === CR)) at++;
		this.position = at;
		return at < text.length;
	}

	private atQuote(): boolean {
		return this.text.charCodeAt(this.position) === QUOTE;
	}

	/** Reads an unquoted field into the cells; its end (a delimiter, line break or the text's end), or undefined
	 *  when the text read so far may not hold all of it. */
	private readUnquoted(): number | undefined {
		let end = -1;
		for (const lookout of this.lookouts) {
			const at = this.nextOf(lookout);
			if (at !== -1 && (end === -1 || at < end)) end = at;
		}
		if (end === -1) {
			if (!this.ended) return undefined;
			end = this.text.length;
		}
		this.addCell(this.text.slice(this.position, end));
		return end;
	}

	/** Reads a quoted field into the cells, as readUnquoted. */
	private readQuoted(): number | undefined {
		const { text } = this;
		const field = (this.quoted ??= {
			start: this.position + 1,
			searchFrom: this.position + 1,
			hasDoubledQuotes: false,
		});
		for (;;) {
			const quote = text.indexOf('"', field.searchFrom);
			const following = quote + 1;
			if (quote === -1 || (following === text.length && !this.ended)) {
				field.searchFrom = quote === -1 ? text.length : quote;
				if (this.ended) throw this.unclosedQuote();
				return undefined;
			}
			if (text.charCodeAt(following) === QUOTE) {
				field.hasDoubledQuotes = true;
				field.searchFrom = following + 1;
				continue;
			}
			const next = text.charCodeAt(following);
			if (
				following < text.length &&
				text[following] !== this.delimiter &&
				next !== LF &&
				next !== CR
			) {
				throw this.textAfterClosingQuote(text.slice(field.start, quote), text[following]);
			}
			const value = text.slice(field.start, quote);
			this.quoted = undefined;
			this.addCell(field.hasDoubledQuotes ? value.replace(/""/g, '"') : value);
			return following;
		}
	}

	private addCell(value: string): void {
		this.cells.push(value);
		if (this.header && this.cells.length > this.header.length) {
			throw new FileFormatError(
				this.recordInProgress(),
				`Record ${this.recordInProgress()} has more cells than the ${this.header.length} columns of the header`,
			);
		}
	}

	private finishRecord(): string[] {
		const cells = this.cells;
		this.cells = [];
		return cells;
	}

	/** The record's values by header name; the cells a short row lacks are ''. */
	private valuesOf(cells: string[]): IDataObject {
		const header = this.header as string[];
		const values: IDataObject = {};
		for (let column = 0; column < header.length; column++) {
			const value = column < cells.length ? cells[column] : '';
			// Assigning to '__proto__' would set the object's prototype instead of a value.
			if (this.headerHasProto) Object.defineProperty(values, header[column], { ...OWN, value });
			else values[header[column]] = value;
		}
		return values;
	}

	/** The next occurrence of the lookout's character at or after the position, or -1 in the text read so far. */
	private nextOf(lookout: Lookout): number {
		if (lookout.at >= this.position) return lookout.at;
		const from = Math.max(this.position, lookout.clearUntil);
		lookout.at = this.text.indexOf(lookout.char, from);
		if (lookout.at === -1) lookout.clearUntil = this.text.length;
		return lookout.at;
	}

	private useDelimiter(delimiter: string): void {
		if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
			throw new RangeError(
				`The delimiter must be one character other than a quote or line break, got ${excerpt(delimiter)}`,
			);
		}
		this.delimiter = delimiter;
		this.lookouts = [delimiter, '\n', '\r'].map((char) => ({ char, at: -1, clearUntil: 0 }));
	}

	/**
	 * Chooses the delimiter that occurs most often in the header line outside quotes (',' when none does), once
	 * the whole line is read; false until then.
	 */
	private detectDelimiter(): boolean {
		const counts = new Map(DETECTED_DELIMITERS.map((d) => [d, 0]));
		let inQuotes = false;
		let at = this.position;
		for (; at < this.text.length; at++) {
			const char = this.text[at];
			if (char === '"') inQuotes = !inQuotes;
			else if (!inQuotes && (char === '\n' || char === '\r')) break;
			else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
		}
		if (at === this.text.length && !this.ended) return false;
		let best = DETECTED_DELIMITERS[0];
		for (const [delimiter, count] of counts) {
			if (count > (counts.get(best) as number)) best = delimiter;
		}
		this.useDelimiter(best);
		return true;
	}

	private unclosedQuote(): FileFormatError {
		const record = this.recordInProgress();
		const column = this.header?.[this.cells.length];
		const where = column === undefined ? '' : `, column '${column}',`;
		return new FileFormatError(
			record,
			`${recordName(record)}${where} opens a quote that is not closed before the end of the file`,
			column,
		);
	}

	private textAfterClosingQuote(field: string, after: string): FileFormatError {
		const record = this.recordInProgress();
		const column = this.header?.[this.cells.length];
		const where = column === undefined ? '' : `, column '${column}',`;
		return new FileFormatError(
			record,
			`${recordName(record)}${where} has ${excerpt(after)} after the quote that closes the field ${excerpt(field, 20)} (a quote inside a quoted field is written as two quotes)`,
			column,
		);
	}
}

function recordName(record: number): string {
	return record === 0 ? 'The header' : `Record ${record}`;
}

/** The header's names: none empty, none twice. */
function checkedHeader(names: string[]): string[] {
	const seen = new Map<string, number>();
	names.forEach((name, index) => {
		if (name.trim() === '') {
			throw new FileFormatError(0, `The header has no name for column ${index + 1}`);
		}
		const earlier = seen.get(name);
		if (earlier !== undefined) {
			throw new FileFormatError(
				0,
				`The header has the name ${excerpt(name)} twice (columns ${earlier + 1} and ${index + 1})`,
				name,
			);
		}
		seen.set(name, index);
	});
	return names;
}
