import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { sendEmptyValuesOption } from '../../fields/nameValues';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { attributes, filter, datasetName, recordKey } from './fields';

export const update = eventOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a related data record',
	description: 'Update records of a Related Data dataset',
	kind: {
		id: 'relatedDataUpdate',
		displayName: 'Related Data: Update',
		subtype: DEFAULT_SUBTYPES.relatedData,
		fields: [
			datasetName,
			recordKey,
			constant('importMode', 'update'),
			attributes,
			filter,
			optionsField(DEFAULT_SUBTYPES.relatedData, [sendEmptyValuesOption]),
		],
	},
});
