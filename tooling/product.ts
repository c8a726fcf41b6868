/**
 * The one door from the tooling into the product (nodes/, credentials/): what the sandbox, the harness, the
 * benchmarks and the real-n8n kit share with the node, so that Mapp's paths, limits and token stay one definition.
 * test/unit/layout.test.ts keeps every other tooling file from importing the product directly.
 */
export {
	API_PATHS,
	CREDENTIAL_TYPE,
	DEFAULT_SUBTYPES,
	MAX_EVENTS_PER_BATCH,
	SIGNED_PATH_MARKER,
	integrationPath,
} from '../nodes/MappConnect/shared/api';
export {
	AUTH_TOKEN_HEADER,
	TOKEN_LIFETIME_SECONDS,
	nowInSeconds,
	requestHash,
	signToken,
} from '../nodes/MappConnect/shared/signing';
export { BATCH_DEFAULTS } from '../nodes/MappConnect/resources/batch/options';
export { RETRY_TIMINGS } from '../nodes/MappConnect/delivery/retry';
export type { RetryTimings } from '../nodes/MappConnect/delivery/retry';
export {
	readRecordsByChunk,
	FileFormatError,
	type CsvOptions,
	type FileFormat,
	type FileRecord,
} from '../nodes/MappConnect/file/records';
export type { RunSettings } from '../nodes/MappConnect/delivery/run';
// What `npm run bench:build` times: the node's first step of a run, without n8n around it.
export { prepareItems } from '../nodes/MappConnect/delivery/deliver';
export { workflowRun } from '../nodes/MappConnect/delivery/run';
export { EVENT_KINDS } from '../nodes/MappConnect/resources';
export { eventSending } from '../nodes/MappConnect/resources/resource';
