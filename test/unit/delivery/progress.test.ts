import { ResumePoint } from '../../../nodes/MappConnect/delivery/progress';

/** Batches of 10 records from record 1: batch n covers records 10n+1 … 10n+10. */
const batch = (n: number): [number, number] => [10 * n + 1, 10 * n + 10];

describe('ResumePoint: where a file resumes', () => {
	it('starts before Start at Record: nothing of this run is handled yet', () => {
		expect(new ResumePoint(1)).toMatchObject({ lastHandled: 0, resumeFrom: 1 });
		expect(new ResumePoint(5001)).toMatchObject({ lastHandled: 5000, resumeFrom: 5001 });
	});

	it('moves with batches that finish in order', () => {
		const point = new ResumePoint(1);
		point.handled(...batch(0));
		point.handled(...batch(1));
		expect(point).toMatchObject({ lastHandled: 20, resumeFrom: 21 });
	});

	it('never moves past a batch still in flight, whatever finished after it', () => {
		const point = new ResumePoint(1);
		point.handled(...batch(0));
		point.handled(...batch(2));
		point.handled(...batch(3));
		expect(point.lastHandled).toBe(10);
		point.handled(...batch(1)); // the batch in flight finishes last, after a retry
		expect(point).toMatchObject({ lastHandled: 40, resumeFrom: 41 });
	});

	it('stays before a batch that failed, however many batches after it were accepted', () => {
		const point = new ResumePoint(1);
		for (const n of [0, 1, 3, 4, 5]) point.handled(...batch(n)); // batch 2 failed for good
		expect(point).toMatchObject({ lastHandled: 20, resumeFrom: 21 });
	});

	it('counts refused records as handled where they fall: a range of its own, or inside a batch', () => {
		const point = new ResumePoint(101);
		point.handled(106, 120); // a batch whose range starts with refused records 106-108
		expect(point.lastHandled).toBe(100);
		point.handled(101, 105);
		expect(point.lastHandled).toBe(120);
		point.handled(121, 121); // one refused record at the end of the file
		expect(point.resumeFrom).toBe(122);
	});

	it('refuses a range handled twice, or one that overlaps what is handled', () => {
		const point = new ResumePoint(1);
		point.handled(1, 10);
		point.handled(21, 30);
		expect(() => point.handled(1, 10)).toThrow(RangeError);
		expect(() => point.handled(5, 12)).toThrow(RangeError);
		expect(() => point.handled(21, 25)).toThrow(RangeError);
		expect(() => point.handled(12, 11)).toThrow(RangeError);
		expect(point.lastHandled).toBe(10);
	});
});
