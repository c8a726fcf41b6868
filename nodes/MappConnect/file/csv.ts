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
import { checkedDelimiter, checkedHeader, detectedDelimiter } from './csvHeader';
import {
	FileFormatError,
	HeldText,
	checkRecordLength,
	excerpt,
	recordName,
	type FileRecord,
	type RecordParser,
} from './parser';

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

/** A quoted field in progress: its text searched in earlier pieces is `searched`, the rest starts at `start`; its
 *  closing quote is searched for from `searchFrom`. */
interface QuotedField {
	searched: HeldText;
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
	/** The characters of the cells read of the record in progress. */
	private cellsLength = 0;
	private quoted: QuotedField | undefined;
	/** The characters the field in progress waits for (none: any text may complete it); text without them is held. */
	private awaited: string[] | undefined;
	private readonly held = new HeldText();
	private header: string[] | undefined;
	private headerHasProto = false;
	private recordsRead = 0;

	/** @param delimiter one character, or 'auto' to detect it from the header line */
	constructor(delimiter: string) {
		if (delimiter !== 'auto') this.useDelimiter(checkedDelimiter(delimiter));
	}

	push(text: string): void {
		// Everything before the field in progress has become cells or records.
		const keepFrom = this.quoted ? this.quoted.start : this.position;
		const holds = this.awaited !== undefined && !this.awaited.some((char) => text.includes(char));
		const partial =
			this.cellsLength +
			(this.quoted?.searched.length ?? 0) +
			this.text.length -
			keepFrom +
			this.held.length +
			(holds ? text.length : 0);
		checkRecordLength(this.recordInProgress(), partial, ' (is a quote not closed?)');
		if (holds) this.held.hold(text);
		else this.join(keepFrom, text);
	}

	end(): void {
		if (this.held.length > 0) this.join(this.quoted ? this.quoted.start : this.position, '');
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

	/** Drops the text before `keepFrom` and appends the held text and `text`; what was searched stays searched. */
	private join(keepFrom: number, text: string): void {
		const searched = this.text.length - keepFrom + this.held.length;
		const waitedInQuotes = this.awaited !== undefined && this.quoted !== undefined;
		const waitedUnquoted = this.awaited !== undefined && this.quoted === undefined;
		this.text = this.text.slice(keepFrom) + this.held.release() + text;
		this.position -= keepFrom;
		if (this.quoted) {
			this.quoted.start -= keepFrom;
			this.quoted.searchFrom = waitedInQuotes ? searched : this.quoted.searchFrom - keepFrom;
		}
		for (const lookout of this.lookouts) {
			if (waitedUnquoted) {
				// None of the three was found (that is why the field waits), nor is in the held text.
				lookout.at = -1;
				lookout.clearUntil = searched;
			} else if (lookout.at >= keepFrom) {
				lookout.at -= keepFrom;
			} else {
				lookout.at = -1;
				lookout.clearUntil = Math.max(0, lookout.clearUntil - keepFrom);
			}
		}
		this.awaited = undefined;
	}

	/** The cells of the next record, or undefined when the text read so far does not complete one. */
	private readRecord(): string[] | undefined {
		if (this.cells.length === 0 && !this.quoted && !this.skipBlankLines()) return undefined;
		if (this.delimiter === undefined) {
			const detected = detectedDelimiter(this.text, this.position, this.ended);
			if (detected === undefined) return undefined;
			this.useDelimiter(detected);
		}
		for (;;) {
			const fieldEnd = this.quoted || this.atQuote() ? this.readQuoted() : this.readUnquoted();
			if (fieldEnd === undefined) return undefined;
			this.position = fieldEnd + 1;
			if (fieldEnd < this.text.length && this.text[fieldEnd] === this.delimiter) continue;
			// A line break or the end of the file. A CRLF's LF is left for skipBlankLines.
			const cells = this.cells;
			this.cells = [];
			this.cellsLength = 0;
			return cells;
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
			if (!this.ended) {
				this.awaited = this.lookouts.map((lookout) => lookout.char);
				return undefined;
			}
			end = this.text.length;
		}
		this.addCell(this.text.slice(this.position, end));
		return end;
	}

	/** Reads a quoted field into the cells, as readUnquoted. */
	private readQuoted(): number | undefined {
		const { text } = this;
		const field = (this.quoted ??= {
			searched: new HeldText(),
			start: this.position + 1,
			searchFrom: this.position + 1,
			hasDoubledQuotes: false,
		});
		for (;;) {
			const quote = text.indexOf('"', field.searchFrom);
			const following = quote + 1;
			if (quote === -1 || (following === text.length && !this.ended)) {
				if (this.ended)
					throw this.fieldError('opens a quote that is not closed before the end of the file');
				// After a quote at the end of the text, any character decides whether the field ends there.
				field.searchFrom = quote === -1 ? text.length : quote;
				// What is searched is set aside, so that a long field is not carried from chunk to chunk.
				field.searched.hold(text.slice(field.start, field.searchFrom));
				field.start = field.searchFrom;
				this.awaited = quote === -1 ? ['"'] : undefined;
				return undefined;
			}
			const next = text.charCodeAt(following);
			if (next === QUOTE) {
				field.hasDoubledQuotes = true;
				field.searchFrom = following + 1;
				continue;
			}
			const value = field.searched.release() + text.slice(field.start, quote);
			if (
				following < text.length &&
				text[following] !== this.delimiter &&
				next !== LF &&
				next !== CR
			) {
				throw this.fieldError(
					`has ${excerpt(text[following])} after the quote that closes the field ${excerpt(value, 20)} (a quote inside a quoted field is written as two quotes)`,
				);
			}
			this.quoted = undefined;
			this.addCell(field.hasDoubledQuotes ? value.replace(/""/g, '"') : value);
			return following;
		}
	}

	private addCell(value: string): void {
		this.cells.push(value);
		this.cellsLength += value.length;
		if (this.header && this.cells.length > this.header.length) {
			throw new FileFormatError(
				this.recordInProgress(),
				`Record ${this.recordInProgress()} has more cells than the ${this.header.length} columns of the header`,
			);
		}
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
		lookout.at = this.text.indexOf(lookout.char, Math.max(this.position, lookout.clearUntil));
		if (lookout.at === -1) lookout.clearUntil = this.text.length;
		return lookout.at;
	}

	private useDelimiter(delimiter: string): void {
		this.delimiter = delimiter;
		this.lookouts = [delimiter, '\n', '\r'].map((char) => ({ char, at: -1, clearUntil: 0 }));
	}

	/** An error about the field in progress, naming its record and, past the header, its column. */
	private fieldError(problem: string): FileFormatError {
		const record = this.recordInProgress();
		const column = this.header?.[this.cells.length];
		const where = column === undefined ? '' : `, column '${column}',`;
		return new FileFormatError(record, `${recordName(record)}${where} ${problem}`, column);
	}
}
