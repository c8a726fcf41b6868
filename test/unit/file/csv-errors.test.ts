/**
 * A broken CSV file stops the reading with an error naming the record (the data record: the header is 0, blank
 * lines are not counted, a quoted field may span lines), after every record before it, whatever the chunks.
 */
import { bytesOf, everySplit, read, UTF8 } from './reading';

interface BrokenFile {
	name: string;
	bytes: Uint8Array;
	/** The records read before the error. */
	before: number;
	record: number;
	message: RegExp;
	column?: string;
	delimiter?: string;
}

const utf8 = (text: string) => bytesOf(text);
const withBytes = (before: string, bytes: number[], after = '') =>
	Uint8Array.from([...utf8(before), ...bytes, ...utf8(after)]);

const BROKEN: BrokenFile[] = [
	{
		name: 'a record with more cells than the header',
		bytes: utf8('email,name\na@example.com,Ann\nb@example.com,Bob,extra\nc@example.com,Cy\n'),
		before: 1,
		record: 2,
		message: /^Record 2 has more cells than the 2 columns of the header$/,
	},
	{
		name: 'more cells after blank lines and a quoted field over three lines',
		bytes: utf8('a,b\r\n\r\n"x\r\ny\r\nz",1\r\n\r\n\r\n2,"3"\r\n4,5,6\r\n'),
		before: 2,
		record: 3,
		message: /^Record 3 has more cells/,
	},
	{
		name: 'a quote not closed before the end of the file',
		bytes: utf8('a,b\n1,2\n3,"never closed\n4,5\n'),
		before: 1,
		record: 2,
		message: /^Record 2, column 'b', opens a quote that is not closed before the end of the file$/,
		column: 'b',
	},
	{
		name: 'text after a closing quote',
		bytes: utf8('a,b\n1,2\n"say "hi" now",3\n'),
		before: 1,
		record: 2,
		message:
			/^Record 2, column 'a', has "h" after the quote that closes the field "say " \(a quote inside a quoted field is written as two quotes\)$/,
		column: 'a',
	},
	{
		name: 'a header with an empty name',
		bytes: utf8('email,,city\na,b,c\n'),
		before: 0,
		record: 0,
		message: /^The header has no name for column 2$/,
	},
	{
		name: 'a header with a name of spaces only',
		bytes: utf8('email,  \na,b\n'),
		before: 0,
		record: 0,
		message: /^The header has no name for column 2$/,
	},
	{
		name: 'a header ending with a delimiter',
		bytes: utf8('email;city;\r\na;b;\r\n'),
		delimiter: ';',
		before: 0,
		record: 0,
		message: /^The header has no name for column 3$/,
	},
	{
		name: 'a header with a name twice',
		bytes: utf8('email,city,email\na,b,c\n'),
		before: 0,
		record: 0,
		message: /^The header has the name "email" twice \(columns 1 and 3\)$/,
		column: 'email',
	},
	{
		name: 'a quote in the header not closed',
		bytes: utf8('email,"city\na,b\n'),
		before: 0,
		record: 0,
		message: /^The header opens a quote that is not closed before the end of the file$/,
	},
	{
		name: 'a byte that is not UTF-8 in a record (Windows-1252 ü read as UTF-8)',
		bytes: withBytes('name,city\nAnn,Berlin\n\nBob,M', [0xfc], 'nchen\nCy,Köln\n'),
		before: 1,
		record: 2,
		message:
			/^Record 2 is not valid UTF-8 text \(if the file was saved in another encoding, such as Windows-1252, choose that encoding\)$/,
	},
	{
		name: 'invalid UTF-8 right after a record ends',
		bytes: withBytes('name\nAnn\n', [0x80], 'Bob\n'),
		before: 1,
		record: 2,
		message: /^Record 2 is not valid UTF-8/,
	},
	{
		name: 'invalid UTF-8 in a quoted field over two lines',
		bytes: withBytes('name,note\nAnn,"line one\nline ', [0xc3, 0x28], '"\n'),
		before: 0,
		record: 1,
		message: /^Record 1 is not valid UTF-8/,
	},
	{
		name: 'an encoded surrogate (not UTF-8)',
		bytes: withBytes('name\nAnn\nBob', [0xed, 0xa0, 0x80], '\n'),
		before: 1,
		record: 2,
		message: /^Record 2 is not valid UTF-8/,
	},
	{
		name: 'an overlong encoding of "/"',
		bytes: withBytes('name\nAnn\nBob', [0xc0, 0xaf], '\n'),
		before: 1,
		record: 2,
		message: /^Record 2 is not valid UTF-8/,
	},
	{
		name: 'a character cut off by the end of the file',
		bytes: withBytes('name\nAnn\nBob ', [0xe2, 0x82]),
		before: 1,
		record: 2,
		message: /^Record 2 is not valid UTF-8/,
	},
	{
		name: 'a character cut off by the next character',
		bytes: withBytes('name\nAnn\nBob ', [0xf0, 0x9f, 0x98], 'x\n'),
		before: 1,
		record: 2,
		message: /^Record 2 is not valid UTF-8/,
	},
	{
		name: 'invalid UTF-8 in the header',
		bytes: withBytes('na', [0xff], 'me\nAnn\n'),
		before: 0,
		record: 0,
		message: /^The header is not valid UTF-8/,
	},
];

describe('a broken CSV file', () => {
	it.each(BROKEN)(
		'$name: the error names record $record, whole, cut at every byte, in one-byte chunks',
		async ({ bytes, before, record, message, column, delimiter }) => {
			for (const { how, chunks } of everySplit(bytes)) {
				const result = await read(chunks, 'csv', { ...UTF8, delimiter: delimiter ?? ',' });
				expect({
					how,
					records: result.records.map((r) => r.recordNumber),
					record: result.error?.recordNumber,
					column: result.error?.column,
				}).toEqual({
					how,
					records: Array.from({ length: before }, (_, i) => i + 1),
					record,
					column,
				});
				expect(result.error?.message).toMatch(message);
			}
		},
	);

	it('names the record, not the line: a record after multi-line fields and blank lines', async () => {
		const text = 'id,note\n1,"a\nb"\n\n\n2,"c\r\nd\re"\n3,x,y\n';
		const result = await read([bytesOf(text)]);
		expect(result.records.map((r) => r.values)).toEqual([
			{ id: '1', note: 'a\nb' },
			{ id: '2', note: 'c\r\nd\re' },
		]);
		expect(result.error?.recordNumber).toBe(3);
	});

	it('reads a short row as Excel writes it: the missing cells are empty, not an error', async () => {
		const result = await read([bytesOf('email,first,last\na@example.com\nb@example.com,Bo\n')]);
		expect(result).toEqual({
			records: [
				{ recordNumber: 1, values: { email: 'a@example.com', first: '', last: '' } },
				{ recordNumber: 2, values: { email: 'b@example.com', first: 'Bo', last: '' } },
			],
		});
	});

	it('reads columns named __proto__ or constructor as any other column', async () => {
		const result = await read([bytesOf('email,__proto__,constructor\na@example.com,x,y\n')]);
		const values = result.records[0].values;
		expect(Object.keys(values)).toEqual(['email', '__proto__', 'constructor']);
		expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('x');
		expect(values.constructor).toBe('y');
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
	});

	it('refuses a delimiter that cannot be one', async () => {
		for (const delimiter of ['"', '\n', ';;', '']) {
			await expect(read([bytesOf('a\n1\n')], 'csv', { ...UTF8, delimiter })).rejects.toThrow(
				'The delimiter must be one character other than a quote or line break',
			);
		}
	});
});
