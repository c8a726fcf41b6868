import { API_PATHS, MAX_EVENTS_PER_BATCH } from '../product';
import fixtures from './fixtures.json';

export interface Reply {
	status: number;
	/** Sent as JSON; no body when undefined. */
	body?: unknown;
}

export interface EndpointRequest {
	/** Sequence number of the recorded request. */
	seq: number;
	integrationId: string;
	params: URLSearchParams;
	body: string;
}

/** What the endpoints change: the groups, and the events they accept. */
export interface EndpointState {
	groups: Record<string, string>;
	acceptEvents(
		request: EndpointRequest,
		subtype: string,
		events: Array<Record<string, unknown>>,
		batch: boolean,
	): void;
}

type Endpoint = (request: EndpointRequest, state: EndpointState) => Reply;

/** The fixture's groups, as a fresh copy that `genericgroup` may add to. */
export function initialGroups(): Record<string, string> {
	return { ...fixtures.groups };
}

/** Endpoints by `METHOD path`, the path relative to `/integration/{id}/`. */
export const ENDPOINTS: Record<string, Endpoint> = {
	[`GET ${API_PATHS.ping}`]: ({ integrationId }) =>
		ok({ pong: true, integrationId, timestamp: Date.now() }),
	[`GET ${API_PATHS.groups}`]: (_request, state) => ok(state.groups),
	[`GET ${API_PATHS.emailMessages}`]: () => ok(fixtures.emailMessages),
	[`GET ${API_PATHS.smsMessages}`]: () => ok(fixtures.smsMessages),
	[`GET ${API_PATHS.pushMessages}`]: () => ok(fixtures.pushMessages),
	[`GET ${API_PATHS.mobileApps}`]: () => ok(fixtures.mobileApps),
	[`GET ${API_PATHS.messageHistory}`]: messageHistory,
	[`POST ${API_PATHS.event}`]: singleEvent,
	[`POST ${API_PATHS.batch}`]: eventBatch,
	[`POST ${API_PATHS.createGroups}`]: createGroups,
	[`POST ${API_PATHS.connect}`]: connect,
	// UNVERIFIED call and shape: no Mapp client sends it (docs/mapp-connect-api.md, "Integration calls");
	// the answer saved workflows using Get Connection have always had here.
	[`GET ${API_PATHS.connect}`]: ({ integrationId }) => ok({ integrationId, connected: true }),
};

/** UNVERIFIED: Mapp's default page size is not documented. */
const DEFAULT_HISTORY_ROWS = 10;

function messageHistory({ params }: EndpointRequest): Reply {
	const email = params.get('userEmail');
	if (!email) return badRequest('Missing userEmail');
	const numberOfRows = integerParam(params, 'numberOfRows', DEFAULT_HISTORY_ROWS);
	const offset = integerParam(params, 'offset', 0);
	if (numberOfRows === undefined || numberOfRows < 1)
		return badRequest('numberOfRows must be a positive integer');
	if (offset === undefined) return badRequest('offset must be a non-negative integer');
	const history: Record<string, unknown[]> = fixtures.messageHistory;
	const rows = history[email.toLowerCase()] ?? [];
	return ok({ historyItems: rows.slice(offset, offset + numberOfRows) });
}

function singleEvent(request: EndpointRequest, state: EndpointState): Reply {
	const { params, body } = request;
	const subtype = params.get('subtype');
	if (!subtype) return badRequest('Missing subtype');
	const event = parseJson(body);
	if (event === undefined) return badRequest('The body is not JSON');
	if (!isObject(event)) return badRequest('An event must be a JSON object');
	state.acceptEvents(request, subtype, [event], false);
	return { status: 200 };
}

function eventBatch(request: EndpointRequest, state: EndpointState): Reply {
	const { params, body } = request;
	const subtype = params.get('subtype');
	if (!subtype) return badRequest('Missing subtype');
	const events = parseJson(body);
	if (events === undefined) return badRequest('The body is not JSON');
	if (!Array.isArray(events)) return badRequest('A batch must be a JSON array of events');
	if (events.length > MAX_EVENTS_PER_BATCH) {
		return badRequest(
			`A batch holds at most ${MAX_EVENTS_PER_BATCH} events, this one ${events.length}`,
		);
	}
	const notAnObject = events.findIndex((event) => !isObject(event));
	if (notAnObject !== -1)
		return badRequest(`Event ${notAnObject} of the batch is not a JSON object`);
	state.acceptEvents(request, subtype, events as Array<Record<string, unknown>>, true);
	return { status: 200 };
}

function createGroups({ body }: EndpointRequest, state: EndpointState): Reply {
	const request = parseJson(body);
	const groupNames = isObject(request) ? request.groupNames : undefined;
	if (
		!Array.isArray(groupNames) ||
		!groupNames.every((name) => typeof name === 'string' && name !== '')
	) {
		return badRequest('The body must be {"groupNames": [names]}');
	}
	const groupNamesAndIds: Record<string, number> = {};
	for (const name of groupNames as string[]) {
		const existing = Object.keys(state.groups).find((id) => state.groups[id] === name);
		const id = existing ?? String(Math.max(0, ...Object.keys(state.groups).map(Number)) + 1);
		state.groups[id] = name;
		groupNamesAndIds[name] = Number(id);
	}
	return ok({ groupNamesAndIds });
}

/**
 * Mapp's clients always POST a JSON object (`{"params": {…}}`, or the Salesforce plugin's group
 * settings). UNVERIFIED answer: its shape depends on the integration type; this stand-in says
 * which configuration keys it took.
 */
function connect({ integrationId, body }: EndpointRequest): Reply {
	const configuration = parseJson(body);
	if (!isObject(configuration)) return badRequest('The body must be a JSON object');
	return ok({ integrationId, connected: true, configured: Object.keys(configuration) });
}

function ok(body: unknown): Reply {
	return { status: 200, body };
}

export function badRequest(message: string): Reply {
	return { status: 400, body: { message } };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerParam(params: URLSearchParams, name: string, fallback: number): number | undefined {
	const raw = params.get(name);
	if (raw === null) return fallback;
	return /^\d+$/.test(raw) ? Number(raw) : undefined;
}
