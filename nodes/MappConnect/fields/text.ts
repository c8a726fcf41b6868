/** Fields of one value: text, email, mobile number, decimal, URL, date, and switches. */
import type { INodeProperties } from 'n8n-workflow';
import type { Field } from './field';
import { switchOn, valueField } from './field';
import { converted, convertedValue, invalidField } from './problems';
import {
	isDecimalNumber,
	isEmailAddress,
	isEmpty,
	isHttpUrl,
	phoneNumberOf,
	toMappString,
} from './values';
import { toEpochMilliseconds, toIsoDate } from './dates';

export interface TextSpec {
	/** The parameter's name (kept as it is in saved workflows). */
	name: string;
	displayName: string;
	/** The event key the value goes to, when it is not the parameter's name. */
	key?: string;
	description?: string;
	placeholder?: string;
	required?: boolean;
	default?: string;
}

/** The n8n property of a one-value field; the optional keys only when they are set. */
function propertyOf(spec: TextSpec, type: 'string' | 'dateTime'): INodeProperties {
	const defaultValue = spec.default ?? '';
	return {
		displayName: spec.displayName,
		name: spec.name,
		type,
		default: defaultValue,
		...(spec.required ? { required: true } : {}),
		...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
		...(spec.description ? { description: spec.description } : {}),
	};
}

/**
 * A text field sent as a string; numbers an expression returns become strings. `check` returns
 * what is wrong with a non-empty value, or undefined; `normalise` turns a valid value into what
 * Mapp expects.
 */
export function textField(
	spec: TextSpec,
	check?: (value: string) => string | undefined,
	normalise?: (value: string) => string,
): Field<string | undefined> {
	return valueField({
		label: spec.displayName,
		key: spec.key ?? spec.name,
		properties: [propertyOf(spec, 'string')],
		read(params) {
			const value = convertedValue(
				params,
				spec.displayName,
				toMappString,
				params.get<unknown>(spec.name, ''),
			);
			if (value === undefined) {
				if (spec.required) throw invalidField(params, spec.displayName, 'is required');
				return undefined;
			}
			const problem = check?.(value);
			if (problem) throw invalidField(params, spec.displayName, problem);
			return normalise ? normalise(value) : value;
		},
	});
}

export function emailField(spec: TextSpec): Field<string | undefined> {
	return textField({ placeholder: 'name@email.com', ...spec }, (value) =>
		isEmailAddress(value) ? undefined : 'is not a valid email address',
	);
}

/** A mobile number, sent as checked: `+49 (151) 123-45` goes out as `+4915112345`. */
export function phoneField(spec: TextSpec): Field<string | undefined> {
	return textField(
		{ placeholder: 'e.g. +48666777888', ...spec },
		(value) =>
			phoneNumberOf(value)
				? undefined
				: 'is not a valid mobile number (digits, optionally starting with +)',
		(value) => phoneNumberOf(value) ?? value,
	);
}

/** A number entered as text and sent as a string, as Mapp's examples send prices ("15"). */
export function decimalField(spec: TextSpec): Field<string | undefined> {
	return textField(spec, (value) =>
		isDecimalNumber(value) ? undefined : 'must be a number, like 19.99',
	);
}

export function urlField(spec: TextSpec): Field<string | undefined> {
	return textField(spec, (value) =>
		isHttpUrl(value) ? undefined : 'must be a URL starting with http:// or https://',
	);
}

/**
 * A date, read by the package's one date rule (fields/dates.ts: a date without a zone is in the
 * workflow's time zone; 10 digits are epoch seconds, 13 epoch milliseconds) and sent as ISO 8601
 * in UTC. With `acceptEpochMilliseconds` (Mapp's `createdAt`), epoch values are sent as epoch
 * milliseconds, as Mapp documents them, and other dates as ISO 8601.
 */
export function dateField(
	spec: TextSpec & { acceptEpochMilliseconds?: boolean },
): Field<string | undefined> {
	return valueField({
		label: spec.displayName,
		key: spec.key ?? spec.name,
		properties: [propertyOf(spec, spec.acceptEpochMilliseconds ? 'string' : 'dateTime')],
		read(params) {
			const value = params.get<unknown>(spec.name, '');
			if (isEmpty(value)) {
				if (spec.required) throw invalidField(params, spec.displayName, 'is required');
				return undefined;
			}
			const isEpoch =
				typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value));
			const format = spec.acceptEpochMilliseconds && isEpoch ? toEpochMilliseconds : toIsoDate;
			return converted(params, spec.displayName, () => format(value, params.timeZone));
		},
	});
}

interface SwitchSpec {
	name: string;
	displayName: string;
	description: string;
}

/** A switch that sends `whenOn` under its name when on, and nothing when off. */
function switchField<T>(spec: SwitchSpec, whenOn: T): Field<T | undefined> {
	return valueField({
		label: spec.displayName,
		key: spec.name,
		properties: [
			{
				displayName: spec.displayName,
				name: spec.name,
				type: 'boolean',
				default: false,
				description: spec.description,
			},
		],
		read: (params) => (switchOn(params, spec.name, spec.displayName) ? whenOn : undefined),
	});
}

/** A switch that sends `"true"` when on and nothing when off, as Mapp's page sends its flags. */
export function flagField(spec: SwitchSpec): Field<string | undefined> {
	return switchField(spec, 'true');
}

/**
 * A switch that sends the JSON boolean `true` when on and nothing when off, as Mapp's shop plugins
 * send the newsletter flags (docs/mapp-connect-api.md, "Newsletter").
 */
export function booleanFlagField(spec: SwitchSpec): Field<boolean | undefined> {
	return switchField(spec, true);
}
