/** Send From File's settings for one input item's file, checked before anything is read or sent. */
import { prefixedReader } from '../../fields/field';
import { DRY_RUN_OPTION, dryRunOption } from '../../fields/collection';
import { invalidField } from '../../fields/problems';
import type { RunContext } from '../../delivery/run';
import type { EventKind } from '../../events/kind';
import type { CsvOptions, FileFormat } from '../../file/records';
import { eventKindOf } from './event';
import type { InputItemSettings } from './inputItem';
import { inputItemSettings } from './inputItem';
import {
	BATCH_OPTIONS,
	DEFAULT_PROGRESS_LOG_BATCHES,
	PROGRESS_LOG_OPTION,
	readBatchOptions,
} from './options';
import { FILE_FIELDS, MAX_SAMPLE_REJECTIONS, WHOLE_RECORD } from './sendFileFields';

const FORMATS: readonly FileFormat[] = ['csv', 'jsonl'];
const DELIMITERS = [',', ';', '\t', '|', 'auto'];
const ENCODINGS: ReadonlyArray<CsvOptions['encoding']> = ['utf-8', 'windows-1252', 'latin1'];

export interface FileSettings {
	binaryProperty: string;
	format: FileFormat;
	fileOptions: CsvOptions;
	kind: EventKind;
	/** Event Source "Whole Record": its Fields to Include and Value Types; none: Fields Below. */
	wholeRecord?: InputItemSettings;
	startAt: number;
	/** The last record to send; none: to the end. */
	stopAfter?: number;
	maxRejected: number;
	batch: ReturnType<typeof readBatchOptions>;
	logProgressEvery: number;
	dryRun: boolean;
}

export function fileSettings(
	run: RunContext,
	kinds: readonly EventKind[],
	itemIndex: number,
): FileSettings {
	const node = run.getNode();
	const params = prefixedReader(
		{ node, itemIndex, timeZone: run.getTimezone() },
		'',
		(path, fallback, options) => run.parameter(path, itemIndex, fallback, options),
	);
	const invalid = (label: string, problem: string) =>
		invalidField({ node, itemIndex }, label, problem);
	const wholeNumber = (name: string, label: string, fallback: number, least: number) => {
		const value = params.get<unknown>(name, fallback);
		if (typeof value !== 'number' || !Number.isInteger(value) || value < least)
			throw invalid(label, `must be a whole number of at least ${least}, not ${String(value)}`);
		return value;
	};
	const oneOf = <T>(value: unknown, allowed: readonly T[], label: string): T => {
		if (!allowed.includes(value as T))
			throw invalid(label, `has an unknown value ${JSON.stringify(value)}`);
		return value as T;
	};

	const binaryProperty = String(
		params.get<unknown>(FILE_FIELDS.binaryProperty, 'data') ?? '',
	).trim();
	if (!binaryProperty) throw invalid('Input Binary Field', 'is required');
	const fileOptions = params.within(FILE_FIELDS.fileOptions);
	const startAt = wholeNumber(FILE_FIELDS.startAt, 'Start at Record', 1, 1);
	const stopAfter = wholeNumber(FILE_FIELDS.stopAfter, 'Stop After Record', 0, 0);
	if (stopAfter > 0 && stopAfter < startAt)
		throw invalid(
			'Stop After Record',
			`must not be before Start at Record (${startAt}), not ${stopAfter}`,
		);
	const batchOptions = params.within(BATCH_OPTIONS);
	return {
		binaryProperty,
		format: oneOf(params.get(FILE_FIELDS.format, 'csv'), FORMATS, 'File Format'),
		fileOptions: {
			delimiter: oneOf(fileOptions.get('delimiter', ','), DELIMITERS, 'Delimiter'),
			encoding: oneOf(fileOptions.get('encoding', 'utf-8'), ENCODINGS, 'Encoding'),
		},
		kind: eventKindOf(run, kinds, itemIndex),
		wholeRecord:
			params.get<string>('eventSource', 'fields') === WHOLE_RECORD
				? inputItemSettings(run)
				: undefined,
		startAt,
		stopAfter: stopAfter > 0 ? stopAfter : undefined,
		maxRejected: wholeNumber(
			FILE_FIELDS.maxRejected,
			'Max Rejected Records',
			MAX_SAMPLE_REJECTIONS,
			0,
		),
		batch: readBatchOptions(run),
		logProgressEvery: wholeNumber(
			`${BATCH_OPTIONS}.${PROGRESS_LOG_OPTION}`,
			'Log Progress Every (Batches)',
			DEFAULT_PROGRESS_LOG_BATCHES,
			0,
		),
		dryRun:
			dryRunOption.read(params.within(DRY_RUN_OPTION.collection)) ||
			dryRunOption.read(batchOptions),
	};
}
