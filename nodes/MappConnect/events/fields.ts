/**
 * The building blocks of the event kinds' fields. A Field is the n8n properties a user fills in
 * together with the function that reads, validates and converts their value for one item, so that
 * a field's name and label are written once and every error names the field the user sees.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ParameterReader } from './types';
import {
	InvalidValue,
	isDecimalNumber,
	isEmailAddress,
	isEmpty,
	isEpochMilliseconds,
	isHttpUrl,
	isPhoneNumber,
	parseObject,
	toIsoDate,
	toMappString,
	toMappStrings,
	withoutEmpty,
} from './values';

export interface Field<T> {
	/** The label the user sees, used in every error about this field. */
	readonly label: string;
	readonly properties: INodeProperties[];
	read(params: ParameterReader): T;
}

/** The properties of the given fields, in order. */
export function propertiesOf(...fields: Array<Field<unknown>>): INodeProperties[] {
	return fields.flatMap((field) => field.properties);
}

/** "'Email' is not a valid email address [item 2]": names the field and the item. */
export function invalidField(
	params: ParameterReader,
	label: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(params.node, `'${label}' ${problem} [item ${params.itemIndex}]`, {
		itemIndex: params.itemIndex,
		description,
	});
}

/**
 * Runs a conversion and turns an InvalidValue into an error naming the field and item, with
 * `prefix` before the problem (e.g. "entry 2 ").
 */
export function converted<T>(params: ParameterReader, label: string, convert: () => T, prefix = ''): T {
	try {
		return convert();
	} catch (error) {
		if (error instanceof InvalidValue) throw invalidField(params, label, `${prefix}${error.message}`);
		throw new NodeOperationError(params.node, error as Error, { itemIndex: params.itemIndex });
	}
}

interface TextSpec {
	name: string;
	displayName: string;
	description?: string;
	placeholder?: string;
	required?: boolean;
	default?: string;
}

/** The keys of a field's spec that go into its n8n property only when they are set. */
function optionalProperties(spec: TextSpec): Partial<INodeProperties> {
	return {
		...(spec.required ? { required: true } : {}),
		...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
		...(spec.description ? { description: spec.description } : {}),
	};
}

/**
 * A text field sent as a string; numbers an expression returns become strings. `check` returns
 * what is wrong with a non-empty value, or undefined.
 */
export function textField(
	spec: TextSpec,
	check?: (value: string) => string | undefined,
): Field<string | undefined> {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'string',
		default: '',
		...(spec.default ? { default: spec.default } : {}),
		...optionalProperties(spec),
	};
	return {
		label: spec.displayName,
		properties: [property],
		read(params) {
			const value = converted(params, spec.displayName, () => toMappString(params.get(spec.name, '')));
			if (value === undefined) {
				if (spec.required) throw invalidField(params, spec.displayName, 'is required');
				return undefined;
			}
			const problem = check?.(value);
			if (problem) throw invalidField(params, spec.displayName, problem);
			return value;
		},
	};
}

export function emailField(spec: TextSpec): Field<string | undefined> {
	return textField({ placeholder: 'name@email.com', ...spec }, (value) =>
		isEmailAddress(value) ? undefined : 'is not a valid email address',
	);
}

export function phoneField(spec: TextSpec): Field<string | undefined> {
	return textField({ placeholder: 'e.g. +48666777888', ...spec }, (value) =>
		isPhoneNumber(value) ? undefined : 'is not a valid mobile number (digits, optionally starting with +)',
	);
}

/** A number entered as text and sent as a string, as Mapp's examples send prices ("15"). */
export function decimalField(spec: TextSpec): Field<string | undefined> {
	return textField(spec, (value) => (isDecimalNumber(value) ? undefined : 'must be a number, like 19.99'));
}

export function urlField(spec: TextSpec): Field<string | undefined> {
	return textField(spec, (value) =>
		isHttpUrl(value) ? undefined : 'must be a URL starting with http:// or https://',
	);
}

