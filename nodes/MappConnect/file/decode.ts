/**
 * Bytes to text, one chunk at a time: UTF-8 (a character split across two chunks is joined, invalid bytes are
 * reported where they start), Windows-1252 and Latin-1 (every byte is a character).
 */

/** 'utf-8' (a BOM is dropped; invalid bytes are an error), 'windows-1252', 'latin1' (both: any byte valid). */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'latin1';

/** The text of a chunk; `invalid` when the bytes after that text are not valid UTF-8 (reading must stop there). */
export interface DecodedText {
	text: string;
	invalid: boolean;
}

export interface ChunkDecoder {
	decode(chunk: Uint8Array): DecodedText;
	/** The end of the file: bytes still waiting for the rest of their character are invalid. */
	end(): DecodedText;
}

export function decoderFor(encoding: TextEncodingName): ChunkDecoder {
	switch (encoding) {
		case 'utf-8':
			return new Utf8Decoder();
		case 'windows-1252':
			return new SingleByteDecoder(WINDOWS_1252);
		case 'latin1':
			return new SingleByteDecoder(LATIN_1);
		default:
			throw new RangeError(`Unknown encoding '${encoding as string}'`);
	}
}

/**
 * A byte order mark at the start of the file is dropped; anywhere else it is text. Each chunk is decoded whole
 * (not in the decoder's streaming mode), so that the bytes a chunk ends with before its last character is complete
 * are known here and can be carried to the next chunk, and an invalid byte can be located.
 */
class Utf8Decoder implements ChunkDecoder {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	private carried: Uint8Array = new Uint8Array(0);
	private atStart = true;

	decode(chunk: Uint8Array): DecodedText {
		const bytes = this.carried.length === 0 ? chunk : joined(this.carried, chunk);
		const complete = bytes.length - incompleteTailLength(bytes);
		// A copy: a Buffer's slice() would share the chunk's memory, which its producer may reuse.
		this.carried = Uint8Array.from(bytes.subarray(complete));
		return this.text(bytes.subarray(0, complete));
	}

	end(): DecodedText {
		const invalid = this.carried.length > 0;
		this.carried = new Uint8Array(0);
		return { text: '', invalid };
	}

	private text(bytes: Uint8Array): DecodedText {
		let decoded: DecodedText;
		try {
			decoded = { text: this.decoder.decode(bytes), invalid: false };
		} catch {
			const valid = bytes.subarray(0, firstInvalidUtf8(bytes));
			decoded = { text: this.decoder.decode(valid), invalid: true };
		}
		if (this.atStart && decoded.text.length > 0) {
			this.atStart = false;
			if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1);
		}
		return decoded;
	}
}

function joined(first: Uint8Array, second: Uint8Array): Uint8Array {
	const bytes = new Uint8Array(first.length + second.length);
	bytes.set(first);
	bytes.set(second, first.length);
	return bytes;
}

/** How many bytes a sequence starting with this lead byte has (1 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
	if (lead >= 0xf0) return 4;
	if (lead >= 0xe0) return 3;
	if (lead >= 0xc0) return 2;
	return 1;
}

/** The bytes at the end that start a character whose remaining bytes are still to come. */
function incompleteTailLength(bytes: Uint8Array): number {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const byte = bytes[bytes.length - back];
		if (byte < 0x80) return 0;
		if (byte >= 0xc0) return sequenceLength(byte) > back ? back : 0;
	}
	return 0;
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode's table of well-formed
 * byte sequences, as the fatal decoder checks them), or the length when there is none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let at = 0;
	while (at < bytes.length) {
		const lead = bytes[at];
		if (lead < 0x80) {
			at++;
			continue;
		}
		const length = lead >= 0xc2 && lead <= 0xf4 ? sequenceLength(lead) : 0;
		if (length === 0 || at + length > bytes.length) return at;
		const second = bytes[at + 1];
		const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
		const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
		if (second < low || second > high) return at;
		for (let next = 2; next < length; next++) {
			if ((bytes[at + next] & 0xc0) !== 0x80) return at;
		}
		at += length;
	}
	return bytes.length;
}

/** Maps each byte through a table of 256 UTF-16 code units, which the platform's UTF-16 decoder makes a string. */
class SingleByteDecoder implements ChunkDecoder {
	private readonly utf16 = new TextDecoder('utf-16le');

	constructor(private readonly table: Uint16Array) {}

	decode(chunk: Uint8Array): DecodedText {
		const codes = new Uint16Array(chunk.length);
		for (let i = 0; i < chunk.length; i++) codes[i] = this.table[chunk[i]];
		return { text: this.utf16.decode(codes), invalid: false };
	}

	end(): DecodedText {
		return { text: '', invalid: false };
	}
}

/** ISO-8859-1: each byte is the code point of the same number (as n8n's own file nodes decode 'latin1'). */
const LATIN_1 = Uint16Array.from({ length: 256 }, (_, byte) => byte);

/**
 * Windows-1252, what Excel writes as "ANSI" in western locales: Latin-1 but for 0x80 to 0x9F, which hold € ‚ ƒ „ …
 * and others; the five bytes it leaves unassigned stay the control characters of the same number, as the WHATWG
 * encoding standard decodes them. A table of its own, because TextDecoder('windows-1252') decodes as Latin-1 on
 * Node 20.18.3 and later 20.x and 22.13 and later 22.x (nodejs/node#60888), 0x80 as U+0080 instead of €.
 */
const WINDOWS_1252 = Uint16Array.from(LATIN_1);
[
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].forEach((code, offset) => (WINDOWS_1252[0x80 + offset] = code));
