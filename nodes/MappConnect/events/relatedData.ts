import { DEFAULT_SUBTYPES } from '../shared/api';
import { eventBody, invalidField, nameValuesField, optionsField, propertiesOf, textField } from './fields';
import type { EventKind, ParameterReader } from './types';

const datasetName = textField({
	name: 'datasetName',
	displayName: 'Dataset Name',
	required: true,
	description: 'Name of the Related Data dataset in Mapp',
});
const key = textField({ name: 'key', displayName: 'Key', required: true, description: 'Key of the record in the dataset' });
const attributes = nameValuesField({
	name: 'attributes',
	displayName: 'Attributes',
	itemName: 'Attribute',
	description: 'The columns of the record to write.',
	mappNotation: true,
});
const filter = nameValuesField({
	name: 'filter',
	displayName: 'Filter',
	itemName: 'Condition',
	description: 'Only records whose columns have these values are changed.',
	mappNotation: true,
});

function requiredAttributes(params: ParameterReader) {
	const values = attributes.read(params);
	if (Object.keys(values).length === 0) throw invalidField(params, attributes.label, 'must set at least one attribute');
	return values;
}

/** Filter is optional: an empty one is left out. */
function optionalFilter(params: ParameterReader) {
	const values = filter.read(params);
	return Object.keys(values).length > 0 ? values : undefined;
}

const options = optionsField(DEFAULT_SUBTYPES.relatedData);

export const relatedDataAdd: EventKind = {
	id: 'relatedDataAdd',
	displayName: 'Related Data: Add',
	subtype: DEFAULT_SUBTYPES.relatedData,
	fields: propertiesOf(datasetName, key, attributes, options),
	build: (params) =>
		eventBody(params, {
			datasetName: datasetName.read(params),
			key: key.read(params),
			importMode: 'add',
			attributes: requiredAttributes(params),
		}),
};

export const relatedDataUpdate: EventKind = {
	id: 'relatedDataUpdate',
	displayName: 'Related Data: Update',
	subtype: DEFAULT_SUBTYPES.relatedData,
	fields: propertiesOf(datasetName, key, attributes, filter, options),
	build: (params) =>
		eventBody(params, {
			datasetName: datasetName.read(params),
			key: key.read(params),
			importMode: 'update',
			attributes: requiredAttributes(params),
			filter: optionalFilter(params),
		}),
};

export const relatedDataDelete: EventKind = {
	id: 'relatedDataDelete',
	displayName: 'Related Data: Delete',
	subtype: DEFAULT_SUBTYPES.relatedData,
	fields: propertiesOf(datasetName, key, filter, options),
	build: (params) =>
		eventBody(params, {
			datasetName: datasetName.read(params),
			key: key.read(params),
			importMode: 'delete',
			filter: optionalFilter(params),
		}),
};
