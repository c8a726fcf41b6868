import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestHash } from '../product';
import { ENDPOINTS, badRequest, initialGroups, type EndpointState, type Reply } from './endpoints';
import { FAULT_REPLIES, FaultInjector } from './faults';
import { FeedbackEmitter } from './feedback';
import { AUTH_TOKEN_HEADER, verifyToken } from './verifyToken';
import type { FaultSpec, RecordedEvent, RecordedRequest, Sandbox, SandboxOptions } from './types';

/** A prefix before `/api/v1` like Mapp's own `/charon`, so that signing must cut it off. */
export const SANDBOX_BASE_PATH = '/charon/api/v1';
export const DEMO_INTEGRATION_ID = '11111111-2222-3333-4444-555555555555';
/** The sandbox's own demo secret: not a user's secret, safe to print. */
export const DEMO_SECRET = 'sandbox-demo-secret-not-for-production';

const CONTROL_PREFIX = '/__sandbox/';
const INTEGRATION_PREFIX = `${SANDBOX_BASE_PATH}/integration/`;
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const DEFAULT_DELAY_MS = 1000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;
const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 1000;
/**
 * Connections waiting to be accepted; Linux caps it at net.core.somaxconn (4096 here). Node's default, 511, drops
 * connections when n8n's HTTP Request node opens one per item, thousands at once.
 */
const LISTEN_BACKLOG = 8192;

/** Starts a local stand-in for Mapp Connect on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const integrationId = options.integrationId ?? DEMO_INTEGRATION_ID;
	const secret = options.secret ?? DEMO_SECRET;
	const recordBodies = options.recordBodies ?? true;

	const requests: RecordedRequest[] = [];
	const events: RecordedEvent[] = [];
	const faults = new FaultInjector();
	const feedback = new FeedbackEmitter(integrationId, options.feedbackDelayMs);
	if (options.callbackUrl) feedback.setCallbackUrl(options.callbackUrl);
	const pendingDelays = new Set<NodeJS.Timeout>();
	let eventCount = 0;
	let requestSeq = 0;

	const state: EndpointState = {
		groups: initialGroups(),
		acceptEvents(request, subtype, accepted, batch) {
			feedback.accepted(subtype, accepted);
			if (recordBodies) {
				for (const body of accepted) {
					events.push({ seq: eventCount + 1, subtype, body, requestSeq: request.seq, batch });
					eventCount += 1;
				}
			} else {
				eventCount += accepted.length;
			}
		},
	};

	const reset = (): void => {
		requests.length = 0;
		events.length = 0;
		eventCount = 0;
		requestSeq = 0;
		faults.clear();
		state.groups = initialGroups();
	};

	const delay = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				pendingDelays.delete(timer);
				resolve();
			}, ms);
			pendingDelays.add(timer);
		});

	async function handleApiRequest(
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		query: string,
		body: string,
	) {
		const recorded: RecordedRequest = {
			seq: ++requestSeq,
			method: req.method ?? 'GET',
			path,
			query,
			body: recordBodies ? body : '',
			status: 0,
		};
		requests.push(recorded);

		const route = routeOf(path);
		if (!route) return send(res, recorded, notFound('No such endpoint'));
		if (route.integrationId !== integrationId)
			return send(res, recorded, notFound('Unknown integration'));
		const refusal = verifyToken(
			headerValue(req, AUTH_TOKEN_HEADER),
			secret,
			requestHash(path, body, query),
		);
		if (refusal) return send(res, recorded, { status: 401, body: { message: refusal } });
		const endpoint = ENDPOINTS[`${recorded.method} ${route.endpoint}`];
		if (!endpoint) return send(res, recorded, notFound('No such endpoint'));

		const fault = faults.take(path);
		if (fault) recorded.fault = fault.kind;
		const faultFirst = fault && (fault.when ?? 'before') === 'before';
		if (faultFirst && fault.kind !== 'delay') return sendFault(res, recorded, fault);
		if (faultFirst) await delay(fault.delayMs ?? DEFAULT_DELAY_MS);

		const reply = endpoint(
			{ seq: recorded.seq, integrationId, params: new URLSearchParams(query), body },
			state,
		);

		if (!fault || faultFirst) return send(res, recorded, reply);
		if (fault.kind !== 'delay') return sendFault(res, recorded, fault);
		await delay(fault.delayMs ?? DEFAULT_DELAY_MS);
		return send(res, recorded, reply);
	}

	function handleControlRequest(
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		body: string,
	) {
		if (!LOOPBACK_ADDRESSES.includes(req.socket.remoteAddress ?? '')) {
			return writeJson(res, {
				status: 403,
				body: { message: 'Control endpoints answer on loopback only' },
			});
		}
		const action = `${req.method} ${path.slice(CONTROL_PREFIX.length)}`;
		if (action === 'GET events')
			return writeJson(res, { status: 200, body: { eventCount, events } });
		if (action === 'POST reset') {
			reset();
			return writeJson(res, { status: 204 });
		}
		if (action === 'POST callback') {
			try {
				const { url } = JSON.parse(body) as { url?: string | null };
				feedback.setCallbackUrl(url ?? undefined);
			} catch (error) {
				return writeJson(res, badRequest(`Not a callback: ${(error as Error).message}`));
			}
			return writeJson(res, { status: 204 });
		}
		if (action === 'POST faults') {
			try {
				faults.add(JSON.parse(body) as FaultSpec);
			} catch (error) {
				return writeJson(res, badRequest(`Not a fault spec: ${(error as Error).message}`));
			}
			return writeJson(res, { status: 204 });
		}
		return writeJson(res, notFound('No such control endpoint'));
	}

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const target = req.url ?? '/';
			const queryAt = target.indexOf('?');
			const path = queryAt === -1 ? target : target.slice(0, queryAt);
			const query = queryAt === -1 ? '' : target.slice(queryAt + 1);
			if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(req, res, path, body);
			handleApiRequest(req, res, path, query, body).catch((error: Error) => {
				if (!res.headersSent) writeJson(res, { status: 500, body: { message: error.message } });
			});
		});
	});
	server.keepAliveTimeout = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
	if (options.headersTimeoutMs) {
		server.headersTimeout = options.headersTimeoutMs;
		server.requestTimeout = Math.max(server.requestTimeout, options.headersTimeoutMs);
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve);
	});
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}${SANDBOX_BASE_PATH}`,
		integrationId,
		secret,
		requests,
		events,
		get eventCount() {
			return eventCount;
		},
		injectFault: (spec) => faults.add(spec),
		clearFaults: () => faults.clear(),
		reset,
		setCallbackUrl: (url) => feedback.setCallbackUrl(url),
		feedbackDeliveries: feedback.deliveries,
		feedbackSettled: () => feedback.settled(),
		close: async () => {
			await feedback.close();
			for (const timer of pendingDelays) clearTimeout(timer);
			pendingDelays.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** The integration ID and endpoint of an API path, or undefined when it is not one. */
