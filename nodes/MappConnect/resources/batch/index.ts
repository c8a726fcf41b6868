import type { EventKind } from '../../events/kind';
import type { Resource } from '../resource';
import { sendOperation } from './send';
import { sendFileOperation } from './sendFile';

/** Batch: for data imports, so it offers every event kind but the single-only ones (message sends, Custom Event). */
export function batchResource(kinds: readonly EventKind[]): Resource {
	const batchKinds = kinds.filter((kind) => !kind.singleOnly);
	return {
		value: 'batch',
		name: 'Batch',
		operations: [sendOperation(batchKinds), sendFileOperation(batchKinds)],
	};
}
