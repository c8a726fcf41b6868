import type { EventKind } from '../../events/kind';
import type { Resource } from '../resource';
import { sendOperation } from './send';

/** Batch: for data imports, so it offers every event kind but the single-only ones (message sends, Custom Event). */
export function batchResource(kinds: readonly EventKind[]): Resource {
	return {
		value: 'batch',
		name: 'Batch',
		operations: [sendOperation(kinds.filter((kind) => !kind.singleOnly))],
	};
}
