/**
 * Conversions from what a user enters (or maps with an expression) to the values Mapp expects.
 * A value that cannot be converted throws an InvalidValue saying what is wrong with it; the field
 * that read it adds its name and the item (converted(), problems.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { validateFieldType } from 'n8n-workflow';
import { isDateLike, toIsoDate } from './dates';
import { parseJsonText } from './json';
import { InvalidValue } from './problems';

/** True for what a user leaves empty: undefined, null, '' or only spaces. */
export function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * Mapp's examples send every scalar as a string: `"price":"15"`, `"delete":"true"`. `key` names
 * the value inside an object in the problem.
 */
export function toMappString(value: unknown, key?: string): string | undefined {
	if (typeof value === 'string') {
		const text = value.trim();
		return text === '' ? undefined : text;
	}
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	// a Date or Luxon DateTime is an instant: no time zone is needed to read it
	if (value instanceof Date || isDateLike(value)) return toIsoDate(value, 'UTC');
	const subject = key === undefined ? 'must' : `value of "${key}" must`;
	throw new InvalidValue(`${subject} be text, a number or a boolean, not ${describe(value)}`);
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return String(value);
	return `an ${typeof value}`;
}

/**
 * An on/off switch (Dry Run, Send Empty Values, Double Opt-In) as an expression may give it: a
 * boolean, the text "true"/"false", or what n8n's own boolean check takes (1/0). Anything else is
 * refused rather than read as off, so that no "yes" ever sends for real; so is nothing (empty
 * text, null, an empty list, a field the item lacks): a switch the editor sets is always a
 * boolean, so nothing comes only from an expression, such as `{{ $json.dyr }}` for `dry`.
 */
export function toSwitch(value: unknown): boolean {
	// Read for every item of a batch (Dry Run, Send Empty Values): a set switch is a boolean already.
	if (typeof value === 'boolean') return value;
	if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) {
		throw new InvalidValue(
			'must be true or false, but its expression gave nothing (is the field it reads missing?)',
		);
	}
	// n8n's check takes a list or an object for 0 or 1 (Number([]) is 0): only text and numbers go to it
	const checked =
		typeof value === 'string' || typeof value === 'number'
			? validateFieldType('', value, 'boolean')
			: undefined;
	if (!checked?.valid || typeof checked.newValue !== 'boolean') {
		throw new InvalidValue(`must be true or false, not ${JSON.stringify(value) ?? String(value)}`);
	}
	return checked.newValue;
}

/** The object without the keys whose value is empty. */
export function withoutEmpty(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => !isEmpty(value)));
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDateLike(value);
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
	return EMAIL_PATTERN.test(value);
}

/**
 * An international or local phone number as it is sent: its digits with an optional leading +,
 * once the separators people write (spaces, dashes, dots, parentheses) are taken out, so that
 * what goes out is what was checked (no line break or tab inside); undefined when it is none.
 */
export function phoneNumberOf(value: string): string | undefined {
	const digits = value.replace(/[\s().-]/g, '');
	return /^\+?\d{5,15}$/.test(digits) ? digits : undefined;
}

export function isDecimalNumber(value: string): boolean {
	return /^-?\d+(\.\d+)?$/.test(value);
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * An object from text: JSON, or Mapp's CSV-export notation `{'description':'x','price':'567'}`
 * (single quotes). A value that already is an object (an expression's result) is taken as it is.
 * Either way it is held to the rules of every body (checkStructure); `maxLength` bounds its JSON.
 */
export function parseObject(
	value: unknown,
	{ allowMappNotation = false, maxLength = Infinity } = {},
): IDataObject {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		checkLength(text.length, maxLength);
		const json = parseJsonText(text);
		if ('value' in json) parsed = json.value;
		else if (allowMappNotation && text.includes("'")) parsed = parseMappNotation(text);
		else throw new InvalidValue(json.problem);
	} else if (!isPlainObject(value)) throw new InvalidValue('must be a JSON object');
	if (!isPlainObject(parsed))
		throw new InvalidValue('must be a JSON object, like {"name": "value"}');
	checkStructure(parsed);
	// an object an expression gave is measured as the JSON it is sent as, once it is known to be shallow
	if (typeof value !== 'string' && maxLength !== Infinity)
		checkLength(JSON.stringify(parsed).length, maxLength);
	return parsed;
}

function checkLength(length: number, maxLength: number): void {
	if (length > maxLength) {
		const figure = (n: number) => n.toLocaleString('en-US');
		throw new InvalidValue(
			`is too large: ${figure(length)} characters of JSON, at most ${figure(maxLength)}`,
		);
	}
}

/** Mapp's CSV-export notation: a flat object whose keys and values are quoted with ' or ". */
function parseMappNotation(text: string): IDataObject {
	const invalid = () => new InvalidValue(`is neither JSON nor Mapp's notation {'name':'value'}`);
	let position = 0;
	const skipSpaces = () => {
		while (/\s/.test(text[position] ?? '')) position++;
	};
	const expect = (character: string) => {
		skipSpaces();
		if (text[position] !== character) throw invalid();
		position++;
	};
	const quoted = (): string => {
		skipSpaces();
		const quote = text[position];
		if (quote !== "'" && quote !== '"') throw invalid();
		let result = '';
		for (position++; position < text.length; position++) {
			const character = text[position];
			if (character === '\\' && position + 1 < text.length) result += text[++position];
			else if (character === quote) {
				position++;
				return result;
			} else result += character;
		}
		throw invalid();
	};

	const result: IDataObject = {};
	expect('{');
	skipSpaces();
	if (text[position] === '}') position++;
	else {
		for (;;) {
			const key = checkName(quoted());
			expect(':');
			result[key] = quoted();
			skipSpaces();
			if (text[position] === ',') {
				position++;
				continue;
			}
			expect('}');
			break;
		}
	}
	skipSpaces();
	if (position !== text.length) throw invalid();
	return result;
}

/** A JSON array from text, or an array an expression returned. */
export function parseArray(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value !== 'string') throw new InvalidValue('must be a JSON array');
	const json = parseJsonText(value);
	if ('problem' in json) throw new InvalidValue(json.problem);
	const parsed = json.value;
	if (!Array.isArray(parsed)) throw new InvalidValue('must be a JSON array, like [{"sku": "A-1"}]');
	return parsed;
}

