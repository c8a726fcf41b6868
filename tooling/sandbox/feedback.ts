import { randomUUID } from 'node:crypto';
import { DEFAULT_SUBTYPES } from '../product';

/**
 * Mapp Connect accepts an event with 200 and validates it later; what it then rejects it reports
 * to the integration's callback URL (docs/mapp-connect-api.md, "Asynchronous feedback"). This is that later
 * check for the sandbox: the rules below find what breaks the vendor's rules in an accepted event,
 * and the emitter POSTs the entries, in Mapp's shape, to the callback URL shortly after.
 * The wording of the descriptions other than the product one is the sandbox's own.
 */

type SandboxEvent = Record<string, unknown>;

export interface FeedbackEntry {
	errorCode: string;
	actionTime: string;
	integration_id: string;
	uuid: string;
	executorId: number;
	domainId: number;
	mappingName: string;
	collocation: string;
	sysname: string;
	actionParams: SandboxEvent;
	description: string;
}

export const MISSING_FIELD = 'MISSING_FIELD';

const CONTACT_IDENTIFIERS = ['email', 'mobileNumber', 'userId'];

/** Each subtype's check: the description of what is wrong with an event, or undefined when nothing is. */
const RULES: Record<string, (event: SandboxEvent) => string | undefined> = {
	[DEFAULT_SUBTYPES.user]: (event) => missingAll(event, CONTACT_IDENTIFIERS, 'contact'),
	[DEFAULT_SUBTYPES.email]: (event) =>
		missing(event, 'messageId', 'email') ??
		(has(event, 'group') ? undefined : missing(event, 'email', 'email')),
	[DEFAULT_SUBTYPES.sms]: (event) =>
		missing(event, 'messageId', 'SMS') ??
		missingAll(event, ['email', 'recipientMobileNumber', 'recipientId'], 'SMS'),
	[DEFAULT_SUBTYPES.push]: (event) =>
		missing(event, 'pushMessageId', 'push') ?? missing(event, 'mobileAppId', 'push'),
	[DEFAULT_SUBTYPES.transaction]: (event) => missing(event, 'orderId', 'transaction'),
	[DEFAULT_SUBTYPES.product]: (event) => missing(event, 'productSKU', 'product'),
	[DEFAULT_SUBTYPES.abandonedCart]: (event) => activity(event),
	[DEFAULT_SUBTYPES.wishlist]: (event) => activity(event),
	[DEFAULT_SUBTYPES.browse]: (event) => activity(event),
	[DEFAULT_SUBTYPES.recommendation]: (event) => activity(event),
	[DEFAULT_SUBTYPES.coupon]: (event) => missing(event, 'listName', 'coupon'),
	[DEFAULT_SUBTYPES.relatedData]: (event) => missing(event, 'datasetName', 'related data'),
};

function activity(event: SandboxEvent): string | undefined {
	return missingAll(event, CONTACT_IDENTIFIERS, 'activity') ?? missing(event, 'sku', 'activity');
}

function has(event: SandboxEvent, field: string): boolean {
	const value = event[field];
	return value !== undefined && value !== null && String(value).trim() !== '';
}

function action(event: SandboxEvent, what: string): string {
	return `${what} ${event.delete === 'true' || event.delete === true ? 'deletion' : 'update'}`;
}

function missing(event: SandboxEvent, field: string, what: string): string | undefined {
	if (has(event, field)) return undefined;
	return `Skipping ${action(event, what)} - missing mandatory field: ${field}`;
}

function missingAll(event: SandboxEvent, fields: string[], what: string): string | undefined {
	if (fields.some((field) => has(event, field))) return undefined;
	return `Skipping ${action(event, what)} - missing identifier: one of ${fields.join(', ')}`;
}

/** What Mapp would report about one accepted event, or undefined when it would process it. */
export function feedbackFor(
	subtype: string,
	event: SandboxEvent,
	integrationId: string,
	now: Date = new Date(),
): FeedbackEntry | undefined {
	const description = RULES[subtype]?.(event);
	if (!description) return undefined;
	return {
		errorCode: MISSING_FIELD,
		actionTime: javaDateString(now),
		integration_id: integrationId,
		uuid: randomUUID(),
		executorId: 1,
		domainId: 1,
		mappingName: subtype,
		collocation: 'SANDBOX',
		sysname: 'sandbox',
		actionParams: event,
		description,
	};
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as Java's Date.toString() prints it, which is how Mapp writes actionTime; in UTC here. */
export function javaDateString(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
	return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

export interface FeedbackDelivery {
	/** The callback URL's origin and path; its query (which may hold a token) is left out. */
	target: string;
	/** The callback's answer, 0 when it could not be reached. */
	status: number;
	entries: FeedbackEntry[];
	error?: string;
}

export const DEFAULT_FEEDBACK_DELAY_MS = 200;

/** POSTs the feedback on each accepted request, as one array, to the callback URL once one is set. */
export class FeedbackEmitter {
	/** Every POST made, in order. */
	readonly deliveries: FeedbackDelivery[] = [];

	private callbackUrl: URL | undefined;

	private readonly pending = new Set<Promise<void>>();

	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(
		private readonly integrationId: string,
		private readonly delayMs = DEFAULT_FEEDBACK_DELAY_MS,
	) {}

	/** Throws on a URL that is not http(s); undefined stops the feedback. */
	setCallbackUrl(url: string | undefined): void {
		if (url === undefined) {
			this.callbackUrl = undefined;
			return;
		}
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
			throw new Error('The callback URL must be http or https');
		}
		this.callbackUrl = parsed;
	}

	/** The events of one accepted request. */
	accepted(subtype: string, events: SandboxEvent[]): void {
		const url = this.callbackUrl;
		if (!url) return;
		const entries = events
			.map((event) => feedbackFor(subtype, event, this.integrationId))
			.filter((entry): entry is FeedbackEntry => entry !== undefined);
		if (entries.length === 0) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			const delivery = this.deliver(url, entries).finally(() => this.pending.delete(delivery));
			this.pending.add(delivery);
		}, this.delayMs);
		this.timers.add(timer);
	}

	/** Resolves when every feedback due has been POSTed. */
	async settled(): Promise<void> {
		while (this.timers.size > 0 || this.pending.size > 0) {
			await Promise.all(this.pending);
			if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
		}
	}

	/** Drops feedback not yet sent and waits for the POSTs under way. */
	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await Promise.all(this.pending);
	}

	private async deliver(url: URL, entries: FeedbackEntry[]): Promise<void> {
		const target = `${url.origin}${url.pathname}`;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(entries),
				signal: AbortSignal.timeout(10_000),
			});
			await response.arrayBuffer();
			this.deliveries.push({ target, status: response.status, entries });
		} catch (error) {
			this.deliveries.push({ target, status: 0, entries, error: (error as Error).message });
		}
	}
}
