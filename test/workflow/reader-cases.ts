/**
 * The parameters and items the fast reader is compared with n8n on (readers.test.ts): every
 * parameter shape the node has (fixed values, mappings, collections, fixed collections, resource
 * locators), mapped from items whose fields hold every kind of JSON value.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import type { ReadOptions } from '../../nodes/MappConnect/fields/field';

/** One read of a parameter, as a field makes it: by dotted path, or inside a collection with within(). */
export interface Read {
	path: string;
	fallback?: unknown;
	options?: ReadOptions;
	within?: boolean;
	/** The reader must answer it without n8n when the item's fields hold text, numbers or booleans. */
	common?: boolean;
}

export interface ParameterCase {
	property: INodeProperties;
	value: unknown;
	reads: Read[];
}

/** The names n8n refuses in expressions in n8n-workflow 2.8.0 (isSafeObjectProperty). */
const DENIED = [
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'mainModule',
	'binding',
	'_load',
	'prepareStackTrace',
	'__lookupGetter__',
	'__lookupSetter__',
	'__defineGetter__',
	'__defineSetter__',
];

/** Names mapped as `$json.name`. */
const DOT_NAMES = [
	'email',
	'$',
	'_x',
	'class',
	'length',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'constructorName',
	...DENIED,
];

/** Keys mapped as `$json["key"]`, including those n8n cannot parse or refuses. */
const BRACKET_KEYS = [
	'first name',
	'email',
	'',
	' ',
	'0',
	'a.b',
	'ü',
	'😀',
	"it's",
	'a}}b',
	'}}',
	'a{{b',
	'a}b',
	'a\nb',
	'a\rb',
	'a\u2028b',
	'a\u2029b',
	'a\tb',
	'a\u0000b',
	'a\vb\fc',
	'a\u0085b\ufeffc',
	'a.isEmpty()',
	'$json.email',
	'a`b',
	'a${b}',
	'x.constructor',
	'x. constructor',
	'constructorName',
	...DENIED,
];

/** Keys mapped as `$json['key']`. */
const SINGLE_QUOTED_KEYS = ['first name', 'say "hi"', 'a}}b', 'a\nb', 'constructor', '__proto__'];

/** The value every field of one item holds: one item per kind. */
const VALUE_KINDS: Array<[kind: string, define: (json: IDataObject, key: string) => void]> = [
	['text', valued('Ann')],
	['empty text', valued('')],
	['number', valued(42)],
	['zero', valued(0)],
	['true', valued(true)],
	['false', valued(false)],
	['null', valued(null)],
	['object', valued({ city: 'Berlin' })],
	['array', valued([1, 'two'])],
	['missing', () => {}],
	[
		'throwing getter',
		(json, key) =>
			Object.defineProperty(json, key, {
				enumerable: true,
				get() {
					throw new Error(`reading ${key} failed`);
				},
			}),
	],
	[
		'getter',
		(json, key) => Object.defineProperty(json, key, { enumerable: true, get: () => 'got' }),
	],
];

/** An own, enumerable, writable field: defined, so that `__proto__` is a field, as JSON.parse makes it. */
function valued(value: unknown) {
	const field = { value, enumerable: true, writable: true, configurable: true };
	return (json: IDataObject, key: string) => Object.defineProperty(json, key, field);
}

/** One item per value kind, all fields mapped by the parameters holding that kind. */
export function items(): Array<{ kind: string; json: IDataObject }> {
	const keys = new Set([...DOT_NAMES, ...BRACKET_KEYS, ...SINGLE_QUOTED_KEYS]);
	return VALUE_KINDS.map(([kind, define]) => {
		const json: IDataObject = {};
		for (const key of keys) define(json, key);
		return { kind, json };
	});
}

/** A parameter's stored value; `common` as in Read. */
interface Shape {
	value: unknown;
	common?: boolean;
}

/** Top-level text parameters: fixed values and `{{ $json… }}` mappings in every form. */
function textParameters(): Array<Shape & { type?: INodeProperties['type'] }> {
	return [
		{ value: 'plain text', common: true },
		{ value: '', common: true },
		{ value: 'a {{ $json.email }} without =', common: true },
		{ value: 42, type: 'number', common: true },
		{ value: true, type: 'boolean', common: true },
		{ value: ['a', 'b'], type: 'multiOptions', common: true },
		{ value: ['a', '={{ $json.email }}'], type: 'multiOptions', common: true },
		{ value: '={{ $json.email }}', common: true },
		{ value: '={{$json.email}}', common: true },
		{ value: '={{\n\t$json.email\n}}', common: true },
		{ value: '={{ $json[ "first name" ] }}', common: true },
		{ value: '={{\u00a0$json.email\u2028}}' },
		{ value: '={{ $json .email }}' },
		{ value: '={{ $json.email; }}' },
		{ value: '={{ $json.email.length }}' },
		{ value: '=Hi {{ $json.email }}' },
		{ value: '={{ $json.email }}!' },
		{ value: '={{ $json["email"] ?? "none" }}' },
		{ value: '={{ "literal" }}' },
		...DOT_NAMES.map((name) => ({ value: `={{ $json.${name} }}`, common: name === 'email' })),
		...BRACKET_KEYS.map((key) => ({
			value: `={{ $json["${key}"] }}`,
			common: key === 'first name',
		})),
		...SINGLE_QUOTED_KEYS.map((key) => ({
			value: `={{ $json['${key}'] }}`,
			common: key === 'first name',
		})),
	];
}

