/** Runs workflows in a running `n8n start` through its REST API, as the editor's "Execute workflow" button does. */
import { RestError, type EditorApi } from './editor';
import { StepError } from './log';

const POLL_MS = 100;
const MAX_POLL_MS = 1000;
const RETRY_MS = 1000;
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until the workflow routes answer. n8n answers `/rest/settings` and sign-in before it has registered every
 * controller (more so when profiled); until then a call gets a 404, or a page that is not JSON.
 */
export async function waitForWorkflowApi(api: EditorApi, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			await api.get('workflows');
			return;
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		await sleep(RETRY_MS);
	}
}

export async function createWorkflow(api: EditorApi, workflow: object): Promise<string> {
	const created = await api.post<{ id: string }>('workflows', { ...workflow, active: false });
	return created.id;
}

/** Starts a full run from the trigger; `workflow` is sent as the editor sends its current, possibly unsaved, state. */
export async function startRun(
	api: EditorApi,
	workflowId: string,
	workflow: object,
	trigger: string,
): Promise<string> {
	const body = {
		workflowData: { ...workflow, id: workflowId, active: false, pinData: {} },
		triggerToStartFrom: { name: trigger },
	};
	// Refused with 503 or on a closed connection, the run has not started: asking again starts it once.
	const started = await retryingTransient(
		() =>
			api.post<{ executionId?: string; waitingForWebhook?: boolean }>(
				`workflows/${workflowId}/run`,
				body,
			),
		[503],
	);
	if (!started.executionId)
		throw new StepError(`n8n did not start the run: ${JSON.stringify(started)}`);
	return started.executionId;
}

/**
 * Waits until n8n reports the run finished, polling its execution list, which carries no run data (reading a run
 * of 100,000 items while it runs would cost n8n more than the run). Returns the final status.
 */
export async function waitForRun(
	api: EditorApi,
	workflowId: string,
	executionId: string,
	timeoutMs: number,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	const query = `executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=20`;
	const started = Date.now();
	while (Date.now() < deadline) {
		const { results } = await retryingTransient(() =>
			api.get<{ results: Array<{ id: string; status: string }> }>(query),
		);
		const status = results.find((execution) => execution.id === executionId)?.status;
		if (status && FINISHED.has(status)) return status;
		// Often for short runs, about 1 % of the time so far for long ones, which n8n serves between its items.
		await sleep(Math.min(MAX_POLL_MS, Math.max(POLL_MS, (Date.now() - started) / 100)));
	}
	throw new StepError(`execution ${executionId} did not finish within ${timeoutMs / 1000}s`);
}

/**
 * Repeats a call of n8n's REST API that failed for a passing reason. While a run blocks n8n's event loop, n8n may
 * close a kept-alive connection just as it is reused (fetch's TypeError), give up waiting for its database (500
 * "operation timed out"), and after such a run, its database check having come late, answer 503 "Database is not
 * ready" until the next check. A read is repeated after any 5xx; other calls only after the statuses given.
 */
export async function retryingTransient<T>(
	call: () => Promise<T>,
	statuses?: number[],
	timeoutMs = 120_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	const passing = (status: number) => (statuses ? statuses.includes(status) : status >= 500);
	for (;;) {
		try {
			return await call();
		} catch (error) {
			const transient =
				error instanceof TypeError || (error instanceof RestError && passing(error.status));
			if (!transient || Date.now() > deadline) throw error;
		}
		await sleep(RETRY_MS);
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
