/**
 * What a resource and an operation are, and how they become the node's description. A resource
 * folder lists its operations (index.ts); an operation file holds its fields and what it does:
 * a sending operation (delivery/deliver.ts), or n8n routing (the read operations).
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { deliver } from '../delivery/deliver';
import type { OperationRun } from '../delivery/routing';
import { routingThrough } from '../delivery/routing';
import { workflowRun } from '../delivery/run';
import type { EventKind } from '../events/kind';
import { kindProperties } from '../events/kind';
import { eventSending } from '../events/send';
import type { ParameterReader } from '../fields/field';
import { invalidField } from '../fields/problems';
import { routingWithDeadline } from '../shared/deadline';

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface Operation {
	/** The entry in the resource's Operation list, with its routing. */
	readonly option: INodePropertyOptions;
	/** The operation's fields, without the resource/operation displayOptions (the resource adds them). */
	readonly properties: INodeProperties[];
	/** The event kinds the operation sends: Batch offers them too. */
	readonly kinds?: readonly EventKind[];
	/** What runs instead of routing in a workflow step (n8n's customOperations). */
	readonly execute?: CustomOperation;
}

export interface Resource {
	readonly value: string;
	readonly name: string;
	/** The first is the default operation. */
	readonly operations: readonly Operation[];
	/** Fields of every operation of the resource, shown before the operations' own. */
	readonly properties?: INodeProperties[];
}

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
}

/**
 * An operation that sends: the same run as a workflow step (its custom operation) and as an
 * agent's tool (its routing, delivery/routing.ts).
 */
export function sendingOperation(
	spec: OperationSpec,
	properties: INodeProperties[],
	operationRun: OperationRun,
	kinds?: readonly EventKind[],
): Operation {
	return {
		option: { ...spec, routing: routingThrough(operationRun) },
		properties,
		kinds,
		execute: async function (this: IExecuteFunctions) {
			return await operationRun(workflowRun(this));
		},
	};
}

/** An operation that sends one event of its kind per item. */
export function eventOperation(spec: OperationSpec & { kind: EventKind }): Operation {
	const { kind, ...option } = spec;
	return sendingOperation(
		option,
		kindProperties(kind),
		async (run) =>
			await deliver(
				run,
				eventSending(run, () => kind),
			),
		[kind],
	);
}

/**
 * An operation whose kind is picked by a selector of its resource (Shopping Activity's Activity
 * Type): each kind's fields are shown for its choice.
 */
export function selectedEventOperation(
	spec: OperationSpec & {
		selector: Pick<INodeProperties, 'name' | 'displayName'>;
		kinds: Readonly<Record<string, EventKind>>;
	},
): Operation {
	const { selector, kinds, ...option } = spec;
	const kindOf = (params: ParameterReader) => {
		const choice = params.get<string>(selector.name);
		if (!Object.hasOwn(kinds, choice))
			throw invalidField(params, selector.displayName, `has an unknown value "${choice}"`);
		return kinds[choice];
	};
	return sendingOperation(
		option,
		Object.entries(kinds).flatMap(([choice, kind]) =>
			updateDisplayOptions({ show: { [selector.name]: [choice] } }, kindProperties(kind)),
		),
		async (run) => await deliver(run, eventSending(run, kindOf)),
		Object.values(kinds),
	);
}

/** An operation that n8n's routing runs, with its own fields; its requests keep their deadline. */
export function routedOperation(
	spec: OperationSpec & { routing: INodePropertyRouting },
	properties: INodeProperties[] = [],
): Operation {
	return { option: { ...spec, routing: routingWithDeadline(spec.routing) }, properties };
}

/** The resource's Operation selector (sorted by name), its own fields, then every operation's fields. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const onResource = { show: { resource: [resource.value] } };
	const defaultOperation = String(resource.operations[0].option.value);
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: onResource,
			options: resource.operations
				.map(({ option }) => option)
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...updateDisplayOptions(onResource, resource.properties ?? []),
		...resource.operations.flatMap(({ option, properties }) =>
			updateDisplayOptions(
				{ show: { resource: [resource.value], operation: [String(option.value)] } },
				properties,
			),
		),
	];
}

/** n8n's customOperations table of the resources: resource → operation → what runs. */
export function customOperationsOf(
	resources: readonly Resource[],
): Record<string, Record<string, CustomOperation>> {
	return Object.fromEntries(
		resources.map((resource) => [
			resource.value,
			Object.fromEntries(
				resource.operations.flatMap(({ option, execute }) =>
					execute ? [[String(option.value), execute]] : [],
				),
			),
		]),
	);
}
