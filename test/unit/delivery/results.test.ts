import { NodeApiError } from 'n8n-workflow';
import type { ChunkOutcome } from '../../../nodes/MappConnect/delivery/engine';
import type { SentChunk } from '../../../nodes/MappConnect/delivery/results';
import {
	chunkFailureMessage,
	deliveryReport,
	formatItemRanges,
	perChunkItems,
	perEventItems,
} from '../../../nodes/MappConnect/delivery/results';

function sentChunk(
	chunkIndex: number,
	itemIndexes: number[],
	outcome: Partial<ChunkOutcome> = {},
): SentChunk {
	return {
		events: itemIndexes.map((itemIndex) => ({
			itemIndex,
			value: { email: `u${itemIndex}@example.com` },
		})),
		outcome: { chunkIndex, success: true, attempts: 1, statusCode: 200, ...outcome },
	};
}

const node = {
	id: '1',
	name: 'Mapp Connect',
	type: 'mappConnect',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};
const chunkError = ({ outcome }: SentChunk) =>
	new NodeApiError(node, { message: outcome.reason ?? '' });

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('formatItemRanges', () => {
	it.each([
		[[], ''],
		[[4], '4'],
		[[0, 1, 2, 5, 7, 8], '0-2, 5, 7-8'],
	])('writes %p as "%s"', (indexes, text) => {
		expect(formatItemRanges(indexes)).toBe(text);
	});
});

describe('perEventItems', () => {
	it('gives every sent item its result, paired, with chunk number and attempts', () => {
		const failed = { success: false, attempts: 4, statusCode: 503, reason: 'HTTP 503' };
		const items = perEventItems(
			[sentChunk(0, [0, 1]), sentChunk(1, [3], failed)],
			'user',
			chunkError,
		);
		expect(items.map(([index]) => index)).toEqual([0, 1, 3]);
		expect(items[1][1]).toEqual({
			json: {
				success: true,
				statusCode: 200,
				subtype: 'user',
				chunk: 1,
				attempts: 1,
				event: { email: 'u1@example.com' },
			},
			pairedItem: { item: 1 },
		});
		expect(items[1][1].error).toBeUndefined();
	});

	it('makes the items of a failed chunk n8n error items, paired, saying why', () => {
		const failed = { success: false, attempts: 4, statusCode: 503, reason: 'HTTP 503' };
		const [[, item]] = perEventItems([sentChunk(1, [3], failed)], 'user', chunkError);
		expect(item.error).toBeInstanceOf(NodeApiError);
		expect(item).toMatchObject({ json: { error: 'HTTP 503' }, pairedItem: { item: 3 } });
	});
});

describe('perChunkItems', () => {
	it('summarises each chunk, paired to all its items', () => {
		const [[firstItem, summary]] = perChunkItems(
			[sentChunk(2, [10, 11, 13], { attempts: 2 })],
			chunkError,
		);
		expect(firstItem).toBe(10);
		expect(summary).toEqual({
			json: {
				chunk: 3,
				firstItem: 10,
				lastItem: 13,
				count: 3,
				success: true,
				statusCode: 200,
				attempts: 2,
			},
			pairedItem: [{ item: 10 }, { item: 11 }, { item: 13 }],
		});
	});
});

describe('deliveryReport', () => {
	it('says which items were delivered and which not, and why', () => {
		const report = deliveryReport([
			sentChunk(0, range(0, 999)),
			sentChunk(1, range(1000, 1999), {
				success: false,
				statusCode: 400,
				reason: 'HTTP 400: Bad event',
			}),
			sentChunk(2, range(2000, 2499), { attempts: 2 }),
		]);
		expect(report.summary).toBe('Batch 2 of 3 failed: items 1000-1999 were not delivered');
		expect(report.details).toBe(
			[
				'Delivered (accepted by Mapp): items 0-999, 2000-2499.',
				'Not delivered: items 1000-1999.',
				'Batch 2 (items 1000-1999): HTTP 400: Bad event after 1 attempt.',
			].join('\n'),
		);
	});

	it('counts several failed batches', () => {
		const down = { success: false, statusCode: 503, attempts: 4, reason: 'HTTP 503' };
		const report = deliveryReport([sentChunk(0, [0], down), sentChunk(1, [1], down)]);
		expect(report.summary).toBe('2 of 2 batches failed: items 0-1 were not delivered');
		expect(report.details).toContain('Delivered (accepted by Mapp): none.');
		expect(report.details).toContain('Batch 2 (items 1): HTTP 503 after 4 attempts.');
	});

	it('says why a chunk was not delivered', () => {
		const failed = sentChunk(1, range(1000, 1999), {
			success: false,
			attempts: 4,
			statusCode: 503,
			reason: 'HTTP 503',
		});
		expect(chunkFailureMessage(failed)).toBe(
			'Batch 2 (items 1000-1999) was not delivered: HTTP 503 after 4 attempts',
		);
	});

	it('tells a batch that was not sent from one that failed', () => {
		const report = deliveryReport([
			sentChunk(0, [0], { success: false, statusCode: 401, reason: 'HTTP 401' }),
			sentChunk(1, [1], {
				success: false,
				statusCode: undefined,
				attempts: 0,
				reason: 'not sent, as an earlier batch failed',
			}),
		]);
		expect(report.details).toContain('Batch 1 (items 0): HTTP 401 after 1 attempt.');
		expect(report.summary).toBe('Batch 1 of 2 failed: items 0-1 were not delivered');
		expect(report.details).toContain('Batch 2 (items 1): not sent, as an earlier batch failed.');
	});
});
