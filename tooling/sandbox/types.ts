/** The contract between the sandbox and the tests, harness, demo and benchmark that drive it. */
import type { FeedbackDelivery } from './feedback';

export interface SandboxOptions {
	/** Defaults to a fixed demo integration ID. */
	integrationId?: string;
	/** Defaults to a fixed demo secret. */
	secret?: string;
	/** 0 (the default) picks a free port. Always binds 127.0.0.1. */
	port?: number;
	/** Keep only counts and no bodies for accepted events (the benchmark's 100,000 events). */
	recordBodies?: boolean;
	/** Where to POST Mapp-style feedback on accepted events that break the vendor's rules (feedback.ts). */
	callbackUrl?: string;
	/** How long after acceptance the feedback is POSTed; 200 ms by default. */
	feedbackDelayMs?: number;
	/**
	 * How long an idle keep-alive connection stays open; 1000 ms by default. A client that reuses a connection just as
	 * the server closes it sees it reset, which thousands of concurrent requests (the HTTP Request node) run into.
	 */
	keepAliveTimeoutMs?: number;
	/**
	 * How long a connection may take to send its request's headers; Node's 60 s by default. n8n's HTTP Request node
	 * opens a connection per item while it prepares the items and sends the requests only when all are prepared.
	 */
	headersTimeoutMs?: number;
}

export interface RecordedRequest {
	seq: number;
	method: string;
	/** Path as received, e.g. `/charon/api/v1/integration/ID/event`. */
	path: string;
	/** Raw query string without `?`, '' when none. */
	query: string;
	/** Raw body as received. */
	body: string;
	status: number;
	/** What the fault injector did to this request, if anything. */
	fault?: FaultKind;
}

export interface RecordedEvent {
	/** Arrival order over all accepted events, from 1. */
	seq: number;
	subtype: string;
	body: Record<string, unknown>;
	/** Sequence number of the request that carried it. */
	requestSeq: number;
	/** True when it came through `event/batch`. */
	batch: boolean;
}

export type FaultKind =
	| 'status400'
	| 'status429'
	| 'status500'
	| 'status500dbLimit'
	| 'status502'
	| 'status503'
	| 'redirect301'
	| 'redirect302'
	| 'redirect303'
	| 'redirect307'
	| 'redirect308'
	| 'delay'
	| 'drop';

export interface FaultSpec {
	kind: FaultKind;
	/** Apply to the next `count` matching requests... */
	count?: number;
	/** ...or to this share (0..1) of matching requests, chosen deterministically from `seed`. */
	share?: number;
	seed?: number;
	/** 'before': nothing is recorded; 'after': the events are recorded, then the fault is answered. */
	when?: 'before' | 'after';
	/** Seconds put in Retry-After for status429. */
	retryAfterSeconds?: number;
	/** Milliseconds for 'delay'. */
	delayMs?: number;
	/** Only requests whose path contains this (e.g. 'event/batch'). */
	pathIncludes?: string;
	/** For the redirects: the origin the Location points to, with the request's path and query. */
	location?: string;
}

export interface Sandbox {
	/** Ends in `/charon/api/v1`, so that the signed path's prefix cut is exercised. */
	readonly baseUrl: string;
	readonly integrationId: string;
	readonly secret: string;
	/** Every API request received (not the `/__sandbox/` control requests), in arrival order. */
	readonly requests: RecordedRequest[];
	/** Accepted events in arrival order; stays empty when `recordBodies` is false. */
	readonly events: RecordedEvent[];
	/** Number of accepted events, counted also when `recordBodies` is false. */
	readonly eventCount: number;
	injectFault(spec: FaultSpec): void;
	clearFaults(): void;
	/** Forgets requests, events, faults and created groups. */
	reset(): void;
	/** Sets or (undefined) clears the callback URL; also `POST /__sandbox/callback {"url": …}`. */
	setCallbackUrl(url: string | undefined): void;
	/** Every feedback POST made, in order. */
	readonly feedbackDeliveries: FeedbackDelivery[];
	/** Resolves when every feedback due has been POSTed. */
	feedbackSettled(): Promise<void>;
	close(): Promise<void>;
}
