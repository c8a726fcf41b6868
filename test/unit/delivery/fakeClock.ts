import type { Clock } from '../../../nodes/MappConnect/delivery/pace';

/**
 * Virtual time: a sleep is recorded and returns without real waiting, the earliest pending
 * one first, once everything else has run; `now()` moves to the moment it wakes.
 */
export class FakeClock implements Clock {
	time = 1_000_000;

	readonly sleeps: number[] = [];

	private readonly timers: Array<{ at: number; wake: () => void }> = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((wake) => {
			this.timers.push({ at: this.time + ms, wake });
			setImmediate(() => this.wakeEarliest());
		});
	}

	private wakeEarliest(): void {
		this.timers.sort((a, b) => a.at - b.at);
		const timer = this.timers.shift();
		if (!timer) return;
		this.time = Math.max(this.time, timer.at);
		timer.wake();
	}
}
