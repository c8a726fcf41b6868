/**
 * A file's records as events: each record is read by the Event Type's own fields, through the
 * same readers as an input item (fields/readers.ts), with the record's values as `$json`.
 * What an expression means here:
 * - a whole-value column mapping, `{{ $json.email }}` or `{{ $json["e-mail"] }}`, reads the
 *   record's column (a column the record lacks, or a JSON null, reads as empty);
 * - an expression that does not mention `$json` is evaluated once, for the input item that
 *   carries the file (e.g. a group ID from an earlier node, `{{ $now }}`);
 * - any other use of `$json` is refused before anything is sent: n8n cannot evaluate an
 *   expression against a record, and the input item's JSON is not what the user meant.
 * A record that fails a field's check becomes a rejection naming its number, field and column.
 */
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	IGetNodeParameterOptions,
} from 'n8n-workflow';
import { NodeOperationError, isResourceLocatorValue } from 'n8n-workflow';
import type { RunContext } from '../../delivery/run';
import type { Checked, Rejection } from '../../delivery/stream';
import type { BuiltEvent, EventKind } from '../../events/kind';
import { buildEvent, eventSubtype, kindProperties } from '../../events/kind';
import type { FileRecord } from '../../file/records';
import type { ItemOf } from '../../fields/problems';
import { fieldProblemOf, invalidField } from '../../fields/problems';
import type { ItemParameters } from '../../fields/readers';
import { itemReaders, jsonFieldOf, rawParameter } from '../../fields/readers';
import type { InputItemSettings } from './inputItem';
import { eventFromInputItem, inputItemProperties } from './inputItem';

/** An expression in one of the event's parameters, and the column it maps, if it is a column mapping. */
interface Mapping {
	/** The field as the user sees it ("Email", "Custom Attributes → Value"). */
	label: string;
	expression: string;
	column?: string;
}

/** `$json` (or `$input.item`) in an expression that is no whole-value column mapping. */
const READS_INPUT_JSON = /\$json\b|\$input\s*\.\s*item\b/;

export interface RecordEvents {
	/** Before anything is sent: the CSV header (the first record's columns) has every mapped column. */
	checkColumns(record: FileRecord): void;
	/** The record's event, or its rejection; throws only for what is wrong with the run, not the record. */
	check(record: FileRecord): Checked;
	/** The subtype every event of the run goes under: the first event's. */
	subtype(): string;
}

/**
 * The events of the file in input item `itemIndex`, of `kind`; `wholeRecord`: each record's
 * columns are its event (Event Source "Whole Record"). Refuses, before any record is read, an
 * expression that reads `$json` other than as a column mapping.
 */
export function recordEvents(
	run: RunContext,
	itemIndex: number,
	kind: EventKind,
	wholeRecord: InputItemSettings | undefined,
	csv: boolean,
): RecordEvents {
	const node = run.getNode();
	const item: ItemOf = { node, itemIndex };
	const mappings = mappingsIn(
		wholeRecord ? inputItemProperties : kindProperties(kind),
		node.parameters,
	);
	for (const { label, column, expression } of mappings) {
		if (column === undefined && READS_INPUT_JSON.test(expression)) {
			throw invalidField(
				item,
				label,
				'reads $json in an expression: in Send From File, $json is the record only in a mapping of a whole column, such as {{ $json.email }}; other expressions are evaluated once, for the input item that carries the file',
			);
		}
	}
	const columnOf = new Map(
		mappings.flatMap(({ label, column }) => (column ? [[label, column]] : [])),
	);
	const parameters = new RecordParameters(run, itemIndex);
	const readerFor = itemReaders(parameters);
	let first: string | undefined;
	/** A field's error is the record's rejection; any other error stops the run. */
	const refused = (record: number, error: unknown): Checked => {
		if (!(error instanceof NodeOperationError) || parameters.stopped(error)) throw error;
		const problem = fieldProblemOf(error);
		const reason = problem?.problem ?? error.message.replace(/ \[item \d+\]$/, '');
		return rejected(record, reason, problem?.label, problem && columnOf.get(problem.label));
	};

	return {
		checkColumns(record) {
			if (!csv) return;
			const header = new Set(Object.keys(record.values));
			const columns = `the file's columns: ${[...header].join(', ').slice(0, 500)}`;
			// every mapped column (a label may map several: Custom Attributes' values), then Fields to Include
			const named = [
				...mappings,
				...(wholeRecord?.fields ?? []).map((column) => ({ label: 'Fields to Include', column })),
			];
			for (const { label, column } of named) {
				if (column !== undefined && !header.has(column))
					throw invalidField(
						item,
						label,
						`names the column "${column}", which the file lacks (${columns})`,
					);
			}
		},
		check({ recordNumber, values }) {
			parameters.record = values;
			const params = readerFor(itemIndex, values);
			let built: BuiltEvent;
			try {
				built = wholeRecord
					? {
							subtype: eventSubtype(kind, params),
							event: eventFromInputItem(params, values, wholeRecord),
						}
					: buildEvent(kind, params);
			} catch (error) {
				return refused(recordNumber, error);
			}
			first ??= built.subtype;
			if (built.subtype !== first) {
				return rejected(
					recordNumber,
					`is "${built.subtype}" here but "${first}" before: all events of a run go under one subtype`,
					'Event Subtype',
				);
			}
			return { event: built.event };
		},
		subtype: () => first ?? kind.subtype,
	};
}

