/**
 * What a resource and an operation are, and how they become the node's description. A resource
 * folder lists its operations (index.ts); an operation file holds its fields and what it does:
 * a sending operation (its run: delivery/deliver.ts, as n8n runs it: delivery/run.ts), or n8n
 * routing (the read operations). The single event operations and how they send are here too.
 */
import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ResultAt, Sending, Sent } from '../delivery/deliver';
import { deliver, dryRunResult } from '../delivery/deliver';
import { AN_EVENT, errorItem, itemFates, requestFailure } from '../delivery/results';
import type { CustomOperation, OperationRun, RunContext, SettingsHolder } from '../delivery/run';
import { customOperation, toolRouting } from '../delivery/run';
import type { BuiltEvent, EventKind } from '../events/kind';
import { buildEvent, kindProperties } from '../events/kind';
import { DRY_RUN_OPTION, dryRunOption } from '../fields/collection';
import type { ParameterReader } from '../fields/field';
import { invalidField } from '../fields/problems';
import { API_PATHS } from '../shared/api';
import { routingWithDeadline } from '../shared/deadline';

export interface Operation {
	/** The entry in the resource's Operation list; a read operation's carries its routing. */
	readonly option: INodePropertyOptions;
	/** The operation's fields, without the resource/operation displayOptions (the resource adds them). */
	readonly properties: INodeProperties[];
	/** The event kinds the operation sends: Batch offers them too. */
	readonly kinds?: readonly EventKind[];
	/**
	 * What a sending operation does, instead of routing: as a workflow step (n8n's customOperations)
	 * and as an agent's tool (its routing), both in delivery/run.ts.
	 */
	readonly run?: OperationRun;
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
 * agent's tool (its routing).
 */
export function sendingOperation(
	spec: OperationSpec,
	properties: INodeProperties[],
	run: OperationRun,
	kinds?: readonly EventKind[],
): Operation {
	return { option: spec, properties, kinds, run };
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

/**
 * Requests in flight at once. Routing sent all items at once; this keeps a large run from opening
 * thousands of connections while still keeping n8n busy. Request Options → Batching sets its own.
 */
const CONCURRENT_REQUESTS = 10;

/**
 * How a single event operation sends (run by delivery/deliver.ts): one request per item, each
 * event in its own request to `event?subtype=…`, never retried (a single operation is a workflow
 * step a user reruns; Batch → Send is the one that retries). `kindOf` picks the kind (Shopping
 * Activity: by activity type).
 */
export function eventSending(
	run: RunContext,
	kindOf: (params: ParameterReader) => EventKind,
): Sending<BuiltEvent> {
	const node = run.getNode();
	return {
		build: (params) => buildEvent(kindOf(params), params),
		dryRun: (params) => dryRunOption.read(params.within(DRY_RUN_OPTION.collection)),
		requests: (prepared) =>
			prepared.map((item) => ({
				items: [item],
				request: {
					method: 'POST',
					path: API_PATHS.event,
					qs: { subtype: item.value.subtype },
					body: item.value.event,
				},
			})),
		engine: ({ batching }) => ({
			concurrency: Math.max(CONCURRENT_REQUESTS, batching?.size ?? 0),
			maxRetries: 0,
			spacing: batching && { perInterval: batching.size, intervalMs: batching.intervalMs },
		}),
		dryRunOutput: (requests) =>
			requests.map(({ items: [{ itemIndex, value }] }) => dryRunResult(itemIndex, { ...value })),
		report(sent) {
			const results = sent.map((request) => resultOf(request));
			const failed = results.find(([, result]) => result.error);
			if (!failed) return { results };
			// The first failed item's error, with every item's fate when there were several.
			const failure = failed[1].error as Error & { description?: string | null };
			if (sent.length > 1) {
				const fates = itemFates(
					sent.map(({ items, outcome }) => ({ itemIndexes: [items[0].itemIndex], outcome })),
				);
				failure.description = [failure.description, fates.lines.join('\n'), fates.advice]
					.filter(Boolean)
					.join('\n\n');
			}
			return { results, failure };
		},
	};

	function resultOf({ items: [{ itemIndex, value }], outcome }: Sent<BuiltEvent>): ResultAt {
		const pairedItem = { item: itemIndex };
		if (!outcome.success) {
			const at = { itemIndex, subtype: value.subtype };
			return [itemIndex, errorItem(requestFailure(node, outcome, AN_EVENT, at), pairedItem)];
		}
		const json = {
			success: true,
			statusCode: outcome.statusCode ?? null,
			subtype: value.subtype,
			event: value.event,
		};
		return [itemIndex, { json, pairedItem }];
	}
}

/** An operation that n8n's routing runs, with its own fields; its requests keep their deadline. */
export function routedOperation(
	spec: OperationSpec & { routing: INodePropertyRouting },
	properties: INodeProperties[] = [],
): Operation {
	return { option: { ...spec, routing: routingWithDeadline(spec.routing) }, properties };
}

/**
 * The resource's Operation selector (sorted by name), its own fields, then every operation's
 * fields. A sending operation's option carries the routing n8n runs it through as a tool.
 */
export function resourceProperties(resource: Resource, node: SettingsHolder): INodeProperties[] {
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
				.map(({ option, run }) => (run ? { ...option, routing: toolRouting(run, node) } : option))
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
	node: SettingsHolder,
): Record<string, Record<string, CustomOperation>> {
	return Object.fromEntries(
		resources.map((resource) => [
			resource.value,
			Object.fromEntries(
				resource.operations.flatMap(({ option, run }) =>
					run ? [[String(option.value), customOperation(run, node)]] : [],
				),
			),
		]),
	);
}
