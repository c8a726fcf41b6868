/** How the resources describe their operations: the selector, and each operation's request and fields. */
import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';
import { eventKindOf, kindProperties } from '../events';
import { buildEventBody, toEventResult } from '../hooks/event';
import { API_PATHS, endpointUrl } from '../shared/api';

export interface Operation {
	/** The entry in the resource's Operation list, with its routing. */
	option: INodePropertyOptions;
	/** The operation's fields, shown only for it. */
	properties: INodeProperties[];
}

interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
}

/** Every event operation: `POST …/event?subtype=…` with the body its event kind builds. */
export const EVENT_ROUTING: INodePropertyRouting = {
	request: { method: 'POST', url: endpointUrl(API_PATHS.event) },
	send: { preSend: [buildEventBody] },
	output: { postReceive: [toEventResult] },
};

/** An operation that sends one event per item, of the kind EVENT_OPERATIONS gives for it. */
export function eventOperation(resource: string, spec: OperationSpec): Operation {
	const kind = eventKindOf(resource, spec.value);
	if (!kind) throw new Error(`No event kind for ${resource}.${spec.value}`);
	return {
		option: { ...spec, routing: EVENT_ROUTING },
		properties: kindProperties(kind, { resource: [resource], operation: [spec.value] }),
	};
}

/** An operation with its own routing and fields. */
export function operation(
	resource: string,
	spec: OperationSpec & { routing: INodePropertyRouting },
	properties: INodeProperties[] = [],
): Operation {
	return {
		option: spec,
		properties: properties.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { resource: [resource], operation: [spec.value], ...property.displayOptions?.show },
			},
		})),
	};
}

/** The resource's Operation selector (options sorted by name), then the fields of every operation. */
export function resourceDescription(resource: string, defaultOperation: string, operations: Operation[]): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map(({ option }) => option).sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...operations.flatMap(({ properties }) => properties),
	];
}

/** Return All and Limit of a Get Many operation; Limit caps the items the operation returns. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			routing: { output: { maxResults: '={{ $value }}' } },
		},
	];
}
