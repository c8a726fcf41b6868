/**
 * The CSV reader against csv-parse, a well-kept parser, as the oracle: generated and fuzzed files must give the
 * same records whatever the chunks they arrive in. csv-parse gets the options that mean what the reader does:
 * columns from the header, short rows allowed (the reader fills the missing cells with ''), blank lines skipped,
 * a BOM dropped, the same delimiter and line ending, and a quote inside an unquoted field kept as text.
 */
import { parse } from 'csv-parse/sync';
import type { CsvOptions } from '../../../nodes/MappConnect/file/records';
import {
	bytesOf,
	csvCell,
	cutAt,
	everySplit,
	pick,
	read,
	seededRandom,
	type Read,
} from './reading';

const DELIMITERS = [',', ';', '\t', '|'];
const LINE_ENDINGS = ['\n', '\r\n', '\r'];
/** Pieces of cell text: letters, space, 2-, 3- and 4-byte UTF-8, quotes, delimiters, line breaks. */
const PIECES = [
	'a',
	'b',
	'Z',
	'7',
	' ',
	'ü',
	'€',
	'😀',
	'"',
	'""',
	',',
	';',
	'\t',
	'|',
	'\r',
	'\n',
	'\r\n',
];

interface Generated {
	text: string;
	delimiter: string;
	lineEnding: string;
	header: string[];
	rows: number;
}

interface Shape {
	maxRows: number;
	/** Exactly this many rows instead of up to maxRows. */
	rows?: number;
	maxColumns: number;
	/** Header names without delimiter characters, for files whose delimiter is detected. */
	plainHeader?: boolean;
	delimiter?: string;
	pieces?: readonly string[];
}

function cellText(random: () => number, pieces: readonly string[]): string {
	const length = Math.floor(random() * 6);
	return Array.from({ length }, () => pick(random, pieces)).join('');
}

/** A CSV file as exporters write it, with the oddities they allow: short rows, blank lines, a BOM. */
function generateCsv(seed: number, shape: Shape): Generated {
	const random = seededRandom(seed);
	const pieces = shape.pieces ?? PIECES;
	const delimiter = shape.delimiter ?? pick(random, DELIMITERS);
	const lineEnding = pick(random, LINE_ENDINGS);
	const columns = (shape.plainHeader ? 2 : 1) + Math.floor(random() * shape.maxColumns);
	const header = Array.from({ length: columns }, (_, i) =>
		shape.plainHeader ? `col ${i}` : `${cellText(random, pieces)}${i}`,
	);
	const line = (cells: string[]) =>
		cells.map((cell) => csvCell(cell, delimiter, random() < 0.3)).join(delimiter);
	const lines = [line(header)];
	const rows = shape.rows ?? Math.floor(random() * (shape.maxRows + 1));
	for (let row = 0; row < rows; row++) {
		if (random() < 0.15) lines.push('');
		const cells = random() < 0.2 ? 1 + Math.floor(random() * columns) : columns;
		lines.push(line(Array.from({ length: cells }, () => cellText(random, pieces))));
	}
	const bom = random() < 0.3 ? '\ufeff' : '';
	const end = random() < 0.7 ? lineEnding : '';
	return { text: bom + lines.join(lineEnding) + end, delimiter, lineEnding, header, rows };
}

/** csv-parse's records, each with every header column ('' where a short row has none). */
function oracle(input: string | Buffer, delimiter: string, lineEnding: string): object[] {
	let header: string[] = [];
	const rows = parse(input, {
		columns: (names: string[]) => (header = names),
		relax_column_count_less: true,
		skip_empty_lines: true,
		bom: true,
		delimiter,
		record_delimiter: lineEnding,
		relax_quotes: true,
	}) as Array<Record<string, string>>;
	return rows.map((row) => Object.fromEntries(header.map((name) => [name, row[name] ?? ''])));
}

