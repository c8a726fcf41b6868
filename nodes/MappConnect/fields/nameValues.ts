/** Name/value pairs (custom attributes, message parameters, extra fields), entered one by one or as JSON. */
import type { INodeProperties } from 'n8n-workflow';
import { SUBTYPE_OPTION, runSwitch } from './collection';
import type { Field, ParameterReader } from './field';
import { converted, convertedValue, invalidField } from './problems';
import { checkName, isEmpty, parseObject, toMappString, toMappStringMap } from './values';

interface NameValuesSpec {
	name: string;
	displayName: string;
	/** What one pair is called in "Add …", e.g. "Attribute". */
	itemName: string;
	description: string;
	/** Also accept Mapp's CSV-export notation `{'name':'value'}` in the JSON field. */
	mappNotation?: boolean;
	/**
	 * The event key the pairs go under as one object (Related Data's `attributes`). Without it, the
	 * pairs become keys of the event itself.
	 */
	nestAs?: string;
	/** At least one pair must have a value. */
	required?: boolean;
	/**
	 * The pairs are values Mapp stores (attributes, fields), so the kind's Send Empty Values option
	 * (sendEmptyValuesOption, in its Options) applies: a pair left empty is sent as "" to clear it.
	 */
	clearable?: boolean;
}

const SEND_EMPTY_VALUES = 'sendEmptyValues';

/**
 * Send Empty Values: blank values are left out by default (a mapped field that is empty in one row
 * must not wipe what Mapp holds); with this on, the names listed with an empty value go out as "".
 */
export const sendEmptyValuesOption = runSwitch({
	name: SEND_EMPTY_VALUES,
	displayName: 'Send Empty Values',
	description:
		'Whether attributes and fields listed with an empty value are sent as empty strings ("name": ""), to clear them in Mapp. Off: empty values are left out.',
});

type Pairs = ReadonlyMap<string, string>;

/** A pair's name, as entered or mapped: text, or nothing. */
function namedBy(name: unknown): string | undefined {
	const text = toMappString(name);
	return text === undefined ? undefined : checkName(text);
}

/**
 * Name/value pairs entered one by one, or a whole object as JSON (for those who map an object):
 * sent as strings, without the empty values.
 */
export function nameValuesField(spec: NameValuesSpec): Field<Pairs> {
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
			...(spec.mappNotation
				? { placeholder: `{"description": "some description", "price": "567"}` }
				: {}),
			displayOptions: { show: { [inputMode]: ['json'] } },
		},
	];

	const keepsEmpty = (params: ParameterReader) =>
		spec.clearable === true && sendEmptyValuesOption.read(params.within(SUBTYPE_OPTION.collection));

	const readJson = (params: ParameterReader): Pairs => {
		const json = params.get<unknown>(jsonName, '');
		if (isEmpty(json)) return new Map();
		return converted(params, jsonLabel, () =>
			toMappStringMap(
				parseObject(json, { allowMappNotation: spec.mappNotation }),
				keepsEmpty(params),
			),
		);
	};

	const readPairs = (params: ParameterReader): Pairs => {
		const pairs =
			params.within(spec.name).get<Array<{ name?: unknown; value?: unknown }>>('values', []) ?? [];
		const result = new Map<string, string>();
		if (pairs.length === 0) return result;
		const keepEmpty = keepsEmpty(params);
		for (const pair of pairs) {
			const name = convertedValue(params, spec.displayName, namedBy, pair.name);
			if (!name) {
				if (isEmpty(pair.value)) continue;
				throw invalidField(
					params,
					spec.displayName,
					`has a value without a name ("${String(pair.value)}")`,
				);
			}
			if (result.has(name))
				throw invalidField(params, spec.displayName, `has the name "${name}" twice`);
			const value =
				convertedValue(params, spec.displayName, toMappString, pair.value) ??
				(keepEmpty ? '' : undefined);
			if (value !== undefined) result.set(name, value);
		}
		return result;
	};

	const read = (params: ParameterReader): Pairs => {
		const pairs =
			params.get<string>(inputMode, 'fields') === 'json' ? readJson(params) : readPairs(params);
		if (spec.required && pairs.size === 0) {
			throw invalidField(
				params,
				spec.displayName,
				`must set at least one ${spec.itemName.toLowerCase()}`,
			);
		}
		return pairs;
	};

	return {
		label: spec.displayName,
		properties,
		read,
		write(params, draft) {
			const pairs = read(params);
			if (!spec.nestAs) draft.extra(pairs, spec.displayName);
			else if (pairs.size > 0) draft.set(spec.nestAs, Object.fromEntries(pairs), spec.displayName);
		},
	};
}
