/**
 * How fields read the node's parameters for one item: inside an execute function (every event
 * operation and Batch), or inside a routing hook (the read operations).
 */
import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import type { ParameterReader, ReadOptions } from './field';

/**
 * `{{ $json.email }}` or `{{ $json["first name"] }}`: the mapping n8n writes when a field is
 * dragged in from the input, as the whole value of a parameter.
 */
const JSON_FIELD_REFERENCE =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\])\s*\}\}$/;

const NOT_DIRECT = Symbol('not direct');

/** A parameter's value for one item's JSON, or NOT_DIRECT when n8n has to evaluate it. */
type Resolver = (json: IDataObject) => unknown;

/**
 * Reads the items' parameters for the event operations: the same values n8n's getNodeParameter
 * gives, faster.
 * n8n evaluates every expression in a fresh sandbox, about 50 µs each: most of the time of a
 * large batch. A parameter made only of fixed values and `{{ $json.field }}` mappings of text,
 * numbers or booleans resolves here to exactly what n8n would give; anything else (another
 * expression, a missing field, an object) goes through getNodeParameter as usual. None of the
 * node's properties declares a `validateType`, so n8n's validation has nothing to add here.
 */
export function itemReaders(
	context: IExecuteFunctions,
): (itemIndex: number, json: IDataObject) => ParameterReader {
	const node = context.getNode();
	const timeZone = context.getTimezone();
	const resolvers = new Map<string, Resolver | null>();
	const resolverOf = (name: string) => {
		let resolver = resolvers.get(name);
		if (resolver === undefined) {
			const raw = rawParameter(node.parameters, name);
			resolver = raw === undefined ? null : compile(raw);
			resolvers.set(name, resolver);
		}
		return resolver;
	};
	return (itemIndex, json) => ({
		node,
		itemIndex,
		timeZone,
		get<T>(name: string, fallback?: T, options?: ReadOptions): T {
			const resolver = resolverOf(name);
			const value = resolver
				? resolver(json)
				: fallback === undefined
					? NOT_DIRECT
					: compile(fallback)(json);
			if (value === NOT_DIRECT)
				return context.getNodeParameter(name, itemIndex, fallback, options) as T;
			return (options?.extractValue ? locatorValue(value) : value) as T;
		},
	});
}

/** The parameters of the item a routing request is being built for (inside a preSend hook). */
export function singleItemReader(context: IExecuteSingleFunctions): ParameterReader {
	return {
		node: context.getNode(),
		itemIndex: context.getItemIndex(),
		timeZone: context.getTimezone(),
		get: <T>(name: string, fallback?: T, options?: ReadOptions) =>
			context.getNodeParameter(name, fallback, options) as T,
	};
}

/** A resource locator's value, as n8n's extractValue gives it for locators without an extraction pattern. */
function locatorValue(value: unknown): unknown {
	return typeof value === 'object' && value !== null && Object.hasOwn(value, '__rl')
		? (value as IDataObject).value
		: value;
}

/** The parameter's stored value at a dotted path ("options.subtype"), as n8n keeps it. */
function rawParameter(parameters: IDataObject, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

const evaluatedByN8n: Resolver = () => NOT_DIRECT;

/** Turns a stored parameter value into a resolver that copies it, with each item's fields filled in. */
function compile(raw: unknown): Resolver {
	if (typeof raw === 'string') return raw.startsWith('=') ? jsonFieldResolver(raw) : () => raw;
	if (raw === null || typeof raw !== 'object') return () => raw;
	const entries = Object.entries(raw).map(([key, value]) => [key, compile(value)] as const);
	if (entries.some(([, resolver]) => resolver === evaluatedByN8n)) return evaluatedByN8n;
	const isArray = Array.isArray(raw);
	return (json) => {
		const resolved: IDataObject | unknown[] = isArray ? [] : {};
		for (const [key, resolver] of entries) {
			const value = resolver(json);
			if (value === NOT_DIRECT) return NOT_DIRECT;
			(resolved as IDataObject)[key] = value as IDataObject[string];
		}
		return resolved;
	};
}

function jsonFieldResolver(expression: string): Resolver {
	const match = JSON_FIELD_REFERENCE.exec(expression);
	if (!match) return evaluatedByN8n;
	const field = match[1] ?? match[2] ?? match[3];
	return (json) => {
		if (!Object.hasOwn(json, field)) return NOT_DIRECT;
		const value = json[field];
		return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
			? value
			: NOT_DIRECT;
	};
}
