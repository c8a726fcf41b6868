/**
 * Batch → Send with Event Source "Input Item": each item's own JSON (or the listed fields of it)
 * is its event, its values sent as strings as every other path sends them, or as they are.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { RunContext } from '../../delivery/run';
import { optionsField } from '../../fields/collection';
import type { ParameterReader } from '../../fields/field';
import { converted, invalidField } from '../../fields/problems';
import { toMappValues } from '../../fields/values';

export const EVENT_SOURCE = { fields: 'fields', inputItem: 'inputItem' } as const;

/** Event Source "Input Item": how the item's values go out. Strings by default, as every other path sends them. */
export const VALUE_TYPES = { strings: 'strings', raw: 'raw' } as const;

/** The fields shown for Event Source "Input Item". */
export const inputItemProperties: INodeProperties[] = [
	{
		displayName: 'Fields to Include',
		name: 'fieldsToInclude',
		type: 'string',
		default: '',
		placeholder: 'e.g. email, group, firstName',
		description:
			"Comma-separated fields of the item to send; leave empty to send all of the item's fields",
	},
	{
		displayName: 'Value Types',
		name: 'valueTypes',
		type: 'options',
		noDataExpression: true,
		default: 'strings',
		options: [
			{
				name: 'Strings, as Mapp Expects',
				value: VALUE_TYPES.strings,
				description:
					'Numbers, booleans and dates go out as strings, also inside objects and lists, as in every example of Mapp and every other operation of this node',
			},
			{
				name: 'As in the Item',
				value: VALUE_TYPES.raw,
				description: "Send the item's JSON types unchanged (numbers as numbers)",
			},
		],
	},
	...optionsField('').properties,
];

export interface InputItemSettings {
	fields: string[];
	rawTypes: boolean;
}

/** Fields to Include and Value Types, read once for the run. */
export function inputItemSettings(run: RunContext): InputItemSettings {
	return {
		fields: fieldList(String(run.runParameter('fieldsToInclude', '') ?? '')),
		rawTypes: run.runParameter('valueTypes', VALUE_TYPES.strings) === VALUE_TYPES.raw,
	};
}

/** Event Source "Input Item": the item's own JSON is the event, or the listed fields of it. */
export function eventFromInputItem(
	params: ParameterReader,
	json: IDataObject,
	{ fields, rawTypes }: InputItemSettings,
): IDataObject {
	const event = fields.length
		? Object.fromEntries(
				fields.filter((field) => Object.hasOwn(json, field)).map((field) => [field, json[field]]),
			)
		: json;
	if (Object.keys(event).length === 0) {
		throw fields.length
			? invalidField(
					params,
					'Fields to Include',
					`names no field the item has (${fields.join(', ')})`,
				)
			: new NodeOperationError(
					params.node,
					`The item has no fields to send as an event [item ${params.itemIndex}]`,
					{
						itemIndex: params.itemIndex,
					},
				);
	}
	// converted in either case, so that a name or value Mapp cannot take is refused in both
	const withStrings = converted(params, 'Input Item', () => toMappValues(event) as IDataObject);
	return rawTypes ? event : withStrings;
}

function fieldList(text: string): string[] {
	return text
		.split(',')
		.map((field) => field.trim())
		.filter((field) => field !== '');
}
