import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWorkflowBase,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { loadPackage } from './package-types';

export const TRIGGER_NODE_NAME = 'Mapp Connect Trigger';
/** The ID n8n's editor gives a webhook node; it is the first segment of the node's webhook path. */
export const TRIGGER_WEBHOOK_ID = 'harness-webhook-id';

export interface WebhookCall {
	/** The trigger node's parameters, as a workflow file holds them. */
	parameters: INodeParameters;
	/** Sent as is when a string or Buffer; anything else is sent as JSON. */
	body: unknown;
	query?: Record<string, string>;
	/** Added to `content-type: application/json` and the body's `content-length`; a header given as undefined is not sent. */
	headers?: Record<string, string | undefined>;
	/** Credential data by credential type, e.g. `{ mappConnectCallbackAuthApi: { headerName, headerSecret } }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** `manual` for the Test URL, `webhook` (the default) for the Production URL. */
	mode?: 'manual' | 'webhook';
	/** Node type within the package; `mappConnectFeedbackTrigger` (the one the node panel offers) by default. */
	nodeType?: string;
}

export interface WebhookCallResult {
	/** The HTTP status the caller gets. */
	status: number;
	/** The response body as the caller gets it. */
	body: string;
	/** The trigger node's output in the execution it started; [] when it started none. */
	items: INodeExecutionData[];
	/** The execution the call started, run through n8n-core's WorkflowExecute as n8n runs a webhook execution. */
	execution?: IRun;
}

/**
 * Calls the trigger's `webhook()` in-process the way n8n's webhook server does: n8n-core's
 * WebhookContext over a request whose body has not been read yet (n8n reads it on demand), then,
 * when the node hands back workflow data, an execution that starts with the trigger node.
 * The response mirrors n8n's: what the node wrote, or what n8n would answer for it.
 */
