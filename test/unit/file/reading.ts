/** What the file reader's tests share: feeding bytes in given chunks, a seeded random source, a CSV writer. */
import {
	FileFormatError,
	readRecordsByChunk,
	type CsvOptions,
	type FileFormat,
	type FileRecord,
} from '../../../nodes/MappConnect/file/records';
import { seededRandom } from '../../../tooling/sandbox/faults';

export { seededRandom };

export const UTF8: CsvOptions = { delimiter: ',', encoding: 'utf-8' };

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What a read gives: the records before it stopped, and the error it stopped with, if any. */
export interface Read {
	records: FileRecord[];
	error?: FileFormatError;
}

/** The bytes cut at these offsets (ascending), each piece a chunk. */
export function cutAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
	const bounds = [0, ...offsets, bytes.length];
	return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

export function cutInto(bytes: Uint8Array, size: number): Uint8Array[] {
	const offsets: number[] = [];
	for (let at = size; at < bytes.length; at += size) offsets.push(at);
	return cutAt(bytes, offsets);
}

export async function read(
	chunks: Uint8Array[],
	format: FileFormat = 'csv',
	options: CsvOptions = UTF8,
): Promise<Read> {
	async function* source() {
		yield* chunks;
	}
	const records: FileRecord[] = [];
	try {
		for await (const chunkRecords of readRecordsByChunk(source(), format, options))
			records.push(...chunkRecords);
	} catch (error) {
		if (!(error instanceof FileFormatError)) throw error;
		return { records, error };
	}
	return { records };
}

/** The same read for the bytes whole, cut in two at every offset, and in one-byte chunks. */
export function everySplit(bytes: Uint8Array): Array<{ how: string; chunks: Uint8Array[] }> {
	const splits = [{ how: 'whole', chunks: [bytes] }];
	for (let at = 0; at <= bytes.length; at++) {
		splits.push({ how: `cut at byte ${at}`, chunks: cutAt(bytes, [at]) });
	}
	splits.push({ how: 'one-byte chunks', chunks: cutInto(bytes, 1) });
	return splits;
}

export const pick = <T>(random: () => number, from: readonly T[]): T =>
	from[Math.floor(random() * from.length)];

/**
 * A cell as a CSV writer puts it: quoted when it must be (it starts with a quote, or holds a line break or the
 * delimiter) or when `quote` asks, quotes doubled inside quotes. A quote inside an unquoted cell is text.
 */
export function csvCell(value: string, delimiter: string, quote = false): string {
	const mustQuote = value.startsWith('"') || /[\r\n]/.test(value) || value.includes(delimiter);
	return mustQuote || quote ? `"${value.replace(/"/g, '""')}"` : value;
}
