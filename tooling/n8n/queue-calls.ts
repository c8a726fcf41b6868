/**
 * What the queue-mode test and benchmark do from outside n8n: call webhooks as a shop or CRM would, read the
 * executions n8n stored in PostgreSQL, and wait for the sandbox to receive events.
 */
import type { Sandbox } from '../sandbox';
import type { Postgres } from './services';

const POLL_MS = 250;

export interface StoredExecution {
	id: string;
	workflowId: string;
	status: string;
	startedAtMs: number;
	stoppedAtMs: number;
}

/** POSTs each body as JSON to `url`, at most `inFlight` at a time; the answers' status codes in call order. */
export async function callWebhook(
	url: string,
	bodies: unknown[],
	inFlight: number,
): Promise<number[]> {
	const statuses: number[] = new Array(bodies.length);
	let next = 0;
	const lane = async () => {
		while (next < bodies.length) {
			const index = next++;
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(bodies[index]),
			});
			await response.arrayBuffer();
			statuses[index] = response.status;
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, bodies.length) }, lane));
	return statuses;
}

/** `callWebhook`, failing on any answer but 200: a call n8n did not take starts nothing to wait for. */
export async function callWebhookOk(
	url: string,
	bodies: unknown[],
	inFlight: number,
): Promise<void> {
	const statuses = await callWebhook(url, bodies, inFlight);
	const refused = statuses.filter((status) => status !== 200);
	if (refused.length > 0)
		throw new Error(
			`${refused.length} of ${statuses.length} calls to ${url} answered ${[...new Set(refused)].join(', ')}`,
		);
}

/** The executions of a workflow as n8n stored them, oldest first. */
export async function storedExecutions(
	postgres: Postgres,
	workflowId: string,
): Promise<StoredExecution[]> {
	const rows = await postgres.query(
		`SELECT id, "workflowId", status, COALESCE(EXTRACT(EPOCH FROM "startedAt") * 1000, 0), COALESCE(EXTRACT(EPOCH FROM "stoppedAt") * 1000, 0)
		 FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
	);
	return rows.map(([id, workflow, status, started, stopped]) => ({
		id,
		workflowId: workflow,
		status,
		startedAtMs: Number(started),
		stoppedAtMs: Number(stopped),
	}));
}

export const hasEnded = (execution: StoredExecution) =>
	!['new', 'running', 'waiting'].includes(execution.status);

/** Polls until `check` returns something; fails with `describe()` of the last state after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	timeoutMs: number,
	check: () => Promise<T | undefined>,
	describe: () => string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = await check();
		if (found !== undefined) return found;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}; ${describe()}`);
}

/** Waits until `count` executions of the workflow have ended; returns all of them. */
export async function endedExecutions(
	postgres: Postgres,
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<StoredExecution[]> {
	let last: StoredExecution[] = [];
	return await waitFor(
		`${count} ended executions of ${workflowId}`,
		timeoutMs,
		async () => {
			last = await storedExecutions(postgres, workflowId);
			return last.filter(hasEnded).length >= count ? last : undefined;
		},
		() => `statuses: ${JSON.stringify(countBy(last.map((execution) => execution.status)))}`,
	);
}

/**
 * Sends the calls and waits until the sandbox holds `events` events: the time from the first call to the arrival of
 * the last event, measured the same way whatever n8n runs in (regular or queue mode).
 */
export async function timeToEvents(
	sandbox: Sandbox,
	events: number,
	timeoutMs: number,
	send: () => Promise<unknown>,
): Promise<number> {
	const started = Date.now();
	let reachedAt = 0;
	let failed = false;
	const watch = (async () => {
		const deadline = started + timeoutMs;
		while (!failed && sandbox.eventCount < events && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		reachedAt = Date.now();
	})();
	await send().catch((error: unknown) => {
		failed = true;
		throw error;
	});
	await watch;
	if (sandbox.eventCount < events) {
		throw new Error(
			`the sandbox holds ${sandbox.eventCount} of ${events} events after ${timeoutMs / 1000}s`,
		);
	}
	return reachedAt - started;
}

export function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}
