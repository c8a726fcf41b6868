import type { IDataObject } from 'n8n-workflow';
import { actionTimeToIso } from './actionTime';

/** Fields of Mapp's feedback entry (docs/mapp-connect-api.md); an object with none of them is not feedback. */
const FEEDBACK_FIELDS = [
	'errorCode',
	'description',
	'mappingName',
	'integration_id',
	'uuid',
	'actionTime',
];

/**
 * How deep objects and arrays may nest in a body. Mapp's feedback nests 3 levels (the array, an entry, its
 * actionParams), actionParams holding the event as it was sent, which may nest a few more. n8n copies and stores
 * the items with recursive functions that fail a few thousand levels down, which a 10 KB body reaches.
 */
export const MAX_BODY_DEPTH = 32;

/** A JSON type with a structured syntax suffix (RFC 6839), such as `application/problem+json`. */
const JSON_SUFFIX_TYPE = /^application\/[a-z0-9!#$&^_.+-]+\+json$/;

/** Whether a Content-Type header announces JSON, whatever its parameters (a charset); a missing one does not. */
export function isJsonContentType(header: unknown): boolean {
	if (typeof header !== 'string') return false;
	const mediaType = header.split(';')[0].trim().toLowerCase();
	return mediaType === 'application/json' || JSON_SUFFIX_TYPE.test(mediaType);
}

export type FeedbackBody = { entries: IDataObject[] } | { problem: string };

/** Reads a callback body: one feedback entry or an array of them, nothing else. */
export function readFeedbackBody(rawBody: string): FeedbackBody {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody);
	} catch {
		return { problem: 'The body is not JSON' };
	}
	if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {
		return { problem: `The body nests deeper than ${MAX_BODY_DEPTH} levels` };
	}
	const entries = Array.isArray(parsed) ? parsed : [parsed];
	if (entries.length === 0) return { problem: 'The body holds no feedback entries' };
	const notFeedback = entries.findIndex((entry) => !isFeedbackEntry(entry));
	if (notFeedback >= 0) {
		return {
			problem: Array.isArray(parsed)
				? `Entry ${notFeedback} of the body is not a Mapp feedback entry`
				: 'The body is not a Mapp feedback entry',
		};
	}
	return { entries: entries as IDataObject[] };
}

/** Walks the parsed body with a list of its own rather than by recursion, which a deep body would overflow. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
	const pending: Array<{ container: object; depth: number }> = [];
	if (typeof value === 'object' && value !== null) pending.push({ container: value, depth: 1 });
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		if (next.depth > limit) return true;
		for (const child of Object.values(next.container) as unknown[]) {
			if (typeof child === 'object' && child !== null) {
				pending.push({ container: child, depth: next.depth + 1 });
			}
		}
	}
	return false;
}

function isFeedbackEntry(value: unknown): value is IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	return FEEDBACK_FIELDS.some((field) => field in value);
}

export interface FeedbackFilters {
	/** Keep only entries with one of these error codes; empty keeps all. */
	errorCodes: string[];
	/** Keep only entries of these mappings (the event subtypes); empty keeps all. */
	mappingNames: string[];
	/** Keep only entries of this integration; '' keeps all. */
	integrationId: string;
}

/** A filter option as the user types it: a comma-separated list. */
export function listOf(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((value) => value.trim())
		.filter((value) => value !== '');
}

export function passesFilters(entry: IDataObject, filters: FeedbackFilters): boolean {
	return (
		isOneOf(entry.errorCode, filters.errorCodes) &&
		isOneOf(entry.mappingName, filters.mappingNames) &&
		(filters.integrationId === '' || sameText(entry.integration_id, filters.integrationId))
	);
}

function isOneOf(value: unknown, allowed: string[]): boolean {
	return allowed.length === 0 || allowed.some((candidate) => sameText(value, candidate));
}

function sameText(value: unknown, expected: string): boolean {
	return typeof value === 'string' && value.trim().toLowerCase() === expected.toLowerCase();
}

/** The entry as Mapp sent it, with `actionTime` as ISO 8601 where it can be read and the original in `actionTimeRaw`. */
export function toOutputJson(entry: IDataObject): IDataObject {
	if (entry.actionTime === undefined) return { ...entry };
	return {
		...entry,
		actionTime: actionTimeToIso(entry.actionTime) ?? entry.actionTime,
		actionTimeRaw: entry.actionTime,
	};
}
