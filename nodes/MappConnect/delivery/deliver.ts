/**
 * The one way every sending operation runs (single events, Batch → Send, Group → Create,
 * Integration → Connect), on every path n8n runs the node (delivery/run.ts):
 * 1. every item is built and checked before anything is sent: a bad item stops the run, or with
 *    Continue On Fail becomes an error item while the good ones go;
 * 2. a Dry Run (asked for by any item) outputs what would be sent, and sends nothing;
 * 3. the requests go out through the engine (delivery/engine.ts), paced and retried as the
 *    operation says;
 * 4. every input item is accounted for in the output, in the input's order; a failure without
 *    Continue On Fail stops the node with every item's fate in its description.
 * Routing cannot do this: it sends each item's request as soon as that item is built.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import type { ParameterReader } from '../fields/field';
import { itemReaders } from '../fields/readers';
import { CREDENTIAL_TYPE, integrationBaseUrl } from '../shared/api';
import type { ChunkOutcome, EngineSettings } from './engine';
import { sendChunks } from './engine';
import type { Spacing } from './pace';
import type { Prepared } from './results';
import { errorItem } from './results';
import type { RunContext } from './run';
import type { MappRequest, RequestSettings } from './transport';
import { openTransport, requestSettings } from './transport';

/** An output item and the input item it answers, so that the output keeps the input's order. */
export type ResultAt = [itemIndex: number, result: INodeExecutionData];

/** One request and the items it carries. */
export interface Outgoing<B> {
	items: Array<Prepared<B>>;
	request: MappRequest;
}

/** A request as sent, and what became of it. */
export interface Sent<B> extends Outgoing<B> {
	outcome: ChunkOutcome;
}

/** What an operation's run produced: the output items, and the error that stops the node, if any. */
export interface Report {
	results: ResultAt[];
	failure?: Error;
}

/** What a sending operation declares; `deliver` runs it. */
export interface Sending<B> {
	/** Builds one item's part of the requests, or throws an error naming the item and the field. */
	build(params: ParameterReader, json: IDataObject): B;
	/** Whether one item asks for a Dry Run; any item asking makes the whole run dry. */
	dryRun?(params: ParameterReader): boolean;
	/** The requests that carry the built items, in the items' order. */
	requests(prepared: Array<Prepared<B>>): Array<Outgoing<B>>;
	/** How the requests are sent: at once, retried, spaced. */
	engine(settings: RequestSettings): { concurrency: number; maxRetries: number; spacing?: Spacing };
	/** What a Dry Run outputs instead of sending. */
	dryRunOutput?(requests: Array<Outgoing<B>>): ResultAt[];
	/** Every item's output after sending, and the error that stops the node (without Continue On Fail). */
	report(sent: Array<Sent<B>>): Report;
}

export async function deliver<B>(
	run: RunContext,
	sending: Sending<B>,
): Promise<INodeExecutionData[][]> {
	const settings = requestSettings(run);
	const { prepared, invalid, dryRun } = prepareItems(run, sending);
	if (dryRun && sending.dryRunOutput) {
		// The credential is still checked, so that what a Dry Run shows could have been signed and sent.
		integrationBaseUrl(await run.getCredentials(CREDENTIAL_TYPE));
		return inItemOrder(invalid, sending.dryRunOutput(sending.requests(prepared)));
	}
	if (prepared.length === 0) return inItemOrder(invalid);
	const outgoing = sending.requests(prepared);
	const transport = await openTransport(run, settings);
	const outcomes = await sendChunks(
		outgoing,
		async ({ request }) => await transport(request),
		engineSettings(run, sending.engine(settings)),
	);
	const { results, failure } = sending.report(
		outgoing.map((request, index) => ({ ...request, outcome: outcomes[index] })),
	);
	if (failure && !run.continueOnFail()) throw failure;
	return inItemOrder(invalid, results);
}

/**
 * Builds and checks every item before anything is sent. An invalid item stops the run (nothing
 * has been sent yet), or with Continue On Fail becomes an error item while the valid ones go. A
 * Dry Run switch that cannot be read stops the run even with Continue On Fail: whether that item
 * wanted nothing sent cannot be known. Exported for `npm run bench:build`, which times this step.
 */
export function prepareItems<B>(
	run: RunContext,
	sending: Sending<B>,
): { prepared: Array<Prepared<B>>; invalid: ResultAt[]; dryRun: boolean } {
	const readerFor = itemReaders(run);
	const prepared: Array<Prepared<B>> = [];
	const invalid: ResultAt[] = [];
	let dryRun = false;
	for (let at = 0; at < run.items.length; at++) {
		const { json } = run.items[at];
		const itemIndex = run.firstItem + at;
		const params = readerFor(itemIndex, json);
		if (sending.dryRun?.(params)) dryRun = true;
		try {
			prepared.push({ itemIndex, value: sending.build(params, json) });
		} catch (error) {
			const failure =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(params.node, error as Error, { itemIndex });
			if (!run.continueOnFail()) throw failure;
			invalid.push([itemIndex, errorItem(failure, { item: itemIndex })]);
		}
	}
	return { prepared, invalid, dryRun };
}

/** The results of all items, in the order of the input. */
export function inItemOrder(...results: ResultAt[][]): INodeExecutionData[][] {
	const all = results.flat();
	// usually already in order (no invalid items, requests in order): then sorting is wasted time
	if (all.some(([itemIndex], at) => at > 0 && itemIndex < all[at - 1][0]))
		all.sort(([a], [b]) => a - b);
	return [all.map(([, result]) => result)];
}

/** The engine's settings for this run: real time, cancelled with the execution, the run's retry timings. */
export function engineSettings(
	run: RunContext,
	settings: { concurrency: number; maxRetries: number; spacing?: Spacing },
): EngineSettings {
	const signal = run.getExecutionCancelSignal?.();
	return {
		...settings,
		stopAfterFailure: !run.continueOnFail(),
		timings: run.retryTimings,
		clock: { now: () => Date.now(), sleep: async (ms) => await sleepWithAbort(ms, signal) },
		random: Math.random,
	};
}

/** A Dry Run's output for one item: what would have been sent, marked as not sent. */
export function dryRunResult(itemIndex: number, json: IDataObject): ResultAt {
	return [itemIndex, { json: { dryRun: true, ...json }, pairedItem: { item: itemIndex } }];
}
