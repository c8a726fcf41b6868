/** What every sending operation (single events and Batch) does around the engine: items in, items out. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import { DRY_RUN_OPTION } from '../fields/collection';
import type { ParameterReader } from '../fields/field';
import { itemReaders } from '../fields/readers';
import { CREDENTIAL_TYPE, integrationBaseUrl } from '../shared/api';
import type { EngineSettings } from './engine';
import type { Spacing } from './pace';
import { retryTimings } from './retry';

/** An output item and the input item it answers, so that the output keeps the input's order. */
export type ResultAt = [itemIndex: number, result: INodeExecutionData];

export interface Prepared<T> {
	itemIndex: number;
	value: T;
}

/**
 * Builds and checks every item before anything is sent. An invalid item stops the run (nothing
 * has been sent yet), or with Continue On Fail becomes an error item while the valid ones go.
 */
export function prepareItems<T>(
	context: IExecuteFunctions,
	prepare: (params: ParameterReader, json: IDataObject) => T,
): { prepared: Array<Prepared<T>>; invalid: ResultAt[] } {
	const items = context.getInputData();
	const readerFor = itemReaders(context);
	const prepared: Array<Prepared<T>> = [];
	const invalid: ResultAt[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const params = readerFor(itemIndex, items[itemIndex].json);
		try {
			prepared.push({ itemIndex, value: prepare(params, items[itemIndex].json) });
		} catch (error) {
			const failure =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(params.node, error as Error, { itemIndex });
			if (!context.continueOnFail()) throw failure;
			invalid.push([itemIndex, errorItem(failure, { item: itemIndex })]);
		}
	}
	return { prepared, invalid };
}

/**
 * An n8n error item: it goes to the node's error output when there is one, and n8n shows it as
 * `{ error: message }`. The message is the package's own, so that n8n has nothing to rewrite.
 */
export function errorItem(
	error: NodeOperationError | Error,
	pairedItem: INodeExecutionData['pairedItem'],
): INodeExecutionData {
	return {
		json: { error: error.message },
		error: error as INodeExecutionData['error'],
		pairedItem,
	};
}

/** The results of all items, in the order of the input. */
export function inItemOrder(...results: ResultAt[][]): INodeExecutionData[][] {
	const all = results.flat();
	// usually already in order (no invalid items, chunks in order): then sorting is wasted time
	if (all.some(([itemIndex], at) => at > 0 && itemIndex < all[at - 1][0]))
		all.sort(([a], [b]) => a - b);
	return [all.map(([, result]) => result)];
}

/** The engine's settings for this run: real time, cancelled with the execution. */
export function engineSettings(
	context: IExecuteFunctions,
	settings: { concurrency: number; maxRetries: number; spacing?: Spacing },
): EngineSettings {
	const signal = context.getExecutionCancelSignal();
	return {
		...settings,
		stopAfterFailure: !context.continueOnFail(),
		timings: retryTimings,
		clock: { now: () => Date.now(), sleep: async (ms) => await sleepWithAbort(ms, signal) },
		random: Math.random,
	};
}

/**
 * Whether this run is a Dry Run: the kind's Options → Dry Run, or any other switch at `alsoAt`
 * (Batch Options → Dry Run). Read once per run, from the first item, like the Request Options.
 */
export function isDryRun(context: IExecuteFunctions, ...alsoAt: string[]): boolean {
	const paths = [`${DRY_RUN_OPTION.collection}.${DRY_RUN_OPTION.name}`, ...alsoAt];
	return paths.some((path) => context.getNodeParameter(path, 0, false) === true);
}

/**
 * A Dry Run still needs the credential, so that what it outputs could have been signed and sent
 * (an unknown system fails here as it would in a real run); it opens no connection.
 */
export async function checkCredential(context: IExecuteFunctions): Promise<void> {
	integrationBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
}

/** A Dry Run's output for one item: what would have been sent, marked as not sent. */
export function dryRunResult(itemIndex: number, json: IDataObject): ResultAt {
	return [itemIndex, { json: { dryRun: true, ...json }, pairedItem: { item: itemIndex } }];
}