/** A date sent as ISO 8601 in UTC; with `acceptEpochMilliseconds`, epoch ms pass unchanged, as a string. */
export function dateField(
	spec: TextSpec & { acceptEpochMilliseconds?: boolean },
): Field<string | undefined> {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: spec.acceptEpochMilliseconds ? 'string' : 'dateTime',
		default: '',
		...optionalProperties(spec),
	};
	return {
		label: spec.displayName,
		properties: [property],
		read(params) {
			const value = params.get<unknown>(spec.name, '');
			if (isEmpty(value)) {
				if (spec.required) throw invalidField(params, spec.displayName, 'is required');
				return undefined;
			}
			if (spec.acceptEpochMilliseconds && isEpochMilliseconds(value)) return String(value).trim();
			return converted(params, spec.displayName, () => toIsoDate(value));
		},
	};
}

/** A switch that sends `"true"` when on and nothing when off. */
export function flagField(spec: { name: string; displayName: string; description: string }): Field<string | undefined> {
	return {
		label: spec.displayName,
		properties: [
			{ displayName: spec.displayName, name: spec.name, type: 'boolean', default: false, description: spec.description },
		],
		read: (params) => (params.get<unknown>(spec.name, false) === true ? 'true' : undefined),
	};
}

/** The lists a dropdown can load; each name is a method in `methods.listSearch` (shared/loaders.ts). */
export type ListSearchMethod =
	| 'searchGroups'
	| 'searchEmailMessages'
	| 'searchSmsMessages'
	| 'searchPushMessages'
	| 'searchMobileApps';

/** A Mapp object picked from a live list ("From List") or given by its ID ("By ID"); sent as the ID string. */
export function locatorField(
	spec: TextSpec & { searchListMethod: ListSearchMethod },
): Field<string | undefined> {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(spec.required ? { required: true } : {}),
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: spec.placeholder ?? 'e.g. 12345' },
		],
	};
	return {
		label: spec.displayName,
		properties: [property],
		read(params) {
			const raw = params.get<unknown>(spec.name, '');
			const id = converted(params, spec.displayName, () =>
				toMappString(typeof raw === 'object' && raw !== null && '__rl' in raw ? (raw as IDataObject).value : raw),
			);
			if (id === undefined && spec.required) throw invalidField(params, spec.displayName, 'is required');
			return id;
		},
	};
}

const IDENTIFIERS = [
	{ value: 'email', key: 'email', field: emailField({ name: 'email', displayName: 'Email', required: true }) },
	{
		value: 'mobileNumber',
		key: 'mobileNumber',
		field: phoneField({ name: 'mobileNumber', displayName: 'Mobile Number', required: true }),
	},
	{ value: 'userId', key: 'userId', field: textField({ name: 'userId', displayName: 'User ID', required: true }) },
] as const;

/** Which contact an event is about: by email (the default), mobile number or user ID. */
export function identifierField(): Field<IDataObject> {
	const selector: INodeProperties = {
		displayName: 'Identify Contact By',
		name: 'identifierType',
		type: 'options',
		default: 'email',
		options: IDENTIFIERS.map(({ value, field }) => ({ name: field.label, value })),
	};
	return {
		label: selector.displayName,
		properties: [
			selector,
			...IDENTIFIERS.flatMap(({ value, field }) =>
				field.properties.map((property) => ({ ...property, displayOptions: { show: { identifierType: [value] } } })),
			),
		],
		read(params) {
			const type = params.get<string>('identifierType', 'email');
			const identifier = IDENTIFIERS.find(({ value }) => value === type);
			if (!identifier) throw invalidField(params, selector.displayName, `has an unknown value "${type}"`);
			return { [identifier.key]: identifier.field.read(params) };
		},
	};
}

/** A parameter reader for the values inside a collection parameter. */
function within(params: ParameterReader, collectionName: string): ParameterReader {
	return {
		node: params.node,
		itemIndex: params.itemIndex,
		get: <T>(name: string, fallback?: T) => params.get<T>(`${collectionName}.${name}`, fallback),
	};
}

