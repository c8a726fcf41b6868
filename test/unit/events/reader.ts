import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { BuiltEvent, EventKind } from '../../../nodes/MappConnect/events/kind';
import { buildEvent } from '../../../nodes/MappConnect/events/kind';
import type { ParameterReader } from '../../../nodes/MappConnect/fields/field';
import { prefixedReader } from '../../../nodes/MappConnect/fields/field';
import { EVENT_KINDS } from '../../../nodes/MappConnect/resources';

export const NODE: INode = {
	id: 'node',
	name: 'Mapp Connect',
	type: 'n8n-nodes-mapp-connect.mappConnect',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The parameters of one item as n8n hands them to a kind: `get` follows dotted paths like
 * `options.subtype`, and gives a resource locator's value with `extractValue`.
 */
export function reader(parameters: IDataObject, itemIndex = 0, timeZone = 'UTC'): ParameterReader {
	return prefixedReader({ node: NODE, itemIndex, timeZone }, '', (name, fallback, options) => {
		let value: unknown = parameters;
		for (const key of name.split('.')) {
			value = typeof value === 'object' && value !== null ? (value as IDataObject)[key] : undefined;
		}
		if (options?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
			value = (value as IDataObject).value;
		}
		return value === undefined ? fallback : value;
	});
}

export function kindById(id: string): EventKind {
	const kind = EVENT_KINDS.find((each) => each.id === id);
	if (!kind) throw new Error(`no kind ${id}`);
	return kind;
}

/** The subtype and body a kind builds from the given parameters, for the item with this index. */
export function built(
	kindId: string,
	parameters: IDataObject,
	itemIndex = 0,
	timeZone = 'UTC',
): BuiltEvent {
	return buildEvent(kindById(kindId), reader(parameters, itemIndex, timeZone));
}

/** A resource locator value as the editor stores it. */
export function fromList(value: string): IDataObject {
	return { __rl: true, mode: 'list', value };
}

export function byId(value: string): IDataObject {
	return { __rl: true, mode: 'id', value };
}

export function pairs(values: Array<[string, unknown]>): IDataObject {
	return { values: values.map(([name, value]) => ({ name, value })) };
}

/** The error building the kind's event from these parameters throws, for the item with this index. */
export function failure(
	kindId: string,
	parameters: IDataObject,
	itemIndex = 3,
): NodeOperationError {
	try {
		built(kindId, parameters, itemIndex);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('the kind accepted the parameters');
}
