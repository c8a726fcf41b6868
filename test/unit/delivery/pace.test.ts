import { RequestPacer, perSecond } from '../../../nodes/MappConnect/delivery/pace';
import { FakeClock } from './fakeClock';

describe('RequestPacer', () => {
	it('spaces requests taken at once by 1000 / rate ms', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(clock, perSecond(10));
		await Promise.all([1, 2, 3, 4, 5].map(() => pacer.take()));
		expect(clock.sleeps).toEqual([100, 200, 300, 400]);
	});

	it('does not wait when requests are already far enough apart', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(clock, perSecond(2));
		await pacer.take();
		clock.time += 600;
		await pacer.take();
		expect(clock.sleeps).toEqual([]);
	});

	it('never waits without a limit, unless held back', async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(clock);
		await pacer.take();
		await pacer.take();
		expect(clock.sleeps).toEqual([]);
		pacer.holdUntil(clock.now() + 5000);
		await pacer.take();
		expect(clock.sleeps).toEqual([5000]);
	});

	it("sends Request Options → Batching's items at once, then pauses for the interval", async () => {
		const clock = new FakeClock();
		const pacer = new RequestPacer(clock, { perInterval: 3, intervalMs: 1000 });
		await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => pacer.take()));
		expect(clock.sleeps).toEqual([1000, 1000, 1000, 2000]);
	});
});
