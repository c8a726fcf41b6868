/**
 * JSON Lines: one JSON object per line; lines ending with LF or CRLF; blank lines are skipped and not counted.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	FileFormatError,
	HeldText,
	checkRecordLength,
	excerpt,
	type FileRecord,
	type RecordParser,
} from './parser';

export class JsonLinesParser implements RecordParser {
	private text = '';
	private position = 0;
	/** No line break is in the text from `position` up to here. */
	private clearUntil = 0;
	/** Text without a line break, held until one comes: a long line is joined once, not once per chunk. */
	private readonly held = new HeldText();
	private ended = false;
	private recordsRead = 0;

	push(text: string): void {
		const holds = this.clearUntil === this.text.length && !text.includes('\n');
		const partial = this.text.length - this.position + this.held.length + (holds ? text.length : 0);
		checkRecordLength(this.recordInProgress(), partial);
		if (holds) this.held.hold(text);
		else this.join(text);
	}

	end(): void {
		this.join('');
		this.ended = true;
	}

	recordInProgress(): number {
		return this.recordsRead + 1;
	}

	next(): FileRecord | undefined {
		for (;;) {
			const line = this.nextLine();
			if (line === undefined) return undefined;
			if (line.trim() !== '') {
				const recordNumber = ++this.recordsRead;
				return { recordNumber, values: objectOf(line, recordNumber) };
			}
		}
	}

	private join(text: string): void {
		const searched = this.text.length - this.position + this.held.length;
		const clear = this.clearUntil === this.text.length;
		this.text = this.text.slice(this.position) + this.held.release() + text;
		this.clearUntil = clear ? searched : 0;
		this.position = 0;
	}

	private nextLine(): string | undefined {
		const { text } = this;
		const lineFeed = text.indexOf('\n', Math.max(this.position, this.clearUntil));
		if (lineFeed === -1) {
			this.clearUntil = text.length;
			if (!this.ended || this.position >= text.length) return undefined;
		}
		const end = lineFeed === -1 ? text.length : lineFeed;
		const line = text.slice(this.position, end);
		this.position = end + 1;
		return line;
	}
}

function objectOf(line: string, recordNumber: number): IDataObject {
	const value = parsed(line);
	if (value === NOT_JSON) {
		throw new FileFormatError(
			recordNumber,
			`Record ${recordNumber} is not valid JSON: ${excerpt(line.trim())}`,
		);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
		throw new FileFormatError(
			recordNumber,
			`Record ${recordNumber} is ${kind}, not a JSON object: ${excerpt(line.trim())}`,
		);
	}
	return value as IDataObject;
}

const NOT_JSON = Symbol('not JSON');

/** The line's JSON value; NOT_JSON when it is none (JSON.parse's own message would quote the line at length). */
function parsed(line: string): unknown {
	try {
		return JSON.parse(line) as unknown;
	} catch {
		return NOT_JSON;
	}
}
