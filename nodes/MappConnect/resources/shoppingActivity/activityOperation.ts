import { ACTIVITY_TYPES, eventKindOf, kindProperties } from '../../events';
import type { Operation } from '../operations';
import { EVENT_ROUTING } from '../operations';

/** A Shopping Activity event operation: the fields of the kind of the chosen activity type. */
export function activityOperation(spec: { value: 'upsert' | 'delete'; name: string; action: string; description: string }): Operation {
	return {
		option: { ...spec, routing: EVENT_ROUTING },
		properties: ACTIVITY_TYPES.flatMap(({ value: activityType }) => {
			const kind = eventKindOf('shoppingActivity', spec.value, activityType);
			if (!kind) throw new Error(`No event kind for shoppingActivity.${spec.value} of ${activityType}`);
			return kindProperties(kind, {
				resource: ['shoppingActivity'],
				operation: [spec.value],
				activityType: [activityType],
			});
		}),
	};
}
