/** Everything the package knows about Mapp Connect's URLs and limits, each defined once. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { checkedBaseUrl } from './urls';

export const MAPP_SYSTEMS = [
	{ value: 'euL3', name: 'EU (L3)', baseUrl: 'https://jamie.g.shortest-route.com/charon/api/v1' },
	{ value: 'usL3', name: 'US (L3)', baseUrl: 'https://jamie.a.shortest-route.com/charon/api/v1' },
	{ value: 'emcEu', name: 'EMC (EU)', baseUrl: 'https://jamie.h.shortest-route.com/charon/api/v1' },
	{ value: 'emcUs', name: 'EMC (US)', baseUrl: 'https://jamie.c.shortest-route.com/charon/api/v1' },
] as const;

export const CUSTOM_SYSTEM = 'custom';

/** Mapp discards a whole batch request (400) that holds more events than this. */
export const MAX_EVENTS_PER_BATCH = 1000;

/** The request hash covers the path from this marker on; a proxy prefix such as `/charon` is cut off. */
export const SIGNED_PATH_MARKER = '/api/v';

export const API_PATHS = {
	ping: 'ping',
	groups: 'group',
	createGroups: 'genericgroup',
	emailMessages: 'message',
	smsMessages: 'message/sms',
	pushMessages: 'message/push',
	mobileApps: 'mobile-app',
	messageHistory: 'message/history',
	event: 'event',
	batch: 'event/batch',
	connect: 'connect',
} as const;

export type ApiPath = (typeof API_PATHS)[keyof typeof API_PATHS];

/** Path of an endpoint of one integration, relative to the system's base URL. */
export function integrationPath(integrationId: string, path: ApiPath): string {
	return `${integrationRoot(integrationId)}/${path}`;
}

function integrationRoot(integrationId: string): string {
	return `/integration/${encodeURIComponent(integrationId)}`;
}

/**
 * What an Integration ID may hold: it is one segment of every request's path, so only characters
 * that stay themselves there. Mapp's IDs are UUIDs (hex digits and dashes); `.`, `..`, `/`, `%`,
 * `?`, `#` and spaces would change where a request goes.
 */
const INTEGRATION_ID = /^[A-Za-z0-9_-]+$/;

const COPY_FROM_MAPP =
	"copy it from the integration's page in Mapp Engage (Data Management → Mapp Connect)";

/**
 * The credential's integration as a URL, `<base URL>/integration/<id>` without a trailing slash,
 * after checking every value that goes into it. Every request the package signs passes here, so
 * a value that would send a request elsewhere than the integration is refused before anything is
 * sent, with an error that names the credential field to fix.
 */
export function integrationBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return `${systemBaseUrl(credentials.system, credentials.baseUrl)}/integration/${integrationIdOf(credentials.integrationId)}`;
}

function integrationIdOf(value: unknown): string {
	const id = typeof value === 'string' ? value : '';
	if (id === '') throw new Error(`Integration ID is empty: ${COPY_FROM_MAPP}`);
	if (!INTEGRATION_ID.test(id)) {
		throw new Error(
			`Integration ID may hold only letters, digits, "-" and "_" (no spaces, dots or slashes): ${COPY_FROM_MAPP}`,
		);
	}
	return id;
}

function systemBaseUrl(system: unknown, customBaseUrl: unknown): string {
	if (system === CUSTOM_SYSTEM) return checkedBaseUrl(customBaseUrl);
	const known = MAPP_SYSTEMS.find((candidate) => candidate.value === system);
	if (!known)
		throw new Error(
			'System is not one this node knows: choose a Mapp system from the list, or Custom',
		);
	return known.baseUrl;
}

/**
 * Default subtype of each kind of event. The names must match the integration's mapping in
 * Mapp, so every operation lets the user override them.
 */
export const DEFAULT_SUBTYPES = {
	user: 'user',
	newsletter: 'newsletter', // docs/mapp-connect-api.md, "Newsletter"
	email: 'email',
	sms: 'sms',
	push: 'push',
	transaction: 'transaction',
	product: 'product',
	abandonedCart: 'abandonedcart',
	wishlist: 'wishlist',
	browse: 'browse', // UNVERIFIED name (docs/mapp-connect-api.md)
	recommendation: 'recommendation', // UNVERIFIED name (docs/mapp-connect-api.md)
	coupon: 'coupon',
	relatedData: 'relateddata', // UNVERIFIED name (docs/mapp-connect-api.md)
	automation: 'automation', // docs/mapp-connect-api.md, "Automation events"
} as const;

/**
 * The key an automation event carries its event name under, as both of Mapp's doc pages on
 * automation events show it (docs/mapp-connect-api.md, "Automation events"); overridable.
 */
export const AUTOMATION_EVENT_NAME_KEY = 'external_event';

/**
 * The system's base URL as an n8n expression over the credential's `system` and `baseUrl`, for the
 * node's `requestDefaults`: built from MAPP_SYSTEMS so that the URLs stay defined once.
 */
export const BASE_URL_EXPRESSION = `={{ $credentials.system === ${JSON.stringify(CUSTOM_SYSTEM)} ? String($credentials.baseUrl).replace(/\\/+$/, "") : ${JSON.stringify(
	Object.fromEntries(MAPP_SYSTEMS.map((system) => [system.value, system.baseUrl])),
)}[$credentials.system] }}`;

const INTEGRATION_ID_PLACEHOLDER = 'INTEGRATION_ID';

/**
 * The base URL of the credential's integration, `…/api/v1/integration/{id}`, as an n8n expression:
 * the node's `requestDefaults.baseURL` (routing evaluates `$credentials` only there), so that each
 * operation's `url` is its endpointUrl().
 */
export const INTEGRATION_BASE_URL_EXPRESSION =
	BASE_URL_EXPRESSION +
	integrationRoot(INTEGRATION_ID_PLACEHOLDER).replace(
		INTEGRATION_ID_PLACEHOLDER,
		'{{ encodeURIComponent($credentials.integrationId) }}',
	);

/** An endpoint's URL relative to INTEGRATION_BASE_URL_EXPRESSION, for routing. */
export function endpointUrl(path: ApiPath): string {
	return `/${path}`;
}

/**
 * Deadline of one request (the Request Options' Timeout overrides it): Mapp's own clients give
 * up after 10-30 s, and a request without an answer by then is retried or reported.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Rows asked for per page of the message history (`numberOfRows`); Mapp's maximum is not documented. */
export const HISTORY_PAGE_SIZE = 100;

/** The name of the credential type (credentials/MappConnectApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'mappConnectApi';
