import {
	batchBody,
	isValidBatchSize,
	splitIntoChunks,
} from '../../../nodes/MappConnect/delivery/chunk';
import { MAX_EVENTS_PER_BATCH } from '../../../nodes/MappConnect/shared/api';

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('splitIntoChunks', () => {
	it('splits 2,500 events into 1000, 1000 and 500, in order', () => {
		const chunks = splitIntoChunks(numbers(2500), 1000);
		expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
		expect(chunks.flat()).toEqual(numbers(2500));
	});

	it('makes one chunk per event with batch size 1', () => {
		expect(splitIntoChunks(['a', 'b', 'c'], 1)).toEqual([['a'], ['b'], ['c']]);
	});

	it('makes no chunk from no events', () => {
		expect(splitIntoChunks([], 1000)).toEqual([]);
	});

	it.each([0, -1, 1.5, MAX_EVENTS_PER_BATCH + 1, Number.NaN])('refuses batch size %p', (size) => {
		expect(isValidBatchSize(size)).toBe(false);
		expect(() => splitIntoChunks([1], size)).toThrow(RangeError);
	});
});

describe('batchBody', () => {
	it('takes up to the limit of events', () => {
		const events = numbers(MAX_EVENTS_PER_BATCH).map((i) => ({ email: `u${i}@example.com` }));
		expect(batchBody(events)).toEqual(events);
	});

	it('never makes a body of more events than Mapp accepts', () => {
		const events = numbers(MAX_EVENTS_PER_BATCH + 1).map(() => ({}));
		expect(() => batchBody(events)).toThrow(`at most ${MAX_EVENTS_PER_BATCH} events`);
	});
});