const text = (name: string): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
});

const COLLECTIONS: Shape[] = [
	{ value: { subtype: 'user', flag: true }, common: true },
	{ value: { subtype: '={{ $json.email }}', flag: false }, common: true },
	{ value: { subtype: '={{ $json.constructor }}' } },
	{ value: { subtype: '={{ $json.email.length }}', flag: true } },
	{ value: { subtype: 'user', note: '={{ $json["a}}b"] }}' } },
];

const FIXED_COLLECTIONS: Array<Shape & { value: INodeParameters }> = [
	{ value: { values: [{ name: 'tier', value: 'gold' }] }, common: true },
	{
		value: {
			values: [
				{ name: 'email', value: '={{ $json.email }}' },
				{ name: 'first', value: '={{ $json["first name"] }}' },
			],
		},
		common: true,
	},
	{ value: { values: [{ name: 'x', value: '={{ $json.__proto__ }}' }] } },
	{
		value: { values: [{ name: 'n', value: 'fixed', more: { note: '={{ $json.email }}' } }] },
		common: true,
	},
	{ value: { values: [{ name: 'k', value: '={{ $json["a\nb"] }}' }] } },
	{ value: { pair: { name: 'a', value: '={{ $json.email }}' } }, common: true },
];

const LOCATORS: Shape[] = [
	{ value: { __rl: true, mode: 'id', value: '123' }, common: true },
	{
		value: { __rl: true, mode: 'list', value: '512', cachedResultName: 'Newsletter' },
		common: true,
	},
	{ value: { __rl: true, mode: 'id', value: '={{ $json.email }}' }, common: true },
	{ value: { __rl: true, mode: 'url', value: 'https://example.com/7' } },
	{ value: { __rl: true, value: '={{ $json.email }}' } },
	{ value: { mode: 'id', value: '={{ $json.email }}' } },
	{ value: { __rl: true, mode: 'id' } },
	{ value: { __rl: true, mode: '={{ $json.email }}', value: '1' } },
	{ value: { __rl: true, mode: 'id', value: '1', cachedResultName: '={{ $json.constructor }}' } },
	{ value: { __rl: true, mode: 'id', value: null } },
	{ value: { __rl: true, mode: 'id', value: { id: 1 } } },
	{ value: {} },
	{ value: '77', common: true },
	{ value: '={{ $json.email }}', common: true },
];

const LOCATOR_MODES: INodeProperties['modes'] = [
	{ displayName: 'From List', name: 'list', type: 'list' },
	{ displayName: 'By ID', name: 'id', type: 'string' },
];

/** Every parameter, named p0, p1, …, with the reads the node's fields would make of it. */
export function parameterCases(): ParameterCase[] {
	const cases: ParameterCase[] = [];
	const add = (
		property: Omit<INodeProperties, 'name' | 'displayName'>,
		value: unknown,
		reads: (name: string) => Read[],
	) => {
		const name = `p${cases.length}`;
		cases.push({
			property: { displayName: name, name, ...property } as INodeProperties,
			value,
			reads: reads(name),
		});
	};
	for (const { value, type, common } of textParameters())
		add({ type: type ?? 'string', default: '' }, value, (name) => [{ path: name, common }]);
	for (const { value, common } of COLLECTIONS)
		add(
			{
				type: 'collection',
				default: {},
				options: [
					text('subtype'),
					text('note'),
					{ ...text('flag'), type: 'boolean', default: false },
				],
			},
			value,
			(name) => [
				{ path: name, common },
				{ path: `${name}.subtype`, fallback: '', common },
				{ path: `${name}.subtype`, fallback: '', within: true, common },
				{ path: `${name}.flag`, fallback: false, within: true, common },
				{ path: `${name}.note`, fallback: 'none', common },
				{ path: `${name}.note`, within: true },
				{ path: `${name}.note`, fallback: {}, common },
				{ path: `${name}.note`, fallback: [], within: true, common },
			],
		);
	for (const { value, common } of FIXED_COLLECTIONS)
		add(
			{
				type: 'fixedCollection',
				typeOptions: { multipleValues: !('pair' in value) },
				default: {},
				options: [
					{
						displayName: 'Values',
						name: 'values' in value ? 'values' : 'pair',
						values: [
							text('name'),
							text('value'),
							{ ...text('more'), type: 'collection', default: {}, options: [text('note')] },
						],
					},
				],
			},
			value,
			(name) => [
				{ path: name, common },
				{ path: `${name}.${'values' in value ? 'values' : 'pair'}`, within: true, common },
			],
		);
	for (const { value, common } of LOCATORS)
		add(
			{ type: 'resourceLocator', default: { mode: 'list', value: '' }, modes: LOCATOR_MODES },
			value,
			(name) => [
				{ path: name, common },
				{ path: name, fallback: '', options: { extractValue: true }, common },
			],
		);
	return cases;
}
