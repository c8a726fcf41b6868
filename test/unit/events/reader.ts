import type { IDataObject, INode } from 'n8n-workflow';
import type { ParameterReader } from '../../../nodes/MappConnect/events/types';

export const NODE: INode = {
	id: 'node',
	name: 'Mapp Connect',
	type: 'n8n-nodes-mapp-connect.mappConnect',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The parameters of one item as n8n hands them to a kind: `get` follows dotted paths like `options.subtype`. */
export function reader(parameters: IDataObject, itemIndex = 0): ParameterReader {
	return {
		node: NODE,
		itemIndex,
		get<T>(name: string, fallback?: T): T {
			let value: unknown = parameters;
			for (const key of name.split('.')) {
				value = typeof value === 'object' && value !== null ? (value as IDataObject)[key] : undefined;
			}
			return (value === undefined ? fallback : value) as T;
		},
	};
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
