import { DEFAULT_SUBTYPES } from '../shared/api';
import {
	dateField,
	decimalField,
	eventBody,
	identifierField,
	nameValuesField,
	optionsField,
	propertiesOf,
	textField,
} from './fields';
import type { EventKind } from './types';

/** The kinds of shopping activity; each has its own default subtype. */
export const ACTIVITY_TYPES = [
	{ value: 'abandonedCart', name: 'Abandoned Cart', subtype: DEFAULT_SUBTYPES.abandonedCart },
	{ value: 'browse', name: 'Browse', subtype: DEFAULT_SUBTYPES.browse },
	{ value: 'wishlist', name: 'Wishlist', subtype: DEFAULT_SUBTYPES.wishlist },
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number]['value'];

const identifier = identifierField();
const sku = textField({ name: 'sku', displayName: 'SKU', required: true, description: 'SKU of the product' });
const createdAt = dateField({
	name: 'createdAt',
	displayName: 'Created At',
	acceptEpochMilliseconds: true,
	placeholder: 'e.g. 2024-02-10T17:25:43.511Z or 1741867804875',
	description: 'When the product was added: a date (sent as ISO 8601) or epoch milliseconds',
});
const price = decimalField({ name: 'price', displayName: 'Price', placeholder: 'e.g. 25' });
const extraFields = nameValuesField({
	name: 'extraFields',
	displayName: 'Extra Fields',
	itemName: 'Field',
	description: "More fields of the activity, by their name in the integration's mapping (e.g. size)",
});

function upsertKind(activity: (typeof ACTIVITY_TYPES)[number]): EventKind {
	return {
		id: `${activity.value}Upsert`,
		displayName: `${activity.name}: Create or Update`,
		subtype: activity.subtype,
		fields: propertiesOf(identifier, sku, createdAt, price, extraFields, optionsField(activity.subtype)),
		build: (params) =>
			eventBody(
				params,
				{ ...identifier.read(params), sku: sku.read(params), createdAt: createdAt.read(params), price: price.read(params) },
				{ field: extraFields, values: extraFields.read(params) },
			),
	};
}

function deleteKind(activity: (typeof ACTIVITY_TYPES)[number]): EventKind {
	return {
		id: `${activity.value}Delete`,
		displayName: `${activity.name}: Delete`,
		subtype: activity.subtype,
		fields: propertiesOf(identifier, sku, optionsField(activity.subtype)),
		build: (params) => eventBody(params, { sku: sku.read(params), ...identifier.read(params), delete: 'true' }),
	};
}

/** Create or Update and Delete kinds of every activity type, by activity type. */
export const SHOPPING_ACTIVITY_KINDS = Object.fromEntries(
	ACTIVITY_TYPES.map((activity) => [activity.value, { upsert: upsertKind(activity), delete: deleteKind(activity) }]),
) as Record<ActivityType, { upsert: EventKind; delete: EventKind }>;
