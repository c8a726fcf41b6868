/** The fields of the Related Data operations: which record, its columns, and which records to change. */
import { nameValuesField } from '../../fields/nameValues';
import { textField } from '../../fields/text';

export const datasetName = textField({
	name: 'datasetName',
	displayName: 'Dataset Name',
	required: true,
	description: 'Name of the Related Data dataset in Mapp',
});

export const recordKey = textField({ name: 'key', displayName: 'Key', required: true, description: 'Key of the record in the dataset' });

/** The columns to write, sent as one object under `attributes`; at least one. */
export const attributes = nameValuesField({
	name: 'attributes',
	displayName: 'Attributes',
	itemName: 'Attribute',
	description: 'The columns of the record to write.',
	mappNotation: true,
	nestAs: 'attributes',
	required: true,
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
