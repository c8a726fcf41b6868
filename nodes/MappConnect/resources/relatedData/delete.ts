import { optionsField } from '../../fields/collection';
import { constant } from '../../fields/field';
import { sendEmptyValuesOption } from '../../fields/nameValues';
import { DEFAULT_SUBTYPES } from '../../shared/api';
import { eventOperation } from '../resource';
import { datasetName, deletedAttributes, filter, recordKey } from './fields';

export const deleteRecord = eventOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a related data record',
	description: 'Delete records from a Related Data dataset',
	kind: {
		id: 'relatedDataDelete',
		displayName: 'Related Data: Delete',
		subtype: DEFAULT_SUBTYPES.relatedData,
		fields: [
			datasetName,
			recordKey,
			constant('importMode', 'delete'),
			deletedAttributes,
			filter,
			optionsField(DEFAULT_SUBTYPES.relatedData, [sendEmptyValuesOption]),
		],
	},
});