function rejected(record: number, reason: string, field?: string, column?: string): Checked {
	const rejection: Rejection = {
		record,
		...(field && { field }),
		...(column && { column }),
		reason,
	};
	return { rejection };
}

/**
 * The parameters of one record, for the readers: they ask here for what they do not resolve
 * themselves (a mapped column whose value is no text, number or boolean; anything but a mapping).
 * `record` is the record being built: records are built one after the other, never interleaved.
 */
class RecordParameters implements ItemParameters {
	record: IDataObject = {};

	private readonly once = new Map<string, unknown>();

	/** The errors of expressions evaluated for the input item: about the run, not a record. */
	private readonly failures = new WeakSet<Error>();

	constructor(
		private readonly run: RunContext,
		private readonly itemIndex: number,
	) {}

	getNode = () => this.run.getNode();

	getTimezone = () => this.run.getTimezone();

	parameter(
		path: string,
		_itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	) {
		const raw = rawParameter(this.run.getNode().parameters, path);
		const value = this.resolve(raw, path, fallback, options);
		const extracted = options?.extractValue && isResourceLocatorValue(value) ? value.value : value;
		return extracted ?? fallback;
	}

	stopped(error: Error): boolean {
		return this.failures.has(error);
	}

	private resolve(
		raw: unknown,
		path: string,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown {
		const column = jsonFieldOf(raw);
		if (column !== undefined)
			return Object.hasOwn(this.record, column) ? this.record[column] : undefined;
		if (!mapsAColumn(raw)) return this.evaluatedOnce(path, fallback, options);
		if (Array.isArray(raw)) return raw.map((value, at) => this.resolve(value, `${path}.${at}`));
		return Object.fromEntries(
			Object.entries(raw as IDataObject).map(([key, value]) => [
				key,
				this.resolve(value, `${path}.${key}`),
			]),
		);
	}

	private evaluatedOnce(
		path: string,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown {
		const key = `${options?.extractValue === true}:${path}`;
		if (!this.once.has(key)) {
			try {
				this.once.set(key, this.run.parameter(path, this.itemIndex, fallback, options));
			} catch (error) {
				const failure =
					error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.run.getNode(), error as Error, {
								itemIndex: this.itemIndex,
							});
				this.failures.add(failure);
				throw failure;
			}
		}
		return this.once.get(key);
	}
}

function mapsAColumn(raw: unknown): boolean {
	if (jsonFieldOf(raw) !== undefined) return true;
	return raw !== null && typeof raw === 'object' && Object.values(raw).some(mapsAColumn);
}

/** Every expression stored in the given properties' parameters, named as the user sees the field. */
function mappingsIn(
	properties: readonly INodeProperties[],
	stored: unknown,
	parent?: string,
): Mapping[] {
	if (stored === null || typeof stored !== 'object') return [];
	const found: Mapping[] = [];
	// a name can be declared more than once (one declaration per choice that shows it): one value
	const names = new Set<string>();
	for (const property of properties) {
		if (!Object.hasOwn(stored, property.name) || names.has(property.name)) continue;
		names.add(property.name);
		const value = (stored as IDataObject)[property.name];
		const label = parent ? `${parent} → ${property.displayName}` : property.displayName;
		if (property.type === 'collection') {
			found.push(...mappingsIn(property.options as INodeProperties[], value, parent));
		} else if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				const entries = (value as IDataObject | undefined)?.[group.name];
				for (const entry of Array.isArray(entries) ? entries : [entries])
					found.push(...mappingsIn(group.values, entry, property.displayName));
			}
		} else {
			for (const expression of expressionsIn(value))
				found.push({ label, column: jsonFieldOf(expression), expression });
		}
	}
	return found;
}

function expressionsIn(value: unknown): string[] {
	if (typeof value === 'string') return value.startsWith('=') ? [value] : [];
	if (value === null || typeof value !== 'object') return [];
	return Object.values(value).flatMap(expressionsIn);
}
