/**
 * Group → Create: Mapp's `genericgroup` call takes a list of names, so all items' names go out in
 * one request, and each created group `{ name, id }` comes back paired to the item that named it.
 * A custom operation: routing sends one request per item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ChunkOutcome } from '../../delivery/engine';
import { sendChunks } from '../../delivery/engine';
import type { TransportResponse } from '../../delivery/retry';
import type { ResultAt } from '../../delivery/run';
import { engineSettings, errorItem, inItemOrder, prepareItems } from '../../delivery/run';
import { openTransport, requestSettings } from '../../delivery/transport';
import { textField } from '../../fields/text';
import { isPlainObject } from '../../fields/values';
import { API_PATHS } from '../../shared/api';
import { mappApiError } from '../../shared/errors';
import { unexpectedAnswer } from '../readOutput';
import type { Operation } from '../resource';

const groupName = textField({
	name: 'groupName',
	displayName: 'Group Name',
	required: true,
	description:
		'Name of the group to create in Mapp Engage. With several input items, all their groups are created in one request.',
});

async function createGroups(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = requestSettings(this);
	const { prepared, invalid } = prepareItems(this, (params) => groupName.read(params) as string);
	if (prepared.length === 0) return inItemOrder(invalid);
	const groupNames = [...new Set(prepared.map(({ value }) => value))];
	const transport = await openTransport(this, settings, this.getExecutionCancelSignal());
	let answer: TransportResponse | undefined;
	const [outcome] = await sendChunks(
		[groupNames],
		async (names) =>
			(answer = await transport({
				method: 'POST',
				path: API_PATHS.createGroups,
				body: { groupNames: names },
			})),
		engineSettings(this, { concurrency: 1, maxRetries: 0 }),
	);
	const node = this.getNode();
	const created = (answer?.body as IDataObject | undefined)?.groupNamesAndIds;
	if (outcome.success && !isPlainObject(created)) {
		throw unexpectedAnswer(
			{ getNode: () => node, getItemIndex: () => undefined },
			'the created groups and their IDs',
		);
	}
	const results = prepared.map(({ itemIndex, value: name }): ResultAt => {
		const failure = outcome.success
			? missingId(created as IDataObject, name, itemIndex)
			: failureOf(outcome, itemIndex);
		if (failure && !this.continueOnFail()) throw failure;
		if (failure) return [itemIndex, errorItem(failure, { item: itemIndex })];
		const id = String((created as IDataObject)[name]);
		return [itemIndex, { json: { name, id }, pairedItem: { item: itemIndex } }];
	});
	return inItemOrder(invalid, results);

	function missingId(
		groups: IDataObject,
		name: string,
		itemIndex: number,
	): NodeOperationError | undefined {
		if (Object.hasOwn(groups, name) && groups[name] !== null && groups[name] !== '')
			return undefined;
		return new NodeOperationError(node, `Mapp's answer has no ID for the group "${name}"`, {
			itemIndex,
		});
	}

	function failureOf({ response, reason, mayHaveArrived }: ChunkOutcome, itemIndex: number) {
		if (response) return mappApiError(node, response, { itemIndex });
		return new NodeOperationError(
			node,
			`The groups were not created: ${reason ?? 'the request failed'}`,
			{
				itemIndex,
				description: mayHaveArrived
					? 'Mapp may have created them: check its groups before running the node again.'
					: 'Check the System (or Base URL) of the credential, and the network between n8n and Mapp.',
			},
		);
	}
}

export const create: Operation = {
	option: {
		value: 'create',
		name: 'Create',
		action: 'Create a group',
		description: 'Create groups in Mapp Engage',
	},
	properties: groupName.properties,
	execute: createGroups,
};
