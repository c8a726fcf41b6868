/** What the Mapp Connect workflow tests share: a sandbox per test file and what arrived there. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import type { RunNodeOptions, RunNodeResult } from '../../tooling/harness';
import { startSandbox } from '../../tooling/sandbox';
import type { RecordedRequest, Sandbox } from '../../tooling/sandbox';

/** Starts a sandbox before the file's tests, forgets its requests before each one, closes it after. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	beforeEach(() => sandbox?.reset());
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => {
		if (!sandbox) throw new Error('The sandbox has not started');
		return sandbox;
	};
}

/** Runs the node against the sandbox with a valid credential (or the given overrides). */
export async function run(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Omit<RunNodeOptions, 'parameters' | 'credentials'> & { credentials?: IDataObject } = {},
): Promise<RunNodeResult> {
	const { credentials, ...rest } = options;
	return await runNode({
		...rest,
		parameters,
		credentials: sandboxCredentials(sandbox, credentials as RunNodeOptions['credentials']),
	});
}

/** A request as the test asserts it: method, path relative to the base URL, raw query, parsed body. */
export function arrived(sandbox: Sandbox, request: RecordedRequest) {
	const basePath = new URL(sandbox.baseUrl).pathname;
	return {
		method: request.method,
		path: request.path.slice(basePath.length),
		query: request.query,
		body: request.body === '' ? undefined : (JSON.parse(request.body) as unknown),
		status: request.status,
	};
}

export const resourceLocator = (value: string, mode: 'list' | 'id' = 'list') => ({
	__rl: true,
	mode,
	value,
});

/**
 * Runs one event operation on one item and checks the whole way: one POST to the integration's
 * event endpoint with the subtype in the query and exactly this body, accepted by the sandbox
 * (which refuses a bad token), and the output item reporting what was sent.
 */
export async function expectEventSent(
	sandbox: Sandbox,
	parameters: INodeParameters,
	expected: { subtype: string; event: IDataObject },
	items?: IDataObject[],
): Promise<void> {
	const result = await run(sandbox, parameters, items && { items });
	expect(result.error).toBeUndefined();
	expect(sandbox.requests.map((request) => arrived(sandbox, request))).toEqual([
		{
			method: 'POST',
			path: `/integration/${sandbox.integrationId}/event`,
			query: `subtype=${expected.subtype}`,
			body: expected.event,
			status: 200,
		},
	]);
	expect(result.items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
		{ json: { success: true, statusCode: 200, ...expected }, pairedItem: { item: 0 } },
	]);
}