function routeOf(path: string): { integrationId: string; endpoint: string } | undefined {
	if (!path.startsWith(INTEGRATION_PREFIX)) return undefined;
	const rest = path.slice(INTEGRATION_PREFIX.length);
	const slashAt = rest.indexOf('/');
	if (slashAt <= 0) return undefined;
	try {
		return {
			integrationId: decodeURIComponent(rest.slice(0, slashAt)),
			endpoint: rest.slice(slashAt + 1),
		};
	} catch {
		return undefined;
	}
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function notFound(message: string): Reply {
	return { status: 404, body: { message } };
}

function send(res: ServerResponse, recorded: RecordedRequest, reply: Reply): void {
	recorded.status = reply.status;
	writeJson(res, reply);
}

function sendFault(res: ServerResponse, recorded: RecordedRequest, fault: FaultSpec): void {
	if (fault.kind === 'drop') {
		res.socket?.destroy();
		return;
	}
	const { status, message } = FAULT_REPLIES[fault.kind] ?? {
		status: 500,
		message: 'Internal Server Error',
	};
	recorded.status = status;
	const headers: Record<string, string> = {};
	if (fault.kind === 'status429') {
		headers['retry-after'] = String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
	}
	if (fault.kind.startsWith('redirect') && fault.location) {
		const query = recorded.query === '' ? '' : `?${recorded.query}`;
		headers.location = `${fault.location}${recorded.path}${query}`;
	}
	writeJson(res, { status, body: { message } }, headers);
}

function writeJson(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
	const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		...headers,
		...(payload === '' ? {} : { 'content-type': 'application/json' }),
		'content-length': Buffer.byteLength(payload),
	});
	res.end(payload);
}
