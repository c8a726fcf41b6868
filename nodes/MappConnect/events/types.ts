import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

/**
 * Reads the node's parameters for one input item. Single operations read them inside a
 * `preSend` hook (IExecuteSingleFunctions), batch reads them for every item (IExecuteFunctions);
 * both hand an EventKind the same reader, so a kind never knows which path it is on.
 */
export interface ParameterReader {
	readonly node: INode;
	readonly itemIndex: number;
	get<T = unknown>(name: string, fallback?: T): T;
}

/** One kind of Mapp Connect event: the single table that single operations and batch share. */
export interface EventKind {
	/** Stable identifier, also the value of the batch "Event Type" option. */
	readonly id: string;
	/** Shown in the batch "Event Type" dropdown. */
	readonly displayName: string;
	/** Default subtype name (a value of DEFAULT_SUBTYPES); the user can override it. */
	readonly subtype: string;
	/**
	 * Parameter path of the subtype, when it is not the "Event Subtype" option (`options.subtype`):
	 * Custom Event asks for it as a required field.
	 */
	readonly subtypeParameter?: string;
	/** The kind's fields, without displayOptions: the node adds those where it shows them. */
	readonly fields: INodeProperties[];
	/**
	 * Validates the item's values and builds the event body, with strings where Mapp uses
	 * strings and no key for an empty value. Throws NodeOperationError naming item and field.
	 */
	build(params: ParameterReader): IDataObject;
}
