/** JSON Lines: one object per line, records numbered without the blank lines, whatever the chunks. */
import { bytesOf, everySplit, read, UTF8 } from './reading';

const FILE =
	'\ufeff{"email":"a@example.com","attributes":{"city":"Köln"}}\r\n' +
	'\r\n' +
	'   \n' +
	'{"email":"b@example.com","tags":["x","y"],"score":7,"vip":true,"note":"line\\nbreak 😀"}\n' +
	'\n' +
	'{"email":"c@example.com"}';

describe('a JSON Lines file', () => {
	it('gives each non-blank line as a record numbered from 1, whole, cut at every byte, in one-byte chunks', async () => {
		for (const { how, chunks } of everySplit(bytesOf(FILE))) {
			expect({ how, ...(await read(chunks, 'jsonl')) }).toEqual({
				how,
				records: [
					{ recordNumber: 1, values: { email: 'a@example.com', attributes: { city: 'Köln' } } },
					{
						recordNumber: 2,
						values: {
							email: 'b@example.com',
							tags: ['x', 'y'],
							score: 7,
							vip: true,
							note: 'line\nbreak 😀',
						},
					},
					{ recordNumber: 3, values: { email: 'c@example.com' } },
				],
			});
		}
	});

	it.each([
		['an array', '[1,2]', /^Record 2 is an array, not a JSON object: "\[1,2\]"$/],
		['null', 'null', /^Record 2 is null, not a JSON object: "null"$/],
		['a number', '42', /^Record 2 is a number, not a JSON object: "42"$/],
		['a string', '"a@example.com"', /^Record 2 is a string, not a JSON object/],
		[
			'not JSON',
			"{email: 'a@example.com'}",
			/^Record 2 is not valid JSON: "\{email: 'a@example.com'\}"$/,
		],
		['cut off JSON', '{"email":"a@exam', /^Record 2 is not valid JSON: "\{\\"email\\":\\"a@exam"$/],
	])('stops at a line that is %s, naming its record', async (_, line, message) => {
		const text = `{"n":1}\n\n${line}\r\n{"n":3}\n`;
		for (const { how, chunks } of everySplit(bytesOf(text))) {
			const result = await read(chunks, 'jsonl');
			expect({ how, records: result.records.length, record: result.error?.recordNumber }).toEqual({
				how,
				records: 1,
				record: 2,
			});
			expect(result.error?.message).toMatch(message);
		}
	});

	it('quotes only the start of a long broken line in the error', async () => {
		const line = `{"email": "a@example.com", "note": "${'x'.repeat(10_000)}"`;
		const result = await read([bytesOf(`${line}\n`)], 'jsonl');
		expect(result.error?.recordNumber).toBe(1);
		expect(result.error?.message).toBe(
			'Record 1 is not valid JSON: "{\\"email\\": \\"a@example.com\\", \\"note\\": \\"xxxx…"',
		);
	});

	it('stops at a line that is not UTF-8, naming its record', async () => {
		const bytes = Uint8Array.from([...bytesOf('{"a":1}\n{"a":"'), 0xfc, ...bytesOf('"}\n')]);
		for (const { how, chunks } of everySplit(bytes)) {
			const result = await read(chunks, 'jsonl', UTF8);
			expect({ how, records: result.records.length, record: result.error?.recordNumber }).toEqual({
				how,
				records: 1,
				record: 2,
			});
			expect(result.error?.message).toMatch(/^Record 2 is not valid UTF-8 text/);
		}
	});

	it('gives nothing for an empty file or one of blank lines', async () => {
		expect(await read([], 'jsonl')).toEqual({ records: [] });
		expect(await read([bytesOf('\n\r\n  \n')], 'jsonl')).toEqual({ records: [] });
	});
});
