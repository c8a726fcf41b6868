/** Runs started the way the editor starts them (its REST API), and waiting for their end. */
import assert from 'node:assert/strict';
import type { EditorApi } from '../../tooling/n8n/editor';
import type { Execution } from '../../tooling/n8n/execution';
import type { N8nSession } from '../../tooling/n8n/session';

const RUN_WAIT_MS = 60_000;
const POLL_MS = 500;

export interface ExecutionSummary {
	id: string;
	status: string;
}

export type WorkflowJson = {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	[key: string]: unknown;
};

export async function executionsOf(
	api: EditorApi,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await api.get<{ results: ExecutionSummary[] }>(`executions?filter=${filter}`)).results;
}

/** Polls until `find` returns something, or fails with what `describeState` says about the last state. */
export async function waitFor<T>(
	what: string,
	find: () => Promise<T | undefined>,
	describeState: () => string,
): Promise<T> {
	const deadline = Date.now() + RUN_WAIT_MS;
	while (Date.now() < deadline) {
		const found = await find();
		if (found !== undefined) return found;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	assert.fail(`${what} within ${RUN_WAIT_MS / 1000}s; ${describeState()}`);
}

export const hasEnded = (run: ExecutionSummary) =>
	!['new', 'running', 'waiting'].includes(run.status);

/**
 * Starts a manual run as the editor does (`POST /rest/workflows/:id/run`) with `request` added to the stored workflow
 * (`triggerToStartFrom` for "Execute workflow", `destinationNode` and `agentRequest` for "Execute step"). n8n 2.8 wants
 * the workflow in the body, 2.33 ignores it.
 */
export async function runManually(
	api: EditorApi,
	workflowId: string,
	request: Record<string, unknown>,
): Promise<string> {
	const workflowData = await api.get<Record<string, unknown>>(`workflows/${workflowId}`);
	const started = await api.post<{ executionId?: string }>(`workflows/${workflowId}/run`, {
		workflowData,
		...request,
	});
	assert.ok(
		started.executionId,
		`n8n started a manual run of ${workflowId}: ${JSON.stringify(started)}`,
	);
	return started.executionId;
}

/** A manual run to its end, as n8n stored it. */
export async function runToEnd(
	session: N8nSession,
	api: EditorApi,
	workflowId: string,
	request: Record<string, unknown>,
): Promise<Execution> {
	const id = await runManually(api, workflowId, request);
	await waitFor(
		`the run of ${workflowId} ended`,
		async () => (await executionsOf(api, workflowId)).find((run) => run.id === id && hasEnded(run)),
		() => 'it is still running',
	);
	return session.storedExecution(api, id);
}

export const outputOf = (execution: Execution, node: string, output = 0) =>
	execution.nodes.find((run) => run.node === node)?.outputs[output];
