/**
 * An input item's file as chunks of bytes, through n8n's binary helpers only. Binary data with an
 * id (n8n's `filesystem` and `s3` modes) is streamed: one chunk at a time is in memory. Without
 * one (the `default` mode keeps the file in the item as base64; `database` mode too, up to its
 * size limit) n8n hands over the whole file as one buffer, which is then read in slices: the file
 * is in memory once, the records are not.
 */
import type { IBinaryData } from 'n8n-workflow';
import type { BinaryHelpers } from '../delivery/run';

/** The bytes read at a time: the default chunk of a file stream. */
export const CHUNK_BYTES = 64 * 1024;

export interface InputFile {
	/** The file's name as n8n keeps it, for the summary and the progress log. */
	name: string;
	/** Whether the file is streamed from n8n's binary data store. */
	streamed: boolean;
	/** The file's bytes, read only as they are asked for. */
	chunks: AsyncIterable<Uint8Array>;
}

/** The file in the item's binary field `property`; n8n's error names the item and the field when there is none. */
export function inputFile(helpers: BinaryHelpers, itemIndex: number, property: string): InputFile {
	const binary: IBinaryData = helpers.assertBinaryData(itemIndex, property);
	const { id } = binary;
	return {
		name: binary.fileName ?? property,
		streamed: id !== undefined,
		chunks:
			id === undefined
				? slices(async () => await helpers.getBinaryDataBuffer(itemIndex, property))
				: streamed(async () => await helpers.getBinaryStream(id, CHUNK_BYTES)),
	};
}

async function* streamed(
	open: () => Promise<AsyncIterable<Uint8Array>>,
): AsyncGenerator<Uint8Array> {
	// Leaving this loop early (the run stopped) closes the stream, and with it the file.
	for await (const chunk of await open()) yield chunk;
}

async function* slices(read: () => Promise<Uint8Array>): AsyncGenerator<Uint8Array> {
	const buffer = await read();
	for (let at = 0; at < buffer.length; at += CHUNK_BYTES) {
		yield buffer.subarray(at, at + CHUNK_BYTES);
	}
}
