/**
 * What every field is: the n8n properties a user fills in, together with the code that reads,
 * checks and converts their value for one item and writes it into the event. A field's name and
 * label are written once, and every error names the field the user sees and the item.
 */
import type { INode, INodeProperties } from 'n8n-workflow';
import type { EventDraft } from './draft';
import { convertedValue } from './problems';
import { toSwitch } from './values';

/**
 * The node's parameters for one input item. Every sending operation reads them the same
 * way (fields/readers.ts), so a field never knows which path it is on.
 */
export interface ParameterReader {
	readonly node: INode;
	readonly itemIndex: number;
	/**
	 * The workflow's time zone (its settings, else the instance's), in which a date without a
	 * zone is read (fields/dates.ts).
	 */
	readonly timeZone: string;
	/**
	 * The parameter at a dotted path (`options.subtype`). With `extractValue`, a resource locator
	 * gives its value, as n8n's getNodeParameter does.
	 */
	get<T = unknown>(name: string, fallback?: T, options?: ReadOptions): T;
	/** The parameters inside a collection parameter, for the fields of that collection. */
	within(collectionName: string): ParameterReader;
}

export interface ReadOptions {
	extractValue?: boolean;
}

export interface Field<T> {
	/** The label the user sees, used in every error about this field. */
	readonly label: string;
	readonly properties: INodeProperties[];
	read(params: ParameterReader): T;
	/** Puts the field's value into the event being built (nothing when it is empty). */
	write(params: ParameterReader, draft: EventDraft): void;
}

/** The properties of the given fields, in order. */
export function propertiesOf(
	fields: ReadonlyArray<Pick<Field<unknown>, 'properties'>>,
): INodeProperties[] {
	return fields.flatMap((field) => field.properties);
}

/** A switch's value for one item: true or false, whether set in the editor or by an expression. */
export function switchOn(params: ParameterReader, name: string, label: string): boolean {
	return convertedValue(params, label, toSwitch, params.get<unknown>(name, false));
}

/**
 * A reader that asks `read` for each parameter by its full dotted path: the plain way to read
 * parameters (routing hooks, tests), where nothing is worth compiling.
 */
export function prefixedReader(
	item: Pick<ParameterReader, 'node' | 'itemIndex' | 'timeZone'>,
	prefix: string,
	read: (path: string, fallback?: unknown, options?: ReadOptions) => unknown,
): ParameterReader {
	return {
		...item,
		get: <T>(name: string, fallback?: T, options?: ReadOptions) =>
			read(prefix + name, fallback, options) as T,
		within: (collectionName) => prefixedReader(item, `${prefix}${collectionName}.`, read),
	};
}

/** A field that sets one key of the event from its value; `key` defaults to the parameter's name. */
export function valueField<T>(spec: {
	label: string;
	key: string;
	properties: INodeProperties[];
	read: (params: ParameterReader) => T | undefined;
}): Field<T | undefined> {
	return {
		label: spec.label,
		properties: spec.properties,
		read: spec.read,
		write: (params, draft) => draft.set(spec.key, spec.read(params), spec.label),
	};
}

/**
 * A key every event of a kind carries with a fixed value, e.g. `"delete": "true"`, or a JSON boolean
 * where Mapp's own clients send one (`"unsubscribe": true`); the user sees no field.
 */
export function constant<T extends string | boolean>(key: string, value: T): Field<T> {
	return {
		label: key,
		properties: [],
		read: () => value,
		write: (_params, draft) => draft.set(key, value, key),
	};
}
