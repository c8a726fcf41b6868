/** Time as the batch engine sees it; tests pass a fake one so that nothing sleeps for real. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/**
 * Spaces the requests of one run, over all chunks in flight: each request takes the next free
 * slot, at least `1000 / maxRequestsPerSecond` ms after the previous one. Without a limit the
 * slots are back to back, yet a throttled answer can still hold every request back for a while.
 */
export class RequestPacer {
	private readonly intervalMs: number;

	private nextSlot = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly clock: Clock,
		maxRequestsPerSecond?: number,
	) {
		this.intervalMs = maxRequestsPerSecond ? 1000 / maxRequestsPerSecond : 0;
	}

	/** Resolves when the caller may send its next request. */
	async take(): Promise<void> {
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		if (slot > now) await this.clock.sleep(slot - now);
	}

	/** No request of the run starts before `time` (the account is throttled). */
	holdUntil(time: number): void {
		this.nextSlot = Math.max(this.nextSlot, time);
	}
}
