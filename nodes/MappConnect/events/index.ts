/**
 * The table of event kinds that every path uses: the single event operations (through the
 * buildEventBody hook) and the batch operation.
 */
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { couponAdd } from './coupon';
import { customEvent } from './custom';
import { invalidField, SUBTYPE_OPTION } from './fields';
import { messageSendEmail, messageSendEmailToGroup, messageSendPush, messageSendSms } from './message';
import { productDelete, productUpsert } from './product';
import { recommendationDelete, recommendationUpsert } from './recommendation';
import { relatedDataAdd, relatedDataDelete, relatedDataUpdate } from './relatedData';
import { SHOPPING_ACTIVITY_KINDS } from './shoppingActivity';
import { transactionDelete, transactionUpsert } from './transaction';
import type { EventKind, ParameterReader } from './types';
import { userRemoveFromGroup, userUnsubscribe, userUpsert } from './user';

export type { EventKind, ParameterReader } from './types';
export { ACTIVITY_TYPES } from './shoppingActivity';
export type { ActivityType } from './shoppingActivity';
export { itemReader, singleItemReader } from './readers';

/**
 * The kind each single event operation sends, by resource and operation. Shopping Activity
 * operations have one kind per activity type (the `activityType` parameter).
 */
export const EVENT_OPERATIONS = {
	user: { upsert: userUpsert, removeFromGroup: userRemoveFromGroup, unsubscribe: userUnsubscribe },
	message: {
		sendEmail: messageSendEmail,
		sendEmailToGroup: messageSendEmailToGroup,
		sendSms: messageSendSms,
		sendPush: messageSendPush,
	},
	transaction: { upsert: transactionUpsert, delete: transactionDelete },
	product: { upsert: productUpsert, delete: productDelete },
	recommendation: { upsert: recommendationUpsert, delete: recommendationDelete },
	coupon: { add: couponAdd },
	relatedData: { add: relatedDataAdd, update: relatedDataUpdate, delete: relatedDataDelete },
	customEvent: { send: customEvent },
} as const;

/** Every event kind, in the order the batch "Event Type" list shows them. */
export const EVENT_KINDS: readonly EventKind[] = [
	userUpsert,
	userRemoveFromGroup,
	userUnsubscribe,
	messageSendEmail,
	messageSendEmailToGroup,
	messageSendSms,
	messageSendPush,
	transactionUpsert,
	transactionDelete,
	productUpsert,
	productDelete,
	...Object.values(SHOPPING_ACTIVITY_KINDS).flatMap((kinds) => [kinds.upsert, kinds.delete]),
	recommendationUpsert,
	recommendationDelete,
	couponAdd,
	relatedDataAdd,
	relatedDataUpdate,
	relatedDataDelete,
	customEvent,
];

export function eventKindById(id: string): EventKind | undefined {
	return EVENT_KINDS.find((kind) => kind.id === id);
}

/** The kind a single event operation sends, or undefined when the operation sends no event. */
export function eventKindOf(resource: string, operation: string, activityType?: string): EventKind | undefined {
	if (resource === 'shoppingActivity') {
		const kinds = SHOPPING_ACTIVITY_KINDS[activityType as keyof typeof SHOPPING_ACTIVITY_KINDS];
		return operation === 'upsert' || operation === 'delete' ? kinds?.[operation] : undefined;
	}
	const operations = EVENT_OPERATIONS[resource as keyof typeof EVENT_OPERATIONS] as Record<string, EventKind> | undefined;
	return operations?.[operation];
}

/** A kind's fields as node properties shown only where `show` says (a single operation, or batch with this kind). */
export function kindProperties(kind: EventKind, show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return kind.fields.map((field) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...show, ...field.displayOptions?.show } },
	}));
}

/** The subtype an item's event is sent with: the user's Event Subtype, else the kind's default. */
export function eventSubtype(kind: EventKind, params: ParameterReader): string {
	const parameter = kind.subtypeParameter ?? `${SUBTYPE_OPTION.collection}.${SUBTYPE_OPTION.name}`;
	const value = params.get<unknown>(parameter, '');
	const subtype = (typeof value === 'string' ? value.trim() : String(value ?? '')) || kind.subtype;
	if (!subtype) throw invalidField(params, 'Event Subtype', 'is required');
	if (/\s/.test(subtype)) throw invalidField(params, 'Event Subtype', `must not contain spaces ("${subtype}")`);
	return subtype;
}

export interface BuiltEvent {
	subtype: string;
	event: IDataObject;
}

/** Validates one item's values and builds its event: what goes in `?subtype=` and in the body. */
export function buildEvent(kind: EventKind, params: ParameterReader): BuiltEvent {
	return { subtype: eventSubtype(kind, params), event: kind.build(params) };
}
