/**
 * Where a file's run can resume: the contiguous last handled record. Records go out in batches
 * that finish in any order (several are in flight); a record counts as handled when the batch
 * that carries it was accepted, or when the node's checks refused it (it is then in the run's
 * rejections, where the user finds it; resuming does not retry it). The last handled record
 * never moves past a gap: a batch still in flight, or one that failed, holds it back, so that
 * resuming from the record after it never skips a record Mapp did not get.
 */
export class ResumePoint {
	private last: number;

	/** Ranges handled beyond the contiguous part, by their first record: at most one per batch in flight. */
	private readonly ahead = new Map<number, number>();

	/** `startAt`: the run's first record (the records before it were handled by an earlier run). */
	constructor(startAt: number) {
		this.last = startAt - 1;
	}

	/** Records first…last (a batch's records and the refused ones among them) are handled. */
	handled(first: number, last: number): void {
		if (first > last || first <= this.last || this.ahead.has(first)) {
			throw new RangeError(
				`Records ${first}-${last} cannot be handled: handled up to ${this.last} and from ${[...this.ahead.keys()].join(', ')}`,
			);
		}
		this.ahead.set(first, last);
		for (let end = this.ahead.get(this.last + 1); end !== undefined;) {
			this.ahead.delete(this.last + 1);
			this.last = end;
			end = this.ahead.get(this.last + 1);
		}
	}

	/** Every record up to this one is handled (the run's first record - 1 when none is). */
	get lastHandled(): number {
		return this.last;
	}

	/** The record to set Start at Record to, to resume. */
	get resumeFrom(): number {
		return this.last + 1;
	}
}
