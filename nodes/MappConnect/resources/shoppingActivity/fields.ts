/** What every shopping activity operation has: the activity type (which picks the subtype), contact and product. */
import type { INodeProperties } from 'n8n-workflow';
import type { EventKind } from '../../events/kind';
import { textField } from '../../fields/text';
import { DEFAULT_SUBTYPES } from '../../shared/api';

/** The kinds of shopping activity; each has its own default subtype. */
export const ACTIVITY_TYPES = [
	{ value: 'abandonedCart', name: 'Abandoned Cart', subtype: DEFAULT_SUBTYPES.abandonedCart },
	{ value: 'browse', name: 'Browse', subtype: DEFAULT_SUBTYPES.browse },
	{ value: 'wishlist', name: 'Wishlist', subtype: DEFAULT_SUBTYPES.wishlist },
] as const;

export const activityTypeField: INodeProperties = {
	displayName: 'Activity Type',
	name: 'activityType',
	type: 'options',
	default: 'abandonedCart',
	description: 'What the contact did; picks the event subtype',
	options: ACTIVITY_TYPES.map(({ name, value }) => ({ name, value })),
};

export const activitySku = textField({
	name: 'sku',
	displayName: 'SKU',
	required: true,
	description: 'SKU of the product',
});

/** One kind per activity type, by activity type: the fields are the same, the default subtype differs. */
export function kindsPerActivityType(
	kindOf: (activity: (typeof ACTIVITY_TYPES)[number]) => EventKind,
): Record<string, EventKind> {
	return Object.fromEntries(ACTIVITY_TYPES.map((activity) => [activity.value, kindOf(activity)]));
}
