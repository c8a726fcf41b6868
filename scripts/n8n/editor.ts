import { StepError } from './log';
import type { ManagedProcess } from './processes';
import { tail } from './processes';

/** The owner account the scripts set up on a fresh n8n; only ever on loopback. */
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

/** Waits until `n8n start` serves its REST API (it reports ready before that), or fails when it ends first. */
export async function waitUntilReady(url: string, server: ManagedProcess): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exited = false;
	void server.exited.then(() => {
		exited = true;
	});
	while (Date.now() < deadline) {
		if (exited) throw new StepError(`n8n start ended before it was ready; its output ends:\n${tail(server.output())}`);
		try {
			const response = await fetch(`${url}/rest/settings`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new StepError(`n8n start was not ready within ${READY_TIMEOUT_MS / 1000}s; its output ends:\n${tail(server.output())}`);
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
	static setUpOwner(url: string): Promise<EditorApi> {
		return EditorApi.session(url, 'owner/setup', OWNER);
	}

	/** Signs in as the owner that `setUpOwner` created, e.g. after n8n restarted. */
	static signIn(url: string): Promise<EditorApi> {
		return EditorApi.session(url, 'login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	}

	private static async session(url: string, path: string, body: unknown): Promise<EditorApi> {
		const response = await fetch(`${url}/rest/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new StepError(`POST /rest/${path} failed: ${response.status} ${await response.text()}`);
		const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
		return new EditorApi(url, cookie);
	}

	post<T>(path: string, body: unknown): Promise<T> {
		return this.request<T>('POST', path, body);
	}

	get<T>(path: string): Promise<T> {
		return this.request<T>('GET', path);
	}

	private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/rest/${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new RestError(`${method} /rest/${path} failed: ${response.status} ${text}`, response.status);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Runs the credential type's test request in n8n, as the credential dialog's "Test" does. */
	testCredential(credential: { id: string; name: string; type: string; data: Record<string, unknown> }) {
		return this.post<{ status: 'OK' | 'Error'; message: string }>('credentials/test', { credentials: credential });
	}
}
