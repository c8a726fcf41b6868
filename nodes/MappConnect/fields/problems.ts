/**
 * How a value is refused: a conversion throws an InvalidValue saying what is wrong with the value;
 * the field that read it turns that into an error naming the field and the item.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export class InvalidValue extends Error {}

/** The item a value belongs to, named in every error about it. */
export interface ItemOf {
	readonly node: INode;
	readonly itemIndex: number;
}

/** The field and the problem of each error invalidField made, for who reports them otherwise (a file's rejected records). */
const fieldProblems = new WeakMap<Error, FieldProblem>();

export interface FieldProblem {
	label: string;
	problem: string;
}

/** "'Email' is not a valid email address [item 2]": names the field and the item. */
export function invalidField(
	params: ItemOf,
	label: string,
	problem: string,
	description?: string,
): NodeOperationError {
	const error = new NodeOperationError(
		params.node,
		`'${label}' ${problem} [item ${params.itemIndex}]`,
		{ itemIndex: params.itemIndex, description },
	);
	fieldProblems.set(error, { label, problem });
	return error;
}

/** The field and problem of an error made by invalidField; undefined for any other error. */
export function fieldProblemOf(error: unknown): FieldProblem | undefined {
	return error instanceof Error ? fieldProblems.get(error) : undefined;
}

/**
 * Runs a conversion and turns an InvalidValue into an error naming the field and item, with
 * `prefix` before the problem (e.g. "entry 2 ").
 */
export function converted<T>(params: ItemOf, label: string, convert: () => T, prefix = ''): T {
	try {
		return convert();
	} catch (error) {
		throw refused(params, label, error, prefix);
	}
}

/**
 * converted() of one value: the conversion takes the value, so that no closure is made for each
 * value (a file's run converts millions).
 */
export function convertedValue<V, T>(
	params: ItemOf,
	label: string,
	convert: (value: V) => T,
	value: V,
): T {
	try {
		return convert(value);
	} catch (error) {
		throw refused(params, label, error);
	}
}

function refused(params: ItemOf, label: string, error: unknown, prefix = ''): NodeOperationError {
	if (error instanceof InvalidValue)
		return invalidField(params, label, `${prefix}${error.message}`);
	return new NodeOperationError(params.node, error as Error, { itemIndex: params.itemIndex });
}
