/**
 * The workflows of `npm run bench:n8n`, generated: Manual Trigger → a Code node generating the contacts → either
 * the Mapp Connect node, or what a user builds without it (a Code node signing each request, then the HTTP Request
 * node sending one request per item).
 */
import type { INodeParameters } from 'n8n-workflow';
import {
	API_PATHS,
	AUTH_TOKEN_HEADER,
	DEFAULT_SUBTYPES,
	SIGNED_PATH_MARKER,
	TOKEN_LIFETIME_SECONDS,
	integrationPath,
} from '../product';
import { SANDBOX_CREDENTIAL } from './examples';
import { PACKAGE_NAME } from './paths';

export const NODE_NAMES = {
	start: 'Start',
	contacts: 'Contacts',
	sign: 'Sign each request',
	httpRequest: 'HTTP Request',
	mapp: 'Mapp Connect',
} as const;

export interface SandboxAddress {
	baseUrl: string;
	integrationId: string;
	secret: string;
}

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }>;
	settings: { executionOrder: 'v1' };
}

/** What the path's last node(s) do with the contacts: the HTTP Request path, or Mapp Connect with these parameters. */
export type PathNodes = { kind: 'httpRequest' } | { kind: 'mapp'; parameters: INodeParameters };

/**
 * The contacts of the workflow tests' `contacts()` (tooling/harness/batch-fixtures.ts), generated in the workflow
 * so that 100,000 of them need not travel inside it; the quick mode checks that the sandbox receives exactly those.
 */
export function contactsCode(count: number): string {
	return `const cities = ['Berlin', 'Munich', 'Hamburg', 'Vienna', 'Zurich'];
return Array.from({ length: ${count} }, (_, i) => ({
	json: {
		email: \`contact\${String(i).padStart(6, '0')}@example.com\`,
		group: String(100 + (i % 3)),
		firstName: \`First\${i}\`,
		city: cities[i % cities.length],
		score: i % 100,
	},
}));`;
}

/** The URL a user enters in the HTTP Request node for one user event. */
export function eventUrl(sandbox: SandboxAddress): string {
	return `${sandbox.baseUrl}${integrationPath(sandbox.integrationId, API_PATHS.event)}?subtype=${DEFAULT_SUBTYPES.user}`;
}

/**
 * What a user writes in a Code node (with `NODE_FUNCTION_ALLOW_BUILTIN=crypto`) to call Mapp Connect without this
 * package, following Mapp's signing rules: the event body as a string, and an HS256 JWT over the SHA-1 of
 * `path|body|query`, for the HTTP Request node to send as they are.
 */
export function signingCode(sandbox: SandboxAddress): string {
	const url = new URL(eventUrl(sandbox));
	const signedPath = url.pathname.slice(url.pathname.indexOf(SIGNED_PATH_MARKER));
	return `const crypto = require('crypto');
const secret = ${JSON.stringify(sandbox.secret)};
const path = ${JSON.stringify(signedPath)};
const query = ${JSON.stringify(url.search.slice(1))};
const base64url = (text) => Buffer.from(text).toString('base64url');
const header = base64url(JSON.stringify({ alg: 'HS256' }));
const exp = Math.floor(Date.now() / 1000) + ${TOKEN_LIFETIME_SECONDS};
return $input.all().map(({ json }) => {
	const body = JSON.stringify({ email: json.email, group: json.group, firstName: json.firstName, city: json.city, score: String(json.score) });
	const hash = crypto.createHash('sha1').update(path + '|' + body + '|' + query).digest('hex');
	const claims = base64url(JSON.stringify({ 'request-hash': hash, exp }));
	const signature = crypto.createHmac('sha256', secret).update(header + '.' + claims).digest('base64url');
	return { json: { body, token: header + '.' + claims + '.' + signature } };
});`;
}

function codeNode(name: string, jsCode: string, x: number): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [x, 0],
		parameters: { jsCode },
	};
}

function httpRequestNode(sandbox: SandboxAddress, x: number): WorkflowNode {
	return {
		name: NODE_NAMES.httpRequest,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: {
			method: 'POST',
			url: eventUrl(sandbox),
			sendHeaders: true,
			headerParameters: { parameters: [{ name: AUTH_TOKEN_HEADER, value: '={{ $json.token }}' }] },
			sendBody: true,
			contentType: 'raw',
			rawContentType: 'application/json',
			body: '={{ $json.body }}',
			options: {},
		},
	};
}

/** Mapp Connect with these parameters; version 1 unless given, as the paths measured before version 2 ran. */
export function mappNode(parameters: INodeParameters, x: number, typeVersion = 1): WorkflowNode {
	return {
		name: NODE_NAMES.mapp,
		type: `${PACKAGE_NAME}.mappConnect`,
		typeVersion,
		position: [x, 0],
		parameters,
		credentials: {
			[SANDBOX_CREDENTIAL.type]: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
		},
	};
}

export function benchWorkflow(
	name: string,
	items: number,
	path: PathNodes,
	sandbox: SandboxAddress,
): WorkflowJson {
	const nodes: WorkflowNode[] = [
		{
			name: NODE_NAMES.start,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		codeNode(NODE_NAMES.contacts, contactsCode(items), 220),
		...(path.kind === 'httpRequest'
			? [codeNode(NODE_NAMES.sign, signingCode(sandbox), 440), httpRequestNode(sandbox, 660)]
			: [mappNode(path.parameters, 440)]),
	];
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** The nodes whose execution time is the path's node time. */
export function timedNodes(path: PathNodes): string[] {
	return path.kind === 'httpRequest'
		? [NODE_NAMES.sign, NODE_NAMES.httpRequest]
		: [NODE_NAMES.mapp];
}
