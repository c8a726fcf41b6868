import { StepError } from './log';
import { waitUntilReady as waitForProcess, type ManagedProcess } from './processes';

/** The owner account the tooling sets up on a fresh n8n; only ever on loopback. */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'SandboxDemo1',
};

const READY_TIMEOUT_MS = 180_000;
const POLL_MS = 500;
/** n8n binds its auth cookie to the value of this header. */
const BROWSER_ID = 'n8n-nodes-mapp-connect-scripts';

/**
 * What `n8n start` prints once all of it is up (n8n 2.8's commands/start): its REST API answers /rest/settings
 * seconds before it mounts the other routes (a POST to /rest/owner/setup gets 404 until then) and before it
 * activates the published workflows' webhooks.
 */
const EDITOR_READY = 'Editor is now accessible via';

/** Waits until `n8n start` serves its REST API and webhooks, or fails when it ends first. */
export async function waitUntilReady(url: string, server: ManagedProcess): Promise<void> {
	const isReady = async () =>
		server.output().includes(EDITOR_READY) && (await isOk(`${url}/rest/settings`));
	await waitForProcess('n8n start', server, isReady, READY_TIMEOUT_MS);
}

/** Whether a GET of `url` answers 2xx; false while nothing listens there. */
export function isOk(url: string): Promise<boolean> {
	return fetch(url).then(
		(response) => response.ok,
		() => false,
	);
}

/** An answer of n8n's REST API other than 2xx. */
export class RestError extends StepError {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}

/** A signed-in session on n8n's internal REST API, as the editor uses it. */
export class EditorApi {
	private constructor(
		private readonly url: string,
		private readonly cookie: string,
	) {}

	/** Creates the owner account of a fresh n8n and signs in as it. */
	static async setUpOwner(url: string): Promise<EditorApi> {
		const setUp = () =>
			fetch(`${url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify(OWNER),
			});
		// n8n 1.x serves its settings, which `waitUntilReady` polls, a moment before it serves this route.
		const deadline = Date.now() + READY_TIMEOUT_MS;
		let response = await setUp();
		while (response.status === 404 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			response = await setUp();
		}
		if (!response.ok)
			throw new StepError(`owner setup failed: ${response.status} ${await response.text()}`);
		return EditorApi.signedIn(url, response);
	}

	/** Signs in as the owner that `setUpOwner` created, e.g. after n8n restarted. */
	static async signIn(url: string): Promise<EditorApi> {
		const response = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!response.ok)
			throw new StepError(`POST /rest/login failed: ${response.status} ${await response.text()}`);
		return EditorApi.signedIn(url, response);
	}

	private static signedIn(url: string, response: Response): EditorApi {
		const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
		return new EditorApi(url, cookie);
	}

	post<T>(path: string, body: unknown): Promise<T> {
		return this.request<T>('POST', path, body);
	}

	get<T>(path: string): Promise<T> {
		return this.request<T>('GET', path);
	}

	/**
	 * The editor's "Active" switch of n8n 1.x: saving the workflow with `active` makes n8n store a version of it and
	 * register its triggers at once.
	 */
	async activateWorkflow(workflowId: string): Promise<void> {
		const { versionId, name } = await this.get<{ versionId: string; name: string }>(
			`workflows/${workflowId}`,
		);
		await this.request('PATCH', `workflows/${workflowId}`, { versionId, name, active: true });
	}

	/** Every node type the editor offers, tool variants included, as n8n serves them to the editor. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		return JSON.parse(await this.fetchText('GET', '/types/nodes.json'));
	}

	private async request<T>(
		method: 'GET' | 'POST' | 'PATCH',
		path: string,
		body?: unknown,
	): Promise<T> {
		return (JSON.parse(await this.fetchText(method, `/rest/${path}`, body)) as { data: T }).data;
	}

	private async fetchText(
		method: 'GET' | 'POST' | 'PATCH',
		path: string,
		body?: unknown,
	): Promise<string> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new RestError(`${method} ${path} failed: ${response.status} ${text}`, response.status);
		return text;
	}

	/** Runs the credential type's test request in n8n, as the credential dialog's "Test" does. */
	testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}) {
		return this.post<{ status: 'OK' | 'Error'; message: string }>('credentials/test', {
			credentials: credential,
		});
	}
}
