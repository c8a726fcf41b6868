/** Time as the delivery engine sees it; tests pass a fake one so that nothing sleeps for real. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** At most `perInterval` requests start in any window of `intervalMs`. */
export interface Spacing {
	perInterval: number;
	intervalMs: number;
}

/** Batch's Max Requests per Second as a spacing: one request every 1000 / rate ms. */
export function perSecond(maxRequestsPerSecond: number | undefined): Spacing | undefined {
	return maxRequestsPerSecond
		? { perInterval: 1, intervalMs: 1000 / maxRequestsPerSecond }
		: undefined;
}

/**
 * Spaces the requests of one run, over all requests in flight. Each request takes a place in the
 * current window, or opens the next one when the window is full: with one request per window the
 * requests are evenly spaced (Max Requests per Second); with more, they go in bursts (n8n's
 * Request Options → Batching: N items, then a pause). A throttled answer holds every request back.
 */
export class RequestPacer {
	private windowStart = Number.NEGATIVE_INFINITY;

	private used = 0;

	private heldUntil = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly clock: Clock,
		private readonly spacing?: Spacing,
	) {}

	/** Resolves when the caller may send its next request. */
	async take(): Promise<void> {
		const now = this.clock.now();
		let start = Math.max(now, this.heldUntil);
		if (this.spacing) {
			const { perInterval, intervalMs } = this.spacing;
			const windowEnd = this.windowStart + intervalMs;
			if (this.used >= perInterval || start >= windowEnd) {
				if (this.used >= perInterval) start = Math.max(start, windowEnd);
				this.windowStart = start;
				this.used = 0;
			}
			start = Math.max(start, this.windowStart);
			this.used++;
		}
		if (start > now) await this.clock.sleep(start - now);
	}

	/** No request of the run starts before `time` (the account is throttled). */
	holdUntil(time: number): void {
		this.heldUntil = Math.max(this.heldUntil, time);
	}
}