/** The reader gave the oracle's records, numbered from 1, with no error; `how` names the chunks in a failure. */
function expectOracle(result: Read, expected: object[], how: string): void {
	expect({
		how,
		error: result.error?.message,
		values: result.records.map((r) => r.values),
	}).toEqual({ how, error: undefined, values: expected });
	expect(result.records.map((r) => r.recordNumber)).toEqual(expected.map((_, i) => i + 1));
}

const seeds = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('the CSV reader against csv-parse', () => {
	it.each(seeds(1, 60))(
		'reads small generated file %i alike, whole, cut in two at every byte, and in one-byte chunks',
		async (seed) => {
			const file = generateCsv(seed, { maxRows: 5, maxColumns: 4 });
			const bytes = bytesOf(file.text);
			const expected = oracle(Buffer.from(bytes), file.delimiter, file.lineEnding);
			const options: CsvOptions = { delimiter: file.delimiter, encoding: 'utf-8' };
			for (const { how, chunks } of everySplit(bytes)) {
				expectOracle(await read(chunks, 'csv', options), expected, how);
			}
		},
	);

	it('generates small files with what the reader must handle', () => {
		const texts = seeds(1, 60).map((seed) => generateCsv(seed, { maxRows: 5, maxColumns: 4 }).text);
		const some = (pattern: RegExp) => texts.some((text) => pattern.test(text));
		for (const pattern of [
			/^\ufeff/,
			/😀/,
			/""/,
			/"[^"]*\r\n[^"]*"/,
			/\n\n/,
			/\r\n\r\n/,
			/\r[^\n]/,
			/\t/,
			/\|/,
			/;/,
		]) {
			expect({ pattern: String(pattern), found: some(pattern) }).toEqual({
				pattern: String(pattern),
				found: true,
			});
		}
	});

	it.each(seeds(1000, 3))(
		'reads a generated file of 2,000 rows (seed %i) alike in chunks of random sizes, as Buffers',
		async (seed) => {
			const file = generateCsv(seed, { maxRows: 2000, rows: 2000, maxColumns: 8 });
			const bytes = Buffer.from(file.text);
			const expected = oracle(bytes, file.delimiter, file.lineEnding);
			expect(expected.length).toBeGreaterThan(1500);
			const random = seededRandom(seed);
			for (let run = 0; run < 3; run++) {
				const offsets: number[] = [];
				for (let at = 0; at < bytes.length; at += 1 + Math.floor(random() * 2 ** (4 + run * 4))) {
					offsets.push(at);
				}
				const chunks = cutAt(bytes, offsets).map((chunk) => Buffer.from(chunk));
				const options: CsvOptions = { delimiter: file.delimiter, encoding: 'utf-8' };
				expectOracle(await read(chunks, 'csv', options), expected, `run ${run}`);
			}
		},
	);

	it.each([';', '\t', '|', ','])(
		"detects the delimiter %p from the header line ('auto') and reads as with it given",
		async (delimiter) => {
			for (const seed of seeds(200, 6)) {
				const file = generateCsv(seed, { maxRows: 6, maxColumns: 4, plainHeader: true, delimiter });
				const bytes = bytesOf(file.text);
				const expected = oracle(Buffer.from(bytes), delimiter, file.lineEnding);
				for (const { how, chunks } of everySplit(bytes)) {
					const result = await read(chunks, 'csv', { delimiter: 'auto', encoding: 'utf-8' });
					expectOracle(result, expected, `seed ${seed}, ${how}`);
				}
			}
		},
	);

	it('detects the delimiter from the header line even when a header name in quotes holds another', async () => {
		const text = 'email;"name, full";city\r\na@example.com;"Doe, Jane";Köln\r\n';
		const result = await read([bytesOf(text)], 'csv', { delimiter: 'auto', encoding: 'utf-8' });
		expect(result.records.map((r) => r.values)).toEqual(oracle(text, ';', '\r\n'));
		expect(result.records[0].values).toEqual({
			email: 'a@example.com',
			'name, full': 'Doe, Jane',
			city: 'Köln',
		});
	});

	describe('Windows-1252 and Latin-1, as Excel saves a CSV', () => {
		// Every byte from 0x20 to 0xFF but the quote, with the line breaks and delimiters among them.
		const codes = Array.from({ length: 224 }, (_, i) => 0x20 + i).filter((byte) => byte !== 0x22);
		const encodings = ['windows-1252', 'latin1'] as const;

		it.each(encodings)(
			'decodes every byte of %s as the platform decoder does',
			async (encoding) => {
				const decodedBy = (byte: number) =>
					encoding === 'latin1'
						? String.fromCharCode(byte)
						: platformWindows1252(Uint8Array.of(byte));
				const bytes = Uint8Array.from([0x76, 0x0a, ...codes.flatMap((byte) => [byte, 0x0a])]);
				const result = await read([bytes], 'csv', { delimiter: '\t', encoding });
				expect(result.records.map((r) => r.values.v)).toEqual(codes.map(decodedBy));
			},
		);

		it('reads what Excel saves as CSV in a German locale: semicolons, CRLF, Windows-1252', async () => {
			const bytes = Uint8Array.from([
				...bytesOf('name;price;note\r\nM'),
				0xfc,
				...bytesOf('ller;'),
				0x80,
				...bytesOf(' 5;"says ""hi"";\r\nbye"\r\n'),
			]);
			const result = await read([bytes], 'csv', { delimiter: 'auto', encoding: 'windows-1252' });
			expect(result).toEqual({
				records: [
					{ recordNumber: 1, values: { name: 'Müller', price: '€ 5', note: 'says "hi";\r\nbye' } },
				],
			});
		});

		it.each(seeds(300, 20))(
			'reads generated Windows-1252 file %i alike (€ is 0x80, ü 0xFC), split at every byte',
			async (seed) => {
				const pieces = [
					'a',
					' ',
					'"',
					',',
					';',
					'\n',
					'\r\n',
					'€',
					'ü',
					'Ä',
					'ß',
					'…',
					'—',
					'™',
					'ÿ',
				];
				const file = generateCsv(seed, { maxRows: 5, maxColumns: 4, pieces });
				const bytes = windows1252(file.text.replace(/^\ufeff/, ''));
				const expected = oracle(platformWindows1252(bytes), file.delimiter, file.lineEnding);
				for (const { how, chunks } of everySplit(bytes)) {
					const result = await read(chunks, 'csv', {
						delimiter: file.delimiter,
						encoding: 'windows-1252',
					});
					expectOracle(result, expected, how);
				}
			},
		);
	});
});

/**
 * The bytes decoded by the platform's Windows-1252 decoder, in its streaming mode: Node 20.18.3 to 20.20 and 22.13
 * on decode a single call as Latin-1, 0x80 as U+0080 instead of €
 * ([nodejs/node#60888](https://github.com/nodejs/node/issues/60888)); the streaming mode goes through ICU.
 */
function platformWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes, { stream: true });
}

it('decodes Windows-1252 in the tests as the WHATWG encoding standard does (€ ’ Ÿ)', () => {
	expect(platformWindows1252(Uint8Array.of(0x80, 0x92, 0x9f, 0xfc))).toBe('€’Ÿü');
});

/** The text in Windows-1252, through the platform decoder's table read backwards (the test has no encoder). */
function windows1252(text: string): Uint8Array {
	const byteOf = new Map(
		Array.from({ length: 256 }, (_, byte) => [platformWindows1252(Uint8Array.of(byte)), byte]),
	);
	return Uint8Array.from([...text], (char) => {
		const byte = byteOf.get(char);
		if (byte === undefined) throw new Error(`${char} has no Windows-1252 byte`);
		return byte;
	});
}
