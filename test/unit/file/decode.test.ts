/**
 * UTF-8 as the reader checks it, against the platform's decoder: the first invalid byte is where the platform's
 * lenient decoder puts its first replacement character, whatever the chunks the bytes arrive in.
 */
import { firstInvalidUtf8 } from '../../../nodes/MappConnect/file/decode';
import { cutAt, pick, read, seededRandom } from './reading';

/** Bytes around the edges of UTF-8's rules: leads of 2, 3 and 4 bytes, their limits, continuations, never-bytes.
 *  0xBD is left out, so that no valid U+FFFD (EF BF BD) can be mistaken for a replacement. */
const POOL = [
	0x61, 0x0a, 0x0d, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe2, 0xed,
	0xef, 0xf0, 0xf4, 0xf5, 0xff,
];

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function randomBytes(random: () => number, length: number): Uint8Array {
	return Uint8Array.from({ length }, () => pick(random, POOL));
}

describe('UTF-8 checking', () => {
	it('finds the first invalid byte where the platform decoder puts its first replacement character', () => {
		const random = seededRandom(7);
		for (let run = 0; run < 2000; run++) {
			const bytes = randomBytes(random, Math.floor(random() * 10));
			const invalidAt = firstInvalidUtf8(bytes);
			const valid = strict.decode(bytes.subarray(0, invalidAt));
			const lenientText = lenient.decode(bytes);
			expect({ bytes: [...bytes], valid: invalidAt === bytes.length }).toEqual({
				bytes: [...bytes],
				valid: !lenientText.includes('\ufffd'),
			});
			if (invalidAt < bytes.length) expect(lenientText.startsWith(`${valid}\ufffd`)).toBe(true);
		}
	});

	it('reads random bytes in random chunks as the platform decodes them, or stops at the record of the first invalid byte', async () => {
		const random = seededRandom(11);
		for (let run = 0; run < 800; run++) {
			const bytes = Uint8Array.from([
				0x68,
				0x0a,
				...randomBytes(random, Math.floor(random() * 24)),
			]);
			const text = lenient.decode(bytes);
			const invalid = text.indexOf('\ufffd');
			const lines = (invalid === -1 ? text : text.slice(0, invalid)).split(/\r\n|\n|\r/);
			const inProgress = lines.pop() as string;
			const complete = lines.slice(1).filter((line) => line !== '');
			const offsets = [
				...new Set(Array.from({ length: 3 }, () => Math.floor(random() * bytes.length))),
			];
			const result = await read(
				cutAt(
					bytes,
					offsets.sort((a, b) => a - b),
				),
			);
			const expected =
				invalid === -1
					? { values: [...complete, ...(inProgress ? [inProgress] : [])], error: undefined }
					: { values: complete, error: complete.length + 1 };
			expect({
				bytes: [...bytes],
				values: result.records.map((record) => record.values.h),
				error: result.error?.recordNumber,
			}).toEqual({ bytes: [...bytes], ...expected });
		}
	});
});
