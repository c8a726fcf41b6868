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

export type FeedbackBody = { entries: IDataObject[] } | { problem: string };

/** Reads a callback body: one feedback entry or an array of them, nothing else. */
export function readFeedbackBody(rawBody: string): FeedbackBody {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody);
	} catch {
		return { problem: 'The body is not JSON' };
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
