/** Fields of Mapp objects and of alternatives: a live-list locator, and "identify by" selectors. */
import type { INodeProperties } from 'n8n-workflow';
import type { Field } from './field';
import { valueField } from './field';
import { convertedValue, invalidField } from './problems';
import type { TextSpec } from './text';
import { emailField, phoneField, textField } from './text';
import { toMappString } from './values';

/** The lists a dropdown can load; each name is a method in `methods.listSearch` (methods/listSearch.ts). */
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
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder ?? 'e.g. 12345',
			},
		],
	};
	return valueField({
		label: spec.displayName,
		key: spec.key ?? spec.name,
		properties: [property],
		read(params) {
			const raw = params.get<unknown>(spec.name, '', { extractValue: true });
			const id = convertedValue(params, spec.displayName, toMappString, raw);
			if (id === undefined && spec.required)
				throw invalidField(params, spec.displayName, 'is required');
			return id;
		},
	});
}

export interface Choice {
	/** The selector's option value, also the event key the chosen field's value is sent under. */
	value: string;
	field: Field<string | undefined>;
}

/** A selector and its fields, with its choices: the keys it can send, which no other field may use. */
export interface ChoiceField extends Field<string | undefined> {
	readonly choices: readonly Choice[];
}

/**
 * A selector ("Identify Contact By") and one field per choice, shown for that choice: the event
 * carries the chosen field's value under the choice's key.
 */
export function choiceField(spec: {
	name: string;
	displayName: string;
	default: string;
	choices: readonly Choice[];
}): ChoiceField {
	const defaultChoice = spec.default;
	const selector: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		default: defaultChoice,
		options: spec.choices
			.map(({ value, field }) => ({ name: field.label, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
	const chosen = (params: Parameters<Field<unknown>['read']>[0]) => {
		const type = params.get<string>(spec.name, spec.default);
		for (const choice of spec.choices) if (choice.value === type) return choice;
		throw invalidField(params, spec.displayName, `has an unknown value "${type}"`);
	};
	return {
		label: spec.displayName,
		choices: spec.choices,
		properties: [
			selector,
			...spec.choices.flatMap(({ value, field }) =>
				field.properties.map((property) => ({
					...property,
					displayOptions: { show: { [spec.name]: [value] } },
				})),
			),
		],
		read: (params) => chosen(params).field.read(params),
		write(params, draft) {
			const { value, field } = chosen(params);
			draft.set(value, field.read(params), field.label);
		},
	};
}

const CONTACT_CHOICES = {
	email: emailField({ name: 'email', displayName: 'Email', required: true }),
	mobileNumber: phoneField({ name: 'mobileNumber', displayName: 'Mobile Number', required: true }),
	userId: textField({ name: 'userId', displayName: 'User ID', required: true }),
};

export type ContactKey = keyof typeof CONTACT_CHOICES;

/**
 * Which contact an event is about: by email (the default), mobile number or user ID, or only by
 * those of them that the event takes (email always, as the default).
 */
export function contactField(
	keys: readonly ['email', ...ContactKey[]] = ['email', 'mobileNumber', 'userId'],
): ChoiceField {
	return choiceField({
		name: 'identifierType',
		displayName: 'Identify Contact By',
		default: 'email',
		choices: keys.map((value) => ({ value, field: CONTACT_CHOICES[value] })),
	});
}
