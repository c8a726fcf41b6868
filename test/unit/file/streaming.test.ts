/** The reader holds one chunk and one partial record: it reads no chunk before it needs it, and a record may be
 *  longer than many chunks. */
import { readRecordsByChunk } from '../../../nodes/MappConnect/file/records';
import { bytesOf, cutInto, read, UTF8 } from './reading';

describe('reading a file as it arrives', () => {
	it.each(['csv', 'jsonl'] as const)(
		'gives each %s record as soon as its chunk has come, before the next chunk is read',
		async (format) => {
			const lines = Array.from({ length: 50 }, (_, i) =>
				format === 'csv'
					? `user${i}@example.com,"Name ${i}"\r\n`
					: `{"email":"user${i}@example.com"}\n`,
			);
			if (format === 'csv') lines.unshift('email,name\r\n');
			let chunksRead = 0;
			async function* source() {
				for (const line of lines) {
					chunksRead++;
					yield bytesOf(line);
				}
			}
			const seen: Array<{ record: number; chunksRead: number }> = [];
			for await (const records of readRecordsByChunk(source(), format, UTF8)) {
				for (const record of records) seen.push({ record: record.recordNumber, chunksRead });
			}
			const headerChunks = format === 'csv' ? 1 : 0;
			expect(seen).toEqual(
				Array.from({ length: 50 }, (_, i) => ({ record: i + 1, chunksRead: i + 1 + headerChunks })),
			);
		},
	);

	it('gives the records a chunk completes together, and those before a broken record before its error', async () => {
		async function* source() {
			yield bytesOf('email,name\r\na@example.com,A\r\nb@example.com,B\r\nc@exa');
			yield bytesOf('mple.com,C\r\nd@example.com,D\r\ne@example.com,"E" x\r\nf@example.com,F\r\n');
		}
		const chunks: number[][] = [];
		const reading = (async () => {
			for await (const records of readRecordsByChunk(source(), 'csv', UTF8))
				chunks.push(records.map((record) => record.recordNumber));
		})();
		await expect(reading).rejects.toThrow(/^Record 5, column 'name', has/);
		expect(chunks).toEqual([
			[1, 2],
			[3, 4],
		]);
	});

	it('reads a quoted field of 1 MB with line breaks and quotes, arriving in chunks of 1 KiB', async () => {
		const note = 'Zeile "eins", ü €\r\n'.repeat(50_000);
		const text = `id,note,after\n1,"${note.replace(/"/g, '""')}",x\n2,short,y\n`;
		const result = await read(cutInto(bytesOf(text), 1024));
		expect(result.records.map((r) => r.values)).toEqual([
			{ id: '1', note, after: 'x' },
			{ id: '2', note: 'short', after: 'y' },
		]);
	});

	it('reads an unquoted field and a JSON line of 1 MB, arriving in chunks of 1 KiB', async () => {
		const long = 'x'.repeat(1_000_000);
		const csv = await read(cutInto(bytesOf(`a,b\n${long},1\n2,${long}`), 1024));
		expect(csv.records.map((r) => r.values)).toEqual([
			{ a: long, b: '1' },
			{ a: '2', b: long },
		]);
		const jsonl = await read(cutInto(bytesOf(`{"a":"${long}"}\n{"b":1}`), 1024), 'jsonl');
		expect(jsonl.records.map((r) => r.values)).toEqual([{ a: long }, { b: 1 }]);
	});

	it.each([
		[
			'csv',
			'a,b\n1,2\n3,"a quote never closed ',
			/^Record 2 is longer than 10,000,000 characters \(is a quote not closed\?\)$/,
		],
		['jsonl', '{"a":1}\n{"a":"', /^Record 2 is longer than 10,000,000 characters$/],
	] as const)(
		'stops a %s record longer than 10,000,000 characters before reading the rest of the file',
		async (format, start, message) => {
			const filler = bytesOf('x'.repeat(64 * 1024));
			let chunksRead = 0;
			async function* source() {
				yield bytesOf(start);
				for (; chunksRead < 1000; chunksRead++) yield filler;
			}
			const records: number[] = [];
			const reading = (async () => {
				for await (const chunkRecords of readRecordsByChunk(source(), format, UTF8))
					records.push(...chunkRecords.map((record) => record.recordNumber));
			})();
			await expect(reading).rejects.toThrow(message);
			expect(records).toEqual([1]);
			// Within a chunk or two of the limit, of the 1,000 chunks (65 MB) the file has.
			expect(Math.abs(chunksRead * filler.length - 10_000_000)).toBeLessThan(2 * filler.length);
		},
	);

	it('gives no record for an empty file, a header alone, or blank lines', async () => {
		for (const text of ['', 'email,name', 'email,name\r\n', '\n\nemail\n\n\r\n']) {
			expect(await read([bytesOf(text)])).toEqual({ records: [] });
		}
	});

	it('gives the record whose line has no line break at the end of the file', async () => {
		expect(await read([bytesOf('email\r\na@example.com')])).toEqual({
			records: [{ recordNumber: 1, values: { email: 'a@example.com' } }],
		});
	});
});
