/** Collections of fields ("Options", "Additional Fields"), and the event kinds' Options: Event Subtype, Dry Run. */
import type { Field, ParameterReader } from './field';
import { propertiesOf, switchOn } from './field';
import { textField } from './text';

/** A collection of fields; its value is a reader of the values inside it. */
export function collectionField(
	spec: { name: string; displayName: string; placeholder: string },
	children: ReadonlyArray<Field<unknown>>,
): Field<ParameterReader> {
	// A field inside a collection is one the user adds, so it is never required there.
	const options = propertiesOf(children)
		.map((property) => {
			const option = { ...property };
			delete option.required;
			return option;
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		label: spec.displayName,
		properties: [
			{
				displayName: spec.displayName,
				name: spec.name,
				type: 'collection',
				placeholder: spec.placeholder,
				default: {},
				options,
			},
		],
		read: (params) => params.within(spec.name),
		write(params, draft) {
			const inner = params.within(spec.name);
			for (const child of children) child.write(inner, draft);
		},
	};
}

/** Where every event kind keeps the subtype it is sent with (events/kind.ts, eventSubtype). */
export const SUBTYPE_OPTION = { collection: 'options', name: 'subtype' } as const;

/**
 * Where every event kind keeps its Dry Run switch (read by each sending's `dryRun`:
 * resources/resource.ts, resources/batch/send.ts).
 */
export const DRY_RUN_OPTION = { collection: SUBTYPE_OPTION.collection, name: 'dryRun' } as const;

/** A switch of the Options that the run reads on its own: it writes nothing into the event. */
export function runSwitch(spec: {
	name: string;
	displayName: string;
	description: string;
}): Field<boolean> {
	return {
		label: spec.displayName,
		properties: [{ ...spec, type: 'boolean', default: false }],
		read: (params) => switchOn(params, spec.name, spec.displayName),
		write: () => undefined,
	};
}

/** Dry Run: build and check every event and output them, without sending anything. */
export const dryRunOption = runSwitch({
	name: DRY_RUN_OPTION.name,
	displayName: 'Dry Run',
	description:
		'Whether to only build and check the events and output them, without sending anything to Mapp (the credential is still needed, but no request is made)',
});

/**
 * The Event Subtype: read on its own (it goes into the query), so it writes nothing into the
 * event. Empty by default where the default depends on another choice (Batch's Event Type).
 */
function subtypeOption(defaultSubtype: string): Field<string | undefined> {
	const field = textField({
		name: SUBTYPE_OPTION.name,
		displayName: 'Event Subtype',
		default: defaultSubtype,
		...(defaultSubtype ? {} : { placeholder: 'Default of the Event Type' }),
		description:
			"Subtype the event is sent with. Must match the name in the integration's mapping in Mapp; change it only if your mapping uses another name.",
	});
	return { ...field, write: () => undefined };
}

/** The "Options" collection every event kind has: the Event Subtype (unless the kind asks for it itself), Dry Run and the kind's own options. */
export function optionsField(
	defaultSubtype: string | undefined,
	children: ReadonlyArray<Field<unknown>> = [],
): Field<ParameterReader> {
	return collectionField(
		{ name: SUBTYPE_OPTION.collection, displayName: 'Options', placeholder: 'Add option' },
		[
			// Custom Event asks for its subtype as a required field of its own: no Event Subtype option.
			...(defaultSubtype === undefined ? [] : [subtypeOption(defaultSubtype)]),
			dryRunOption,
			...children,
		],
	);
}

export function additionalFields(children: ReadonlyArray<Field<unknown>>): Field<ParameterReader> {
	return collectionField(
		{ name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' },
		children,
	);
}
