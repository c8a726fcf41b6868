/**
 * An event kind: one kind of Mapp Connect event (user upsert, product delete, …), shared by its
 * single operation and by Batch. It knows its default subtype and its fields; the fields describe
 * themselves to n8n and write the event, so nothing about a kind is written twice.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { SUBTYPE_OPTION } from '../fields/collection';
import { EventDraft } from '../fields/draft';
import type { Field, ParameterReader } from '../fields/field';
import { propertiesOf } from '../fields/field';
import { invalidField } from '../fields/problems';

export interface EventKind {
	/** Stable identifier, also the value of the batch "Event Type" option (saved in workflows). */
	readonly id: string;
	/** Shown in the batch "Event Type" dropdown. */
	readonly displayName: string;
	/** Default subtype name (a value of DEFAULT_SUBTYPES); the user can override it. */
	readonly subtype: string;
	/**
	 * Parameter path of the subtype, when it is not the "Event Subtype" option (`options.subtype`):
	 * Custom Event asks for it as a required field.
	 */
	readonly subtypeParameter?: string;
	/** The kind's fields, in the order the user sees them; each writes its part of the event. */
	readonly fields: ReadonlyArray<Field<unknown>>;
	/** The order of the keys in Mapp's documented example, where it differs from the fields' order. */
	readonly keyOrder?: readonly string[];
	/** Only where the event is not made of its fields' values (Custom Event's free JSON). */
	readonly build?: (params: ParameterReader) => IDataObject;
	/** Batch offers every kind but these (messages are sends, not imports; Input Item covers Custom Event). */
	readonly singleOnly?: boolean;
}

export interface BuiltEvent {
	subtype: string;
	event: IDataObject;
}

/** The kind's fields as n8n properties (without displayOptions: the node adds those where it shows them). */
export function kindProperties(kind: EventKind): INodeProperties[] {
	return propertiesOf(kind.fields);
}

/** The subtype an item's event is sent with: the user's Event Subtype, else the kind's default. */
export function eventSubtype(kind: EventKind, params: ParameterReader): string {
	const value = kind.subtypeParameter
		? params.get<unknown>(kind.subtypeParameter, '')
		: params.within(SUBTYPE_OPTION.collection).get<unknown>(SUBTYPE_OPTION.name, '');
	const subtype = (typeof value === 'string' ? value.trim() : String(value ?? '')) || kind.subtype;
	if (!subtype) throw invalidField(params, 'Event Subtype', 'is required');
	if (/\s/.test(subtype))
		throw invalidField(params, 'Event Subtype', `must not contain spaces ("${subtype}")`);
	return subtype;
}

/** Validates one item's values and builds its event: what goes in `?subtype=` and in the body. */
export function buildEvent(kind: EventKind, params: ParameterReader): BuiltEvent {
	const subtype = eventSubtype(kind, params);
	if (kind.build) return { subtype, event: kind.build(params) };
	const draft = new EventDraft(params);
	for (const field of kind.fields) field.write(params, draft);
	return { subtype, event: draft.toEvent(kind.keyOrder) };
}
