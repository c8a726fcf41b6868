/**
 * Batch → Send From File: the parameters. Their names are part of saved workflows: keep them.
 * The file is the input item's binary field, read as n8n's Extract From File reads it (its names:
 * Input Binary Field, Delimiter, Encoding); each record becomes one event of the Event Type.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { EventKind } from '../../events/kind';
import { eventProperties, retryOnFailNotice } from './event';
import { EVENT_SOURCE, inputItemProperties } from './inputItem';
import { fileBatchOptionsProperty } from './options';

/** Send From File's Event Source besides "Fields Below": every column of the record is the event. */
export const WHOLE_RECORD = 'wholeRecord';

export const FILE_FIELDS = {
	binaryProperty: 'binaryPropertyName',
	format: 'fileFormat',
	fileOptions: 'fileOptions',
	startAt: 'startAtRecord',
	stopAfter: 'stopAfterRecord',
	maxRejected: 'maxRejectedRecords',
} as const;

/** Every rejection up to this many is listed in the summary, so it is also the default limit. */
export const MAX_SAMPLE_REJECTIONS = 100;

export function sendFileProperties(kinds: readonly EventKind[]): INodeProperties[] {
	return [
		retryOnFailNotice,
		{
			displayName: 'Input Binary Field',
			name: FILE_FIELDS.binaryProperty,
			type: 'string',
			default: 'data',
			required: true,
			placeholder: 'e.g. data',
			hint: 'The name of the input field containing the file data to be processed',
		},
		{
			displayName: 'File Format',
			name: FILE_FIELDS.format,
			type: 'options',
			noDataExpression: true,
			default: 'csv',
			options: [
				{
					name: 'CSV',
					value: 'csv',
					description: 'A header row naming the columns, then one record per row',
				},
				{ name: 'JSON Lines', value: 'jsonl', description: 'One JSON object per line' },
			],
		},
		{
			displayName: 'File Options',
			name: FILE_FIELDS.fileOptions,
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Delimiter',
					name: 'delimiter',
					type: 'options',
					displayOptions: { show: { [`/${FILE_FIELDS.format}`]: ['csv'] } },
					default: ',',
					description: 'What separates the cells of a row',
					options: [
						{ name: 'Comma', value: ',' },
						{ name: 'Detect From the Header Row', value: 'auto' },
						{ name: 'Pipe', value: '|' },
						{ name: 'Semicolon', value: ';' },
						{ name: 'Tab', value: '\t' },
					],
				},
				{
					displayName: 'Encoding',
					name: 'encoding',
					type: 'options',
					default: 'utf-8',
					description: 'How the file was saved; Excel in Western Europe saves CSV as Windows-1252',
					options: [
						{ name: 'Latin1', value: 'latin1' },
						{ name: 'UTF-8', value: 'utf-8' },
						{ name: 'Windows-1252', value: 'windows-1252' },
					],
				},
			],
		},
		...eventProperties(
			kinds,
			'record',
			[
				{
					name: 'Fields Below',
					value: EVENT_SOURCE.fields,
					description:
						"Build each record's event from the Event Type's fields, each mapped from a column of the record",
				},
				{
					name: 'Whole Record',
					value: WHOLE_RECORD,
					description: "Send each record's columns as its event",
				},
			],
			inputItemProperties,
		),
		{
			displayName: 'Start at Record',
			name: FILE_FIELDS.startAt,
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				'The first record to send, counting from 1 (a CSV header is no record). To resume a run that stopped, use the number its error or summary gives.',
		},
		{
			displayName: 'Stop After Record',
			name: FILE_FIELDS.stopAfter,
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'The last record to send; 0: to the end of the file',
		},
		{
			displayName: 'Max Rejected Records',
			name: FILE_FIELDS.maxRejected,
			type: 'number',
			typeOptions: { minValue: 0 },
			default: MAX_SAMPLE_REJECTIONS,
			description:
				'How many records may fail the checks (each is listed with its record number and reason; the others are sent). One more stops the run.',
		},
		fileBatchOptionsProperty,
	];
}
