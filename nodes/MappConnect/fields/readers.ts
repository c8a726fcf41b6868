/**
 * How fields read the node's parameters for one item: in a run of a sending operation, on either
 * of n8n's paths (delivery/run.ts), or inside a routing hook of a read operation (Get History).
 */
import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';
import { isResourceLocatorValue, isSafeObjectProperty } from 'n8n-workflow';
import type { ParameterReader, ReadOptions } from './field';
import { prefixedReader } from './field';

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
 * The parameters at one level (the node's, or those inside a collection), compiled once per run:
 * each name's resolver, and the levels inside it.
 */
interface Scope {
	/** The dotted path of this level, with a trailing dot ('' for the node's own parameters). */
	readonly prefix: string;
	/** With `extractValue`, the resolver of a resource locator's value (as n8n's extractValue gives it). */
	resolverOf(name: string, extractValue: boolean): Resolver | undefined;
	inside(collectionName: string): Scope;
}

/**
 * Reads the items' parameters for the event operations: the same values n8n's getNodeParameter
 * gives, faster.
 * n8n evaluates every expression in a fresh sandbox, about 50 µs each: most of the time of a
 * large batch. A parameter made only of fixed values and `{{ $json.field }}` mappings of text,
 * numbers or booleans resolves here to exactly what n8n would give; anything else (another
 * expression, a missing field, an object, a name n8n refuses or cannot parse, a field that fails
 * to read) goes through getNodeParameter as usual. None of the node's properties declares a
 * `validateType` or an `extractValue`, so n8n's validation and extraction have nothing to add
 * here (test/unit/fields/readers.test.ts keeps it so).
 * Each parameter is compiled on its first read and then reused for every item, so that a large
 * batch pays per item only for the values that differ between items.
 */
export function itemReaders(
	context: ItemParameters,
): (itemIndex: number, json: IDataObject) => ParameterReader {
	const run: RunParameters = {
		context,
		node: context.getNode(),
		timeZone: context.getTimezone(),
	};
	const root = scopeOf(run.node.parameters, '');
	return (itemIndex, json) => new ItemReader(run, root, itemIndex, json);
}

/** Where the items' parameters come from (a run of the node, delivery/run.ts). */
export interface ItemParameters {
	getNode(): INode;
	getTimezone(): string;
	parameter(path: string, itemIndex: number, fallback?: unknown, options?: ReadOptions): unknown;
}

interface RunParameters {
	readonly context: ItemParameters;
	readonly node: INode;
	readonly timeZone: string;
}

/** One item's parameters at one level. A class, so that a batch's many readers share their methods. */
class ItemReader implements ParameterReader {
	readonly node: INode;

	readonly timeZone: string;

	constructor(
		private readonly run: RunParameters,
		private readonly scope: Scope,
		readonly itemIndex: number,
		private readonly json: IDataObject,
	) {
		this.node = run.node;
		this.timeZone = run.timeZone;
	}

	get<T>(name: string, fallback?: T, options?: ReadOptions): T {
		const resolver = this.scope.resolverOf(name, options?.extractValue === true);
		// A parameter the user never set reads as the field's fallback, as in n8n.
		const value = resolver ? resolver(this.json) : (fallback ?? NOT_DIRECT);
		if (value === NOT_DIRECT) {
			const path = this.scope.prefix + name;
			return this.run.context.parameter(path, this.itemIndex, fallback, options) as T;
		}
		return value as T;
	}

	within(collectionName: string): ParameterReader {
		return new ItemReader(this.run, this.scope.inside(collectionName), this.itemIndex, this.json);
	}
}

/** The parameters of the item a routing request is being built for (inside a preSend hook). */
export function singleItemReader(context: IExecuteSingleFunctions): ParameterReader {
	return prefixedReader(
		{ node: context.getNode(), itemIndex: context.getItemIndex(), timeZone: context.getTimezone() },
		'',
		(path, fallback, options) => context.getNodeParameter(path, fallback, options),
	);
}

function scopeOf(parameters: unknown, prefix: string): Scope {
	// null: the parameter is not set (undefined would mean "not looked up yet")
	const resolvers = new Map<string, Resolver | null>();
	const valueResolvers = new Map<string, Resolver | null>();
	const scopes = new Map<string, Scope>();
	return {
		prefix,
		resolverOf(name, extractValue) {
			const cache = extractValue ? valueResolvers : resolvers;
			let resolver = cache.get(name);
			if (resolver === undefined) {
				const raw = rawParameter(parameters, name);
				resolver = raw === undefined ? null : extractValue ? locatorValue(raw) : compile(raw);
				cache.set(name, resolver);
			}
			return resolver ?? undefined;
		},
		inside(collectionName) {
			let scope = scopes.get(collectionName);
			if (!scope) {
				scope = scopeOf(rawParameter(parameters, collectionName), `${prefix}${collectionName}.`);
				scopes.set(collectionName, scope);
			}
			return scope;
		},
	};
}

/**
 * A resource locator's value, as n8n's extractValue gives it for modes without an extraction
 * pattern; a value n8n's own test does not take for a locator, but that is no plain value either
 * (a locator missing its mode, value or `__rl`), is left to n8n.
 */
function locatorValue(raw: unknown): Resolver {
	if (!isResourceLocatorValue(raw))
		return raw !== null && typeof raw === 'object' ? evaluatedByN8n : compile(raw);
	// n8n resolves the whole locator before it extracts: an expression in its mode can fail there
	const { value, ...rest } = raw;
	return hasExpression(rest) ? evaluatedByN8n : compile(value);
}

/** The parameter's stored value at a dotted path ("options.subtype"), as n8n keeps it. */
export function rawParameter(parameters: unknown, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

const evaluatedByN8n: Resolver = () => NOT_DIRECT;

/**
 * Turns a stored parameter value into its resolver. A value without any expression is the same
 * for every item: it is copied and frozen once, and shared, so that no item can change it for the
 * next. A value with `{{ $json.field }}` mappings is built afresh for each item.
 */
function compile(raw: unknown): Resolver {
	if (!hasExpression(raw)) {
		const constant = frozenCopy(raw);
		return () => constant;
	}
	if (typeof raw === 'string') return jsonFieldResolver(raw);
	// The item's copy starts from a template that holds the fixed values, so that only the
	// mapped values are filled in per item (copying a template is far cheaper than building keys).
	const source = raw as IDataObject;
	const template: IDataObject = Array.isArray(source) ? ([] as unknown as IDataObject) : {};
	const mappedKeys: string[] = [];
	const mapped: Resolver[] = [];
	for (const key of Object.keys(source)) {
		if (!hasExpression(source[key])) {
			template[key] = frozenCopy(source[key]);
			continue;
		}
		const resolver = compile(source[key]);
		if (resolver === evaluatedByN8n) return evaluatedByN8n;
		template[key] = null; // filled in per item, in the key's place
		mappedKeys.push(key);
		mapped.push(resolver);
	}
	const copy = Array.isArray(source)
		? () => (template as unknown as unknown[]).slice() as unknown as IDataObject
		: () => ({ ...template });
	return (json) => {
		const resolved = copy();
		for (let index = 0; index < mapped.length; index++) {
			const value = mapped[index](json);
			if (value === NOT_DIRECT) return NOT_DIRECT;
			resolved[mappedKeys[index]] = value as IDataObject[string];
		}
		return resolved;
	};
}

function hasExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (raw === null || typeof raw !== 'object') return false;
	return Object.values(raw).some(hasExpression);
}

function frozenCopy<T>(raw: T): T {
	if (raw === null || typeof raw !== 'object') return raw;
	const copy = (Array.isArray(raw) ? raw.map(frozenCopy) : {}) as IDataObject;
	if (!Array.isArray(raw))
		for (const [key, value] of Object.entries(raw)) copy[key] = frozenCopy(value);
	return Object.freeze(copy) as T;
}

/** The field a stored value maps as a whole, `{{ $json.field }}` or `{{ $json["field"] }}`, if it is such a mapping. */
export function jsonFieldOf(raw: unknown): string | undefined {
	const match = typeof raw === 'string' ? JSON_FIELD_REFERENCE.exec(raw) : null;
	return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function jsonFieldResolver(expression: string): Resolver {
	const field = jsonFieldOf(expression);
	if (field === undefined || !readsPlainly(field)) return evaluatedByN8n;
	return (json) => {
		let value: unknown;
		try {
			value = json[field];
		} catch {
			// a getter or proxy that throws: n8n has its own answer for that
			return NOT_DIRECT;
		}
		// an inherited property (toString) is never text, a number or a boolean
		return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
			? value
			: NOT_DIRECT;
	};
}

/**
 * Whether n8n reads `$json.field` or `$json["field"]` as a plain property read. It refuses the
 * names on its deny-list, and any expression in which `constructor` follows a dot (so
 * `$json.constructorName` too); `}}` ends its expression and a line break ends a string, so
 * braces and line breaks in a key are left to it as well.
 */
function readsPlainly(field: string): boolean {
	return (
		isSafeObjectProperty(field) &&
		!field.includes('constructor') &&
		!/[{}\n\r\u2028\u2029]/.test(field)
	);
}
