/** The fields of the Related Data operations: which record, its columns, and which records to change. */
import { nameValuesField } from '../../fields/nameValues';
import { textField } from '../../fields/text';

export const datasetName = textField({
	name: 'datasetName',
	displayName: 'Dataset Name',
	required: true,
	description: 'Name of the Related Data dataset in Mapp',
});

export const recordKey = textField({
	name: 'key',
	displayName: 'Key',
	required: true,
	description: 'Key of the record in the dataset',
});

/** The columns of the record, sent as one object under `attributes`. */
const attributesField = (spec: { description: string; required?: boolean }) =>
	nameValuesField({
		name: 'attributes',
		displayName: 'Attributes',
		itemName: 'Attribute',
		mappNotation: true,
		nestAs: 'attributes',
		clearable: true,
		...spec,
	});

/** The columns to write (Add, Update): at least one. */
export const attributes = attributesField({
	description: 'The columns of the record to write.',
	required: true,
});

/** Delete: the columns of the record, as the vendor's bulk-delete example sends them; optional. */
export const deletedAttributes = attributesField({
	description:
		"The columns of the record, as Mapp's bulk-delete example sends them; leave empty to send none.",
});

/** Only records whose columns have these values are changed; an empty filter is left out. */
export const filter = nameValuesField({
	name: 'filter',
	displayName: 'Filter',
	itemName: 'Condition',
	description: 'Only records whose columns have these values are changed.',
	mappNotation: true,
	nestAs: 'filter',
});
