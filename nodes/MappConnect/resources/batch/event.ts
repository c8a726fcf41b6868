/**
 * What both Batch operations ask about the events (Send: one per item; Send From File: one per
 * record of a file): the Retry On Fail notice, the Event Type, the Event Source and the chosen
 * kind's own fields, declared once here.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { RunContext } from '../../delivery/run';
import type { EventKind } from '../../events/kind';
import { kindProperties } from '../../events/kind';
import { EVENT_SOURCE } from './inputItem';

export const retryOnFailNotice: INodeProperties = {
	displayName:
		'Keep "Retry On Fail" in the node\'s settings off: this operation retries failed batches itself, while Retry On Fail would run the whole node again and resend the batches Mapp already accepted',
	name: 'retryOnFailNotice',
	type: 'notice',
	default: '',
};

/**
 * Event Type, Event Source and the kinds' fields (shown for the source `fields`); `source` is the
 * Event Source's choices, the first being "Fields Below" and the second the one whose own fields
 * are `otherSourceProperties`.
 */
export function eventProperties(
	kinds: readonly EventKind[],
	unit: 'item' | 'record',
	source: [fields: INodePropertyOptions, other: INodePropertyOptions],
	otherSourceProperties: INodeProperties[],
): INodeProperties[] {
	const defaultKind = kinds[0].id;
	const defaultSource = EVENT_SOURCE.fields;
	return [
		{
			displayName: 'Event Type',
			name: 'eventKind',
			type: 'options',
			noDataExpression: true,
			default: defaultKind,
			description: `What each ${unit} becomes; all events of one run have the same type`,
			options: kinds.map((kind) => ({ name: kind.displayName, value: kind.id })),
		},
		{
			displayName: 'Event Source',
			name: 'eventSource',
			type: 'options',
			noDataExpression: true,
			default: defaultSource,
			options: source,
		},
		...kinds.flatMap((kind) =>
			updateDisplayOptions(
				{ show: { eventKind: [kind.id], eventSource: [EVENT_SOURCE.fields] } },
				kindProperties(kind),
			),
		),
		...updateDisplayOptions(
			{ show: { eventSource: [String(source[1].value)] } },
			otherSourceProperties,
		),
	];
}

/** The run's Event Type, read once. */
export function eventKindOf(
	run: RunContext,
	kinds: readonly EventKind[],
	itemIndex?: number,
): EventKind {
	const kindId = (
		itemIndex === undefined
			? run.runParameter('eventKind', kinds[0].id)
			: run.parameter('eventKind', itemIndex, kinds[0].id)
	) as string;
	const kind = kinds.find(({ id }) => id === kindId);
	if (!kind)
		throw new NodeOperationError(run.getNode(), `'Event Type' has an unknown value "${kindId}"`);
	return kind;
}
