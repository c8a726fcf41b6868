/**
 * Integration → Connect: `POST …/connect` with a JSON configuration, as every Mapp client calls it
 * to set the integration's parameters and mark it connected. One request per item, each item's
 * answer as it came; not retried: a request that got no answer may have changed the integration.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import type { ResultAt, Sending, Sent } from '../../delivery/deliver';
import { deliver } from '../../delivery/deliver';
import type { Subject } from '../../delivery/results';
import { errorItem, itemFates, requestFailure } from '../../delivery/results';
import { converted, invalidField } from '../../fields/problems';
import { isEmpty, parseObject } from '../../fields/values';
import { API_PATHS } from '../../shared/api';
import type { Operation } from '../resource';
import { sendingOperation } from '../resource';
import { answerJson } from './answer';

const CONFIGURATION = 'Configuration (JSON)';

/**
 * The longest configuration sent, in characters of JSON: Mapp's clients send a few parameters
 * (docs/mapp-connect-api.md), so a larger one is a mistake (a whole file mapped in), not a setting.
 */
const MAX_CONFIGURATION_LENGTH = 1_000_000;

const CONFIGURATION_SENT: Subject = {
	name: 'The configuration',
	notDelivered: 'did not reach Mapp',
	unknown: 'may or may not have reached Mapp',
	was: 'was',
	checkFirst:
		"Check the integration's status and settings in Mapp Engage (Data Management → Mapp Connect) before connecting it again.",
};

const connectSending = (node: INode): Sending<IDataObject> => ({
	build(params) {
		const raw = params.get<unknown>('configuration', '');
		if (isEmpty(raw))
			throw invalidField(params, CONFIGURATION, 'is required: a JSON object, or {}');
		return converted(params, CONFIGURATION, () =>
			parseObject(raw, { maxLength: MAX_CONFIGURATION_LENGTH }),
		);
	},
	requests: (prepared) =>
		prepared.map((item) => ({
			items: [item],
			request: { method: 'POST', path: API_PATHS.connect, body: item.value },
		})),
	engine: () => ({ concurrency: 1, maxRetries: 0 }),
	report(sent) {
		const results = sent.map((request) => resultOf(node, request));
		const failed = results.find(([, result]) => result.error);
		if (!failed) return { results };
		const failure = failed[1].error as Error & { description?: string | null };
		// Several items: which ones Mapp got, as the run stops at the first failure.
		if (sent.length > 1) {
			const { lines } = itemFates(
				sent.map(({ items, outcome }) => ({ itemIndexes: [items[0].itemIndex], outcome })),
			);
			failure.description = [failure.description, lines.join('\n')].filter(Boolean).join('\n\n');
		}
		return { results, failure };
	},
});

function resultOf(node: INode, { items: [{ itemIndex }], outcome }: Sent<IDataObject>): ResultAt {
	const pairedItem = { item: itemIndex };
	if (!outcome.success) {
		const failure = requestFailure(node, outcome, CONFIGURATION_SENT, { itemIndex });
		return [itemIndex, errorItem(failure, pairedItem)];
	}
	return [itemIndex, { json: answerJson(outcome.response?.body), pairedItem }];
}

export const connect: Operation = sendingOperation(
	{
		value: 'connect',
		name: 'Connect',
		action: 'Connect the integration',
		description:
			"Send the integration's configuration and mark it connected, as Mapp's own clients do",
	},
	[
		{
			displayName: CONFIGURATION,
			name: 'configuration',
			type: 'json',
			default: '{}',
			required: true,
			description:
				'The configuration to send, as a JSON object ({} sends none). Mapp\'s PHP client and Magento plugin send {"params": {"name": "value"}}; its Salesforce plugin sends {"createDefaultGroups": true, "groupNamesToBeCreated": ["Customers"]}. What Mapp answers depends on the type of the integration.',
		},
	],
	async (run) => await deliver(run, connectSending(run.getNode())),
);
