/**
 * The records of a CSV or JSON Lines file, read as its chunks arrive: what the reader holds is one chunk and one
 * partial record, never the file. Bytes become text (decode.ts), text becomes records (csv.ts, jsonl.ts).
 */
import { decoderFor, type TextEncodingName } from './decode';
import { CsvParser } from './csv';
import { JsonLinesParser } from './jsonl';
import { FileFormatError, recordName, type FileRecord, type RecordParser } from './parser';

export { FileFormatError, MAX_RECORD_LENGTH, type FileRecord } from './parser';

export type FileFormat = 'csv' | 'jsonl';

/** CSV options, named as n8n's Extract From File names its CSV options where it has one. */
export interface CsvOptions {
	/** ',', ';', '\t', '|' or 'auto' (detect from the header line among , ; tab |). */
	delimiter: string;
	/** 'utf-8' (a BOM is dropped; invalid bytes are an error), 'windows-1252', 'latin1' (both: any byte valid). */
	encoding: TextEncodingName;
}

/** Reads records incrementally: holds at most one input chunk and one partial record; never the whole file.
 *  `chunks` is what n8n's getBinaryStream yields (Buffers), or slices of one Buffer. JSON Lines is decoded with
 *  `options.encoding` too (UTF-8 as the format asks, unless the options say otherwise). Gives the records each
 *  chunk completes, together: a million records are then a thousand awaits, not a million. */
export async function* readRecordsByChunk(
	chunks: AsyncIterable<Uint8Array>,
	format: FileFormat,
	options: CsvOptions,
): AsyncGenerator<FileRecord[]> {
	const decoder = decoderFor(options.encoding);
	const parser: RecordParser =
		format === 'csv' ? new CsvParser(options.delimiter) : new JsonLinesParser();
	for await (const chunk of chunks) {
		const decoded = decoder.decode(chunk);
		parser.push(decoded.text);
		yield* complete(parser, decoded.invalid);
	}
	const last = decoder.end();
	parser.push(last.text);
	if (!last.invalid) parser.end();
	yield* complete(parser, last.invalid);
}

/** The records the parser has complete; when it stops at a broken record, those before it come first. */
function* complete(parser: RecordParser, invalidText: boolean): Generator<FileRecord[]> {
	const records: FileRecord[] = [];
	let broken: { error: unknown } | undefined;
	try {
		for (let record = parser.next(); record; record = parser.next()) records.push(record);
	} catch (error) {
		broken = { error };
	}
	if (records.length > 0) yield records;
	if (broken) throw broken.error;
	if (invalidText) throw invalidTextError(parser);
}

/** The records before the invalid bytes have been read: they are in the record in progress. */
function invalidTextError(parser: RecordParser): FileFormatError {
	const record = parser.recordInProgress();
	return new FileFormatError(
		record,
		`${recordName(record)} is not valid UTF-8 text (if the file was saved in another encoding, such as Windows-1252, choose that encoding)`,
	);
}
