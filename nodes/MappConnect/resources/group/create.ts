/**
 * Group → Create: Mapp's `genericgroup` call takes a list of names, so all items' names go out in
 * one request, and each created group `{ name, id }` comes back paired to the item that named it.
 * Not retried: a request that got no answer may have created the groups.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ResultAt, Sending, Sent } from '../../delivery/deliver';
import { deliver } from '../../delivery/deliver';
import type { Subject } from '../../delivery/results';
import { errorItem, requestFailure } from '../../delivery/results';
import { converted } from '../../fields/problems';
import { textField } from '../../fields/text';
import { checkName, isPlainObject } from '../../fields/values';
import { API_PATHS } from '../../shared/api';
import { unexpectedAnswer } from '../readOutput';
import type { Operation } from '../resource';
import { sendingOperation } from '../resource';

const groupName = textField({
	name: 'groupName',
	displayName: 'Group Name',
	required: true,
	description:
		'Name of the group to create in Mapp Engage. With several input items, all their groups are created in one request.',
});

const GROUPS: Subject = {
	name: 'The groups',
	notDelivered: 'were not created',
	unknown: 'may or may not have been created',
	was: 'were',
	checkFirst:
		'Check the groups in Mapp Engage before running the node again: Mapp may have created them.',
};

const groupSending = (node: INode): Sending<string> => ({
	build: (params) =>
		converted(params, groupName.label, () => checkName(groupName.read(params) as string)),
	requests: (prepared) => [
		{
			items: prepared,
			request: {
				method: 'POST',
				path: API_PATHS.createGroups,
				body: { groupNames: [...new Set(prepared.map(({ value }) => value))] },
			},
		},
	],
	engine: () => ({ concurrency: 1, maxRetries: 0 }),
	report: ([sent]) => createdGroups(node, sent),
});

/** Each item's group with its ID; a group Mapp's answer has no ID for is that item's error. */
function createdGroups(node: INode, { items, outcome }: Sent<string>) {
	if (!outcome.success) {
		const failure = requestFailure(node, outcome, GROUPS, { itemIndex: items[0].itemIndex });
		const results = items.map(({ itemIndex }): ResultAt => {
			return [itemIndex, errorItem(failure, { item: itemIndex })];
		});
		return { results, failure };
	}
	const created = (outcome.response?.body as IDataObject | undefined)?.groupNamesAndIds;
	if (!isPlainObject(created)) {
		const failure = unexpectedAnswer(
			{ getNode: () => node, getItemIndex: () => undefined },
			'the created groups and their IDs',
		);
		return {
			results: items.map(({ itemIndex }): ResultAt => [
				itemIndex,
				errorItem(failure, { item: itemIndex }),
			]),
			failure,
		};
	}
	const idOf = (name: string) =>
		Object.hasOwn(created, name) ? groupId(created[name]) : undefined;
	const missing = [...new Set(items.map(({ value }) => value).filter((name) => !idOf(name)))];
	const createdList = [...new Set(items.map(({ value }) => value))]
		.filter((name) => idOf(name))
		.map((name) => `"${name}" (ID ${idOf(name)})`);
	const results = items.map(({ itemIndex, value: name }): ResultAt => {
		const id = idOf(name);
		if (id) return [itemIndex, { json: { name, id }, pairedItem: { item: itemIndex } }];
		const error = new NodeOperationError(node, `Mapp's answer has no ID for the group "${name}"`, {
			itemIndex,
			description: `Created: ${createdList.join(', ') || 'none'}. Check the groups in Mapp Engage before creating "${name}" again.`,
		});
		return [itemIndex, errorItem(error, { item: itemIndex })];
	});
	if (missing.length === 0) return { results };
	const failure = new NodeOperationError(
		node,
		`Mapp's answer has no ID for ${missing.length === 1 ? 'the group' : 'the groups'} ${missing.map((name) => `"${name}"`).join(', ')}`,
		{
			itemIndex: items.find(({ value }) => missing.includes(value))?.itemIndex,
			description: `Created: ${createdList.join(', ') || 'none'}. Check the groups in Mapp Engage before creating the others again.`,
		},
	);
	return { results, failure };
}

/**
 * A group ID in Mapp's answer, as text: Mapp's group IDs are whole numbers, sent as a number or its
 * digits. Anything else (false, an object, "") is no ID, so that no "false" or "[object Object]"
 * is ever output as one.
 */
function groupId(value: unknown): string | undefined {
	if (typeof value === 'number')
		return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
	return typeof value === 'string' && /^\d+$/.test(value.trim()) ? value.trim() : undefined;
}

export const create: Operation = sendingOperation(
	{
		value: 'create',
		name: 'Create',
		action: 'Create a group',
		description: 'Create groups in Mapp Engage',
	},
	groupName.properties,
	async (run) => await deliver(run, groupSending(run.getNode())),
);
