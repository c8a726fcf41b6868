/**
 * Every resource of the node, in one list. The node's description, its custom operations and the
 * kinds Batch offers are derived from it; a unit test checks the README's operation table against it.
 */
import type { EventKind } from '../events/kind';
import { automation } from './automation';
import { batchResource } from './batch';
import { coupon } from './coupon';
import { customEvent } from './customEvent';
import { group } from './group';
import { integration } from './integration';
import { message } from './message';
import { mobileApp } from './mobileApp';
import { newsletter } from './newsletter';
import { product } from './product';
import { recommendation } from './recommendation';
import { relatedData } from './relatedData';
import type { Resource } from './resource';
import { shoppingActivity } from './shoppingActivity';
import { transaction } from './transaction';
import { user } from './user';

/** The resources with single operations, in the order Batch lists their event kinds. */
const SINGLE_RESOURCES: readonly Resource[] = [
	user,
	newsletter,
	message,
	transaction,
	product,
	shoppingActivity,
	recommendation,
	coupon,
	relatedData,
	automation,
	group,
	mobileApp,
	integration,
	customEvent,
];

/** Every event kind of the single operations. */
export const EVENT_KINDS: readonly EventKind[] = SINGLE_RESOURCES.flatMap(({ operations }) =>
	operations.flatMap(({ kinds }) => kinds ?? []),
);

export const RESOURCES: readonly Resource[] = [...SINGLE_RESOURCES, batchResource(EVENT_KINDS)];