/** A collection ("Options", "Additional Fields") of fields; reading it gives a reader of its values. */
export function collectionField(
	spec: { name: string; displayName: string; placeholder: string },
	children: Array<Field<unknown>>,
): Field<ParameterReader> {
	const options = propertiesOf(...children)
		.map((child) => {
			const property = { ...child };
			delete property.required;
			return property;
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		label: spec.displayName,
		properties: [
			{ displayName: spec.displayName, name: spec.name, type: 'collection', placeholder: spec.placeholder, default: {}, options },
		],
		read: (params) => within(params, spec.name),
	};
}

/** Where every event kind keeps the subtype it is sent with (see eventSubtype in index.ts). */
export const SUBTYPE_OPTION = { collection: 'options', name: 'subtype' } as const;

export function subtypeOption(defaultSubtype: string): Field<string | undefined> {
	return textField({
		name: SUBTYPE_OPTION.name,
		displayName: 'Event Subtype',
		default: defaultSubtype,
		description:
			"Subtype the event is sent with. Must match the name in the integration's mapping in Mapp; change it only if your mapping uses another name.",
	});
}

/** The "Options" collection every event kind has: the Event Subtype and the kind's own options. */
export function optionsField(defaultSubtype: string, children: Array<Field<unknown>> = []): Field<ParameterReader> {
	return collectionField({ name: SUBTYPE_OPTION.collection, displayName: 'Options', placeholder: 'Add option' }, [
		subtypeOption(defaultSubtype),
		...children,
	]);
}

export function additionalFields(children: Array<Field<unknown>>): Field<ParameterReader> {
	return collectionField({ name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' }, children);
}

interface NameValuesSpec {
	name: string;
	displayName: string;
	/** What one pair is called in "Add …", e.g. "Attribute". */
	itemName: string;
	description: string;
	/** Also accept Mapp's CSV-export notation `{'name':'value'}` in the JSON field. */
	mappNotation?: boolean;
}

/**
 * Name/value pairs entered one by one, or a whole object as JSON (for those who map an object):
 * sent as a flat object of strings, without the empty values.
 */
export function nameValuesField(spec: NameValuesSpec): Field<IDataObject> {
	const inputMode = `${spec.name}Input`;
	const jsonName = `${spec.name}Json`;
	const jsonLabel = `${spec.displayName} (JSON)`;
	const properties: INodeProperties[] = [
		{
			displayName: `Specify ${spec.displayName}`,
			name: inputMode,
			type: 'options',
			default: 'fields',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
		},
		{
			displayName: spec.displayName,
			name: spec.name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: `Add ${spec.itemName}`,
			default: {},
			description: spec.description,
			displayOptions: { show: { [inputMode]: ['fields'] } },
			options: [
				{
					displayName: spec.itemName,
					name: 'values',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: jsonLabel,
			name: jsonName,
			type: spec.mappNotation ? 'string' : 'json',
			default: spec.mappNotation ? '' : '{}',
			description: spec.mappNotation
				? `${spec.description} As JSON, or in Mapp's CSV-export notation {'name':'value'}.`
				: spec.description,
			...(spec.mappNotation ? { placeholder: `{"description": "some description", "price": "567"}` } : {}),
			displayOptions: { show: { [inputMode]: ['json'] } },
		},
	];
	return {
		label: spec.displayName,
		properties,
		read(params) {
			if (params.get<string>(inputMode, 'fields') === 'json') {
				const json = params.get<unknown>(jsonName, '');
				if (isEmpty(json)) return {};
				return converted(params, jsonLabel, () =>
					toMappStrings(parseObject(json, { allowMappNotation: spec.mappNotation })),
				);
			}
			const pairs = params.get<{ values?: Array<{ name?: unknown; value?: unknown }> }>(spec.name, {}).values ?? [];
			const result: IDataObject = {};
			for (const pair of pairs) {
				const name = typeof pair.name === 'string' ? pair.name.trim() : toMappString(pair.name);
				if (!name) {
					if (isEmpty(pair.value)) continue;
					throw invalidField(params, spec.displayName, `has a value without a name ("${String(pair.value)}")`);
				}
				if (name in result) throw invalidField(params, spec.displayName, `has the name "${name}" twice`);
				const value = converted(params, spec.displayName, () => toMappString(pair.value));
				if (value !== undefined) result[name] = value;
			}
			return result;
		},
	};
}

/**
 * The event body: the kind's own keys plus the user's extra name/value pairs, without empty values.
 * An extra pair may not replace a key the node sets from its own field.
 */
export function eventBody(
	params: ParameterReader,
	own: IDataObject,
	extra?: { field: Field<unknown>; values: IDataObject },
): IDataObject {
	const body = withoutEmpty(own);
	if (!extra) return body;
	for (const [key, value] of Object.entries(extra.values)) {
		if (key in own) {
			throw invalidField(
				params,
				extra.field.label,
				`must not set "${key}"`,
				`The node sets "${key}" from its own field; use that field instead.`,
			);
		}
		body[key] = value;
	}
	return body;
}
