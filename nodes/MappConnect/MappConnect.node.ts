import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { listSearch } from './methods/listSearch';
import { RESOURCES } from './resources';
import type { RunSettings } from './delivery/run';
import { DEFAULT_RUN_SETTINGS } from './delivery/run';
import { customOperationsOf, resourceProperties } from './resources/resource';
import { CREDENTIAL_TYPE, INTEGRATION_BASE_URL_EXPRESSION } from './shared/api';

/**
 * Mapp Connect: a declarative node. The read operations run through n8n's routing. Every operation
 * that sends runs the one delivery of the package (delivery/deliver.ts), so that all items are
 * checked before any is sent and every item is reported: as a custom operation in a workflow step,
 * and through its routing when n8n runs the node as an AI agent's tool (delivery/run.ts).
 */
export class MappConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mapp Connect',
		name: 'mappConnect',
		icon: {
			light: 'file:../../icons/mappConnect.svg',
			dark: 'file:../../icons/mappConnect.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send contacts, messages, orders and catalog data to Mapp Engage through Mapp Connect',
		defaults: { name: 'Mapp Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: INTEGRATION_BASE_URL_EXPRESSION,
			json: true,
			ignoreHttpStatusErrors: true,
			// Mapp Connect does not redirect its API: a redirect would re-send the signed request elsewhere.
			disableFollowRedirect: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [...RESOURCES]
					.map(({ name, value }) => ({ name, value }))
					.sort((a, b) =>
						a.value === 'batch' ? -1 : b.value === 'batch' ? 1 : a.name.localeCompare(b.name),
					),
				default: 'user',
			},
			...RESOURCES.flatMap((resource) => resourceProperties(resource, this)),
		],
	};

	methods = { listSearch };

	customOperations = customOperationsOf(RESOURCES, this);

	/**
	 * n8n creates the node without arguments: the real retry timings. Tests hand it shorter ones. A
	 * run reads them from the node when it starts.
	 */
	constructor(readonly runSettings: RunSettings = DEFAULT_RUN_SETTINGS) {}
}
