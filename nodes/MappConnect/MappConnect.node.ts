import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ListSearchMethod } from './events/fields';
import { CREDENTIAL_TYPE, INTEGRATION_BASE_URL_EXPRESSION } from './shared/api';
import {
	searchEmailMessages,
	searchGroups,
	searchMobileApps,
	searchPushMessages,
	searchSmsMessages,
} from './shared/loaders';
import { couponDescription } from './resources/coupon';
import { customEventDescription } from './resources/customEvent';
import { groupDescription } from './resources/group';
import { messageDescription } from './resources/message';
import { mobileAppDescription } from './resources/mobileApp';
import { productDescription } from './resources/product';
import { recommendationDescription } from './resources/recommendation';
import { relatedDataDescription } from './resources/relatedData';
import { shoppingActivityDescription } from './resources/shoppingActivity';
import { transactionDescription } from './resources/transaction';
import { userDescription } from './resources/user';
// Batch (its own issue): the description and the custom operation that replaces routing for Batch > Send.
import { batchResource } from './resources/batch';
import { sendBatch } from './batch/send';

const listSearch: Record<ListSearchMethod, (typeof searchGroups)> = {
	searchGroups,
	searchEmailMessages,
	searchSmsMessages,
	searchPushMessages,
	searchMobileApps,
};

export class MappConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mapp Connect',
		name: 'mappConnect',
		icon: { light: 'file:../../icons/mappConnect.svg', dark: 'file:../../icons/mappConnect.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send contacts, messages, orders and catalog data to Mapp Engage through Mapp Connect',
		defaults: { name: 'Mapp Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: { baseURL: INTEGRATION_BASE_URL_EXPRESSION, json: true, ignoreHttpStatusErrors: true },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Batch', value: 'batch' },
					{ name: 'Coupon', value: 'coupon' },
					{ name: 'Custom Event', value: 'customEvent' },
					{ name: 'Group', value: 'group' },
					{ name: 'Message', value: 'message' },
					{ name: 'Mobile App', value: 'mobileApp' },
					{ name: 'Product', value: 'product' },
					{ name: 'Recommendation', value: 'recommendation' },
					{ name: 'Related Data', value: 'relatedData' },
					{ name: 'Shopping Activity', value: 'shoppingActivity' },
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...userDescription,
			...messageDescription,
			...transactionDescription,
			...productDescription,
			...shoppingActivityDescription,
			...recommendationDescription,
			...couponDescription,
			...relatedDataDescription,
			...groupDescription,
			...mobileAppDescription,
			...customEventDescription,
			...batchResource,
		],
	};

	methods = { listSearch };

	customOperations = { batch: { send: sendBatch } };
}
