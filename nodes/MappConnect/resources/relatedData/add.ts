import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { sendEmptyValuesOption } from '../../fields/nameValues';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { attributes, datasetName, recordKey } from './fields';

export const add = eventOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a related data record',
	description: 'Add a record to a Related Data dataset',
	kind: {
		id: 'relatedDataAdd',
		displayName: 'Related Data: Add',
		subtype: DEFAULT_SUBTYPES.relatedData,
		fields: [
			datasetName,
			recordKey,
			constant('importMode', 'add'),
			attributes,
			optionsField(DEFAULT_SUBTYPES.relatedData, [sendEmptyValuesOption]),
		],
	},
});
