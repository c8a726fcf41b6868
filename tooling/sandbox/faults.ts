import type { FaultKind, FaultSpec } from './types';

export const FAULT_KINDS: readonly FaultKind[] = [
	'status400',
	'status429',
	'status500',
	'status500dbLimit',
	'status502',
	'status503',
	'redirect301',
	'redirect302',
	'redirect303',
	'redirect307',
	'redirect308',
	'delay',
	'drop',
];

/** What each status fault answers; `status500dbLimit` is Engage's throttling answer (docs/mapp-connect-api.md). */
export const FAULT_REPLIES: Partial<Record<FaultKind, { status: number; message: string }>> = {
	status400: { status: 400, message: 'The event does not match the mapping of its subtype' },
	status429: { status: 429, message: 'Too Many Requests' },
	status500: { status: 500, message: 'Internal Server Error' },
	status500dbLimit: { status: 500, message: 'Database Access Limit Exceeded' },
	status502: { status: 502, message: 'Bad Gateway' },
	status503: { status: 503, message: 'Service Unavailable' },
	redirect301: { status: 301, message: 'Moved Permanently' },
	redirect302: { status: 302, message: 'Found' },
	redirect303: { status: 303, message: 'See Other' },
	redirect307: { status: 307, message: 'Temporary Redirect' },
	redirect308: { status: 308, message: 'Permanent Redirect' },
};

interface ActiveFault {
	spec: FaultSpec;
	remaining: number;
	random?: () => number;
}

/** The injected faults, applied in the order they were injected to the requests they match. */
export class FaultInjector {
	private active: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		if (!FAULT_KINDS.includes(spec.kind))
			throw new Error(`Unknown fault kind "${String(spec.kind)}"`);
		if (spec.kind.startsWith('redirect') && !spec.location) {
			throw new Error('A redirect fault needs the location it points to');
		}
		if (spec.share !== undefined && !(spec.share >= 0 && spec.share <= 1)) {
			throw new Error('A fault share must lie between 0 and 1');
		}
		const sharing = spec.share !== undefined;
		this.active.push({
			spec,
			remaining: spec.count ?? (sharing ? Infinity : 1),
			random: sharing ? seededRandom(spec.seed ?? 1) : undefined,
		});
	}

	clear(): void {
		this.active = [];
	}

	/** The fault for a request to this path, if any; counts it against the fault's budget. */
	take(path: string): FaultSpec | undefined {
		for (const fault of this.active) {
			if (fault.spec.pathIncludes !== undefined && !path.includes(fault.spec.pathIncludes))
				continue;
			if (fault.random && fault.random() >= (fault.spec.share ?? 0)) continue;
			fault.remaining -= 1;
			if (fault.remaining <= 0) this.active = this.active.filter((other) => other !== fault);
			return fault.spec;
		}
		return undefined;
	}
}

/** mulberry32: the same seed gives the same numbers on every run (the requests a fault picks, generated test files). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