export async function callWebhook(call: WebhookCall): Promise<WebhookCallResult> {
	const pkg = await loadPackage();
	const mode = call.mode ?? 'webhook';
	const nodeTypeName = pkg.typeName(call.nodeType ?? 'mappConnectFeedbackTrigger');
	const nodeType = pkg.nodeTypes.getByNameAndVersion(nodeTypeName, 1) as INodeType;
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!nodeType.webhook || !webhookDescription)
		throw new Error(`"${nodeTypeName}" is not a webhook node`);

	const node: INode = {
		id: 'trigger-node-id',
		name: TRIGGER_NODE_NAME,
		type: nodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: TRIGGER_WEBHOOK_ID,
		parameters: call.parameters,
		credentials: Object.fromEntries(
			Object.keys(call.credentials ?? {}).map((type) => [
				type,
				{ id: `harness-${type}`, name: type },
			]),
		),
	};
	const workflowData = {
		id: 'harness-trigger-workflow',
		name: 'Harness Trigger',
		active: true,
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: pkg.nodeTypes,
	});
	const credentialsHelper = new HarnessCredentialsHelper(pkg, call.credentials ?? {});
	const additionalData = createAdditionalData(credentialsHelper, workflowData, mode);
	const request = new FakeRequest(call);
	const response = new FakeResponse();
	additionalData.httpRequest = request as never;
	additionalData.httpResponse = response as never;

	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${TRIGGER_WEBHOOK_ID}/${String(webhookDescription.path)}`,
		webhookDescription,
		workflowId: workflowData.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: TRIGGER_WEBHOOK_ID,
		isTest: mode === 'manual',
	};
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	const result: IWebhookResponseData = await nodeType.webhook.call(context);

	const answer = result.noWebhookResponse ? response.sent() : n8nAnswerFor(result);
	if (!result.workflowData) return { ...answer, items: [] };

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: result.workflowData }, source: null }],
		},
	});
	const execution = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const items = execution.data.resultData.runData[TRIGGER_NODE_NAME]?.[0]?.data?.main?.[0] ?? [];
	return { ...answer, items, execution };
}

/** What n8n answers for a webhook result the node did not answer itself ("onReceived" mode). */
function n8nAnswerFor(result: IWebhookResponseData): Pick<WebhookCallResult, 'status' | 'body'> {
	const fallback = result.workflowData
		? { message: 'Workflow was started' }
		: { message: 'Webhook call received' };
	return { status: 200, body: JSON.stringify(result.webhookResponse ?? fallback) };
}

/** The parts of n8n's request (express's, with n8n's raw-body reader) a webhook node reads. */
class FakeRequest {
	readonly method = 'POST';
	readonly headers: Record<string, string>;
	readonly query: Record<string, string>;
	readonly params: Record<string, string> = {};
	readonly ip = '127.0.0.1';
	readonly ips: string[] = [];
	/** As n8n sets it: the media type of the Content-Type header, without its parameters. */
	readonly contentType: string | undefined;
	readonly encoding: BufferEncoding = 'utf-8';
	body: unknown = {};
	rawBody: Buffer | undefined;
	private readonly bytes: Buffer;

	constructor(call: WebhookCall) {
		this.bytes = bytesOf(call.body);
		const given = Object.entries(call.headers ?? {}).map(([name, value]) => [
			name.toLowerCase(),
			value,
		]);
		const headers = {
			'content-type': 'application/json',
			'content-length': String(this.bytes.length),
			...Object.fromEntries(given),
		};
		this.headers = Object.fromEntries(
			Object.entries(headers).filter(
				(header): header is [string, string] => header[1] !== undefined,
			),
		);
		this.contentType = this.headers['content-type']?.split(';')[0].trim().toLowerCase();
		this.query = { ...call.query };
	}

	async readRawBody(): Promise<void> {
		this.rawBody ??= this.bytes;
	}
}

function bytesOf(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

/** Records what the node writes, as node's http.ServerResponse would send it. */
class FakeResponse {
	headersSent = false;
	private status = 0;
	private readonly chunks: string[] = [];
	private ended = false;

	writeHead(status: number): this {
		if (this.headersSent) throw new Error('The node wrote the response head twice');
		this.status = status;
		this.headersSent = true;
		return this;
	}

	end(chunk?: string | Buffer): this {
		if (this.ended) throw new Error('The node ended the response twice');
		if (chunk !== undefined) this.chunks.push(chunk.toString());
		this.ended = true;
		return this;
	}

	sent(): Pick<WebhookCallResult, 'status' | 'body'> {
		if (!this.ended) throw new Error('The node said it answered, but did not end the response');
		return { status: this.status, body: this.chunks.join('') };
	}
}

export interface ServedTrigger {
	/** The trigger's Production URL on this server, without query. */
	url: string;
	/** Every call received, in order. */
	calls: WebhookCallResult[];
	close(): Promise<void>;
}

/**
 * Serves the trigger on a loopback port, as n8n serves an active workflow's webhook, so that a
 * real HTTP client (the sandbox's feedback emitter) can call it. Each request is one `callWebhook`.
 */
export async function serveTrigger(
	setup: Omit<WebhookCall, 'body' | 'query' | 'headers'>,
): Promise<ServedTrigger> {
	const calls: WebhookCallResult[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const headers = Object.fromEntries(
				Object.entries(req.headers).map(([name, value]) => [
					name,
					Array.isArray(value) ? value.join(', ') : (value ?? ''),
				]),
			);
			callWebhook({
				...setup,
				body: Buffer.concat(chunks),
				query: Object.fromEntries(url.searchParams),
				headers: { 'content-type': undefined, ...headers },
			})
				.then((result) => {
					calls.push(result);
					res.writeHead(result.status, { 'content-type': 'application/json' }).end(result.body);
				})
				.catch((error: Error) => res.writeHead(500).end(error.message));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const pkg = await loadPackage();
	const nodeType = pkg.nodeTypes.getByNameAndVersion(
		pkg.typeName(setup.nodeType ?? 'mappConnectFeedbackTrigger'),
		1,
	) as INodeType;
	const path = String(nodeType.description.webhooks?.[0]?.path);
	return {
		url: `http://127.0.0.1:${port}/webhook/${TRIGGER_WEBHOOK_ID}/${path}`,
		calls,
		close: () =>
			new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}
