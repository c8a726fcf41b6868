import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	isJsonContentType,
	passesFilters,
	readFeedbackBody,
	toOutputJson,
	type FeedbackFilters,
} from './feedback';
import { PROTECTION, TOKEN_QUERY_PARAMETER, checkProtection } from './protection';
import { DEFAULT_BODY_LIMIT_KB, readOptions } from './settings';

/** The parts of n8n's request object the trigger reads; n8n has read the body by the time the node runs. */
interface CallbackRequest {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer;
	readRawBody(): Promise<void>;
}

/** RFC 9110's token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The trigger's first type name: saved workflows use it, so it stays, hidden from the node panel, which offers
 * the same trigger as `mappConnectFeedbackTrigger` (MappConnectFeedbackTrigger.node.ts says why).
 */
export class MappConnectTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mapp Connect Trigger',
		name: 'mappConnectTrigger',
		hidden: true,
		icon: {
			light: 'file:../../icons/mappConnect.svg',
			dark: 'file:../../icons/mappConnect.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Feedback from Mapp Connect" }}',
		description:
			'Starts the workflow when Mapp Connect reports on the events it processed (errors such as a missing SKU)',
		eventTriggerDescription: 'Waiting for Mapp Connect to send feedback to the Test URL',
		activationMessage: 'Mapp Connect can now send feedback to the Production URL.',
		defaults: { name: 'Mapp Connect Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mappConnectCallbackAuthApi',
				required: true,
				testedBy: 'checkCallbackHeader',
				displayOptions: { show: { authentication: [PROTECTION.headerAuth] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'mapp-feedback' },
		],
		properties: [
			{
				displayName: `In Mapp Engage (Data Management → Mapp Connect), edit your integration: set its Feedback mode to Callback URL and paste the Production URL there. With Secret Token, append ?${TOKEN_QUERY_PARAMETER}= and the token to it.`,
				name: 'callbackUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Secret Token in URL',
						value: PROTECTION.secretToken,
						description: `The URL must carry ?${TOKEN_QUERY_PARAMETER}=&lt;Secret Token&gt;`,
					},
					{
						name: 'Header Auth',
						value: PROTECTION.headerAuth,
						description: 'Every request must carry a header with a secret value',
					},
					{
						name: 'None',
						value: PROTECTION.none,
						description: 'Only the random ID in the URL keeps strangers out',
					},
				],
				default: 'secretToken',
				description:
					'How the trigger tells Mapp from anyone else: Mapp does not sign its callbacks. Requests that fail get 401 and start nothing.',
			},
			{
				displayName: 'Secret Token',
				name: 'secretToken',
				type: 'string',
				typeOptions: { password: true },
				default: '={{ $nodeId }}',
				required: true,
				displayOptions: { show: { authentication: [PROTECTION.secretToken] } },
				description: `The value of the URL's "${TOKEN_QUERY_PARAMETER}" query parameter. By default this node's random ID; any hard-to-guess text works.`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Body Size Limit (KB)',
						name: 'bodyLimitKb',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_BODY_LIMIT_KB,
						description: 'Larger bodies get 413 and start nothing',
					},
					{
						displayName: 'Error Codes',
						name: 'errorCodes',
						type: 'string',
						default: '',
						placeholder: 'MISSING_FIELD, CONTACT_NOT_FOUND',
						description:
							'Comma-separated. Only entries with one of these error codes start the workflow.',
					},
					{
						displayName: 'Integration ID',
						name: 'integrationId',
						type: 'string',
						default: '',
						description:
							'Only entries of this integration start the workflow, so that one URL can serve several integrations',
					},
					{
						displayName: 'Mapping Names',
						name: 'mappingNames',
						type: 'string',
						default: '',
						placeholder: 'product, transaction',
						description:
							'Comma-separated event subtypes. Only entries of these mappings start the workflow.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async checkCallbackHeader(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const name = String(credential.data?.headerName ?? '');
				if (!HEADER_NAME.test(name)) {
					return {
						status: 'Error',
						message: 'The header name may hold letters, digits and - _ . only',
					};
				}
				const value = credential.data?.headerSecret;
				if (typeof value !== 'string' || value.trim() === '') {
					return { status: 'Error', message: 'The header value is empty or only spaces' };
				}
				return { status: 'OK', message: 'The header can be used' };
			},
		},
	};

	/** Mapp has no API to register a callback URL: the user pastes it into the integration, so there is nothing to set up. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			response.end(JSON.stringify(body));
		};

		let limitBytes: number;
		let filters: FeedbackFilters;
		try {
			if ((await checkProtection(this)) === 'denied') {
				answer(401, { message: 'Unauthorized' });
				return { noWebhookResponse: true };
			}
			({ limitBytes, filters } = readOptions(this));
		} catch (error) {
			// Only the settings and the credential are read here. 503: the trigger cannot take feedback
			// until they are fixed; the request was not at fault, and a later delivery may succeed.
			const message = `The Mapp Connect Trigger is not set up correctly: ${(error as Error).message}`;
			this.logger.warn(message, { node: this.getNode().name });
			answer(503, { message });
			return { noWebhookResponse: true };
		}

		// After the protection: a caller without the secret learns nothing about what the trigger takes.
		if (!isJsonContentType(this.getHeaderData()['content-type'])) {
			answer(415, { message: 'The body must be JSON, sent with Content-Type: application/json' });
			return { noWebhookResponse: true };
		}

		const rawBody = await readBodyWithin(this.getRequestObject() as CallbackRequest, limitBytes);
		if (!rawBody) {
			answer(413, { message: `The body is larger than ${limitBytes / 1024} KB` });
			return { noWebhookResponse: true };
		}

		const body = readFeedbackBody(rawBody.toString('utf8'));
		if ('problem' in body) {
			answer(400, { message: body.problem });
			return { noWebhookResponse: true };
		}

		const matching = body.entries.filter((entry) => passesFilters(entry, filters));
		answer(200, { received: body.entries.length, matched: matching.length });
		if (matching.length === 0) return { noWebhookResponse: true };
		return {
			noWebhookResponse: true,
			workflowData: [this.helpers.returnJsonArray(matching.map(toOutputJson))],
		};
	}
}

/** The raw body, or undefined when it is over the limit; a declared length over it is refused unread. */
async function readBodyWithin(
	request: CallbackRequest,
	limitBytes: number,
): Promise<Buffer | undefined> {
	if (Number(request.headers['content-length']) > limitBytes) return undefined;
	if (!request.rawBody) await request.readRawBody();
	const rawBody = request.rawBody ?? Buffer.alloc(0);
	return rawBody.length > limitBytes ? undefined : rawBody;
}
