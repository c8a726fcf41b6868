/** The hooks of every single event operation: build the event before the request, report it after. */
import type {
	IExecuteData,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { BuiltEvent, EventKind } from '../events';
import { buildEvent, eventKindOf, singleItemReader } from '../events';
import { isMappError, mappApiError } from '../shared/errors';

/** The event each item's request carried, so that the output shows exactly what was sent. */
const sentEvents = new WeakMap<IExecuteSingleFunctions, BuiltEvent>();

function currentKind(context: IExecuteSingleFunctions): EventKind {
	const resource = context.getNodeParameter('resource') as string;
	const operation = context.getNodeParameter('operation') as string;
	const activityType = context.getNodeParameter('activityType', '') as string;
	const kind = eventKindOf(resource, operation, activityType);
	if (!kind) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" sends no event`, {
			itemIndex: context.getItemIndex(),
		});
	}
	return kind;
}

/**
 * The first invalid item of a run, keyed by the run's execute data (one object that every item's
 * context shares). Routing builds the requests of all items in one synchronous loop and sends each
 * as soon as its preSend resolves; a valid item therefore waits one tick, by which time every item
 * has been validated, and is not sent when another item was invalid: bad input stops the node
 * before any event goes out. With Continue On Fail each item stands on its own.
 */
const firstInvalidItemOfRun = new WeakMap<IExecuteData, NodeOperationError>();

/** preSend: validates the item's values and puts its event in the body and its subtype in the query. */
export async function buildEventBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const run = this.getExecuteData();
	const stopsTheRun = !this.continueOnFail();
	let built: BuiltEvent;
	try {
		built = buildEvent(currentKind(this), singleItemReader(this));
	} catch (error) {
		const invalid =
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: this.getItemIndex() });
		if (stopsTheRun && !firstInvalidItemOfRun.has(run)) firstInvalidItemOfRun.set(run, invalid);
		throw invalid;
	}
	if (stopsTheRun) {
		await sleep(0);
		const invalid = firstInvalidItemOfRun.get(run);
		if (invalid) throw invalid;
	}
	sentEvents.set(this, built);
	return { ...requestOptions, qs: { ...requestOptions.qs, subtype: built.subtype }, body: built.event };
}

/** postReceive: one item per input item, `{ success, statusCode, subtype, event }`; a Mapp error answer throws. */
export async function toEventResult(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const built = sentEvents.get(this) ?? buildEvent(currentKind(this), singleItemReader(this));
	const itemIndex = this.getItemIndex();
	if (isMappError(response.statusCode)) {
		throw mappApiError(this.getNode(), response, { subtype: built.subtype, itemIndex });
	}
	return [
		{
			json: { success: true, statusCode: response.statusCode, subtype: built.subtype, event: built.event },
			pairedItem: { item: itemIndex },
		},
	];
}