/**
 * The one rule for keys in every body: names that reach an object's prototype chain instead of
 * being one of its keys. `__proto__` would change the prototype of the object it is set on (and
 * JSON.parse keeps it as a key); `constructor` and `prototype` together lead any code that merges
 * the event (a later node, a receiver) to Object.prototype. Refused wherever a key goes out: named
 * by the user, in a JSON body (top level or nested), in an input item.
 */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest a JSON body may nest: Mapp's events are a few levels deep, and a walk must not overflow. */
export const MAX_JSON_DEPTH = 100;

export function checkName(name: string): string {
	if (FORBIDDEN_NAMES.has(name)) throw new InvalidValue(`must not use the name "${name}"`);
	return name;
}

/**
 * Holds a JSON structure to the rules of every body: no key the one rule refuses, at any depth
 * (`path` names where), and no deeper than MAX_JSON_DEPTH.
 */
export function checkStructure(value: unknown, path = '', depth = 0): void {
	if (value === null || typeof value !== 'object' || value instanceof Date || isDateLike(value))
		return;
	if (depth >= MAX_JSON_DEPTH)
		throw new InvalidValue(`nests deeper than ${MAX_JSON_DEPTH} levels (at ${path})`);
	const isList = Array.isArray(value);
	for (const [key, entry] of Object.entries(value)) {
		if (!isList && FORBIDDEN_NAMES.has(key))
			throw new InvalidValue(`must not use the name "${key}"${path ? ` (in ${path})` : ''}`);
		checkStructure(entry, isList ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth + 1);
	}
}

/** Mapp strings by name: every scalar converted, empty values left out (or "" with `keepEmpty`), nested values refused. */
export function toMappStringMap(object: IDataObject, keepEmpty = false): Map<string, string> {
	const result = new Map<string, string>();
	for (const [key, value] of Object.entries(object)) {
		const converted = toMappString(value, checkName(key)) ?? (keepEmpty ? '' : undefined);
		if (converted !== undefined) result.set(key, converted);
	}
	return result;
}

/** The same as a plain object. */
export function toMappStrings(object: IDataObject): IDataObject {
	return Object.fromEntries(toMappStringMap(object));
}

/**
 * A whole structure (an item's JSON) with its scalars as Mapp's examples send them: numbers,
 * booleans and dates as strings (toMappString); objects and arrays kept, their values converted
 * too; text and null as they are (an empty value is the sender's to choose). `path` names the
 * value in a problem, e.g. `attributes.price` ('' for the whole structure).
 */
export function toMappValues(value: unknown, path = ''): unknown {
	if (path === '') checkStructure(value);
	if (value === null || value === undefined || typeof value === 'string') return value;
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new InvalidValue(`field "${path}" must be text, a number or a boolean, not ${value}`);
	}
	if (value instanceof Date && Number.isNaN(value.getTime()))
		throw new InvalidValue(`field "${path}" is not a valid date`);
	if (
		typeof value === 'number' ||
		typeof value === 'boolean' ||
		value instanceof Date ||
		isDateLike(value)
	) {
		return toMappString(value);
	}
	if (Array.isArray(value))
		return value.map((entry, index) => toMappValues(entry, `${path}[${index}]`));
	if (typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				key,
				toMappValues(entry, path ? `${path}.${key}` : key),
			]),
		);
	}
	throw new InvalidValue(
		`field "${path}" must be text, a number, a boolean, an object or a list, not ${describe(value)}`,
	);
}
