import { runNode, sandboxCredentials } from '../../tooling/harness';
import { callWebhook, serveTrigger, type ServedTrigger } from '../../tooling/harness/webhook';
import { startSandbox, type Sandbox } from '../../tooling/sandbox';

const TOKEN = 'example-url-token-7e57';
const protectedByToken = { authentication: 'secretToken', secretToken: TOKEN };
const withToken = { token: TOKEN };

const missingSku = {
	errorCode: 'MISSING_FIELD',
	customerId: 33,
	actionTime: 'Thu Apr 13 14:19:10 CEST 2023',
	integration_id: 'a71a48d9-a026-42ce-a2fa-f0b3f79fec41',
	uuid: '015ee326-91b1-4b7f-8da9-4ee8a3709622',
	executorId: 3599525,
	domainId: 35,
	mappingName: 'product',
	collocation: 'S11',
	sysname: 'qatest',
	actionParams: { addonId: '5294', delete: 'true' },
	description: 'Skipping product deletion - missing mandatory field: productSKU',
};
const unknownContact = {
	errorCode: 'CONTACT_NOT_FOUND',
	actionTime: 'Thu Apr 13 14:20:00 CEST 2023',
	integration_id: 'b1b2b3b4-0000-4000-8000-000000000000',
	mappingName: 'abandonedcart',
	description: 'Contact does not exist',
};

/** One feedback entry serialised to exactly `size` bytes. */
function bodyOfBytes(size: number): string {
	const empty = JSON.stringify({ ...missingSku, description: '' });
	return JSON.stringify({ ...missingSku, description: 'x'.repeat(size - empty.length) });
}

describe('Mapp Connect Trigger receiving feedback', () => {
	it('starts one execution with the single entry Mapp posted, actionTime as ISO 8601', async () => {
		const result = await callWebhook({
			parameters: protectedByToken,
			query: withToken,
			body: missingSku,
		});

		expect(result.status).toBe(200);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				...missingSku,
				actionTime: '2023-04-13T12:19:10.000Z',
				actionTimeRaw: 'Thu Apr 13 14:19:10 CEST 2023',
			},
		]);
		expect(result.execution?.finished).toBe(true);
	});

	it('runs the same under mappConnectTrigger, the type name saved workflows hold', async () => {
		const call = { parameters: protectedByToken, query: withToken, body: missingSku };
		const saved = await callWebhook({ ...call, nodeType: 'mappConnectTrigger' });
		const offered = await callWebhook(call);

		expect(saved.execution?.finished).toBe(true);
		expect([saved.status, saved.body]).toEqual([offered.status, offered.body]);
		expect(saved.items.map((item) => item.json)).toEqual(offered.items.map((item) => item.json));
	});

	it('emits one item per entry of an array', async () => {
		const result = await callWebhook({
			parameters: protectedByToken,
			query: withToken,
			body: [missingSku, unknownContact],
		});

		expect(result.status).toBe(200);
		expect(result.items.map((item) => item.json.errorCode)).toEqual([
			'MISSING_FIELD',
			'CONTACT_NOT_FOUND',
		]);
	});

	it('answers with counts only, never the payload', async () => {
		const result = await callWebhook({
			parameters: protectedByToken,
			query: withToken,
			body: [missingSku, unknownContact],
		});

		expect(JSON.parse(result.body)).toEqual({ received: 2, matched: 2 });
		expect(result.body).not.toContain('productSKU');
	});

	it('works on the Test URL as on the Production URL', async () => {
		const result = await callWebhook({
			parameters: protectedByToken,
			query: withToken,
			body: missingSku,
			mode: 'manual',
		});

		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	describe('filters', () => {
		it('pass only entries with the chosen error codes', async () => {
			const result = await callWebhook({
				parameters: {
					...protectedByToken,
					options: { errorCodes: 'CONTACT_NOT_FOUND, SOMETHING_ELSE' },
				},
				query: withToken,
				body: [missingSku, unknownContact],
			});

			expect(result.items.map((item) => item.json.errorCode)).toEqual(['CONTACT_NOT_FOUND']);
			expect(JSON.parse(result.body)).toEqual({ received: 2, matched: 1 });
		});

		it('pass only entries of the chosen mappings', async () => {
			const result = await callWebhook({
				parameters: { ...protectedByToken, options: { mappingNames: 'product' } },
				query: withToken,
				body: [missingSku, unknownContact],
			});

			expect(result.items.map((item) => item.json.mappingName)).toEqual(['product']);
		});

		it('pass only entries of the chosen integration', async () => {
			const result = await callWebhook({
				parameters: {
					...protectedByToken,
					options: { integrationId: unknownContact.integration_id },
				},
				query: withToken,
				body: [missingSku, unknownContact],
			});

			expect(result.items.map((item) => item.json.integration_id)).toEqual([
				unknownContact.integration_id,
			]);
		});

		it('answer 200 and start no execution when nothing is left', async () => {
			const result = await callWebhook({
				parameters: { ...protectedByToken, options: { errorCodes: 'SOMETHING_ELSE' } },
				query: withToken,
				body: [missingSku, unknownContact],
			});

			expect(result.status).toBe(200);
			expect(JSON.parse(result.body)).toEqual({ received: 2, matched: 0 });
			expect(result.execution).toBeUndefined();
		});
	});

	describe('bodies that are not feedback get 400 and start nothing', () => {
		it.each([
			['text that is not JSON', '{"errorCode": "MISSING_FIELD"'],
			['JSON without feedback entries', { orders: [] }],
			['an empty array', []],
		])('%s', async (_what, body) => {
			const result = await callWebhook({ parameters: protectedByToken, query: withToken, body });

			expect(result.status).toBe(400);
			expect(result.execution).toBeUndefined();
		});
	});

	describe('a body over the size limit gets 413 and starts nothing', () => {
		const manyEntries = Array.from({ length: 20 }, () => missingSku);

		it('with the limit the user set', async () => {
			const result = await callWebhook({
				parameters: { ...protectedByToken, options: { bodyLimitKb: 1 } },
				query: withToken,
				body: manyEntries,
			});

			expect(result.status).toBe(413);
			expect(result.execution).toBeUndefined();
		});

		it('with the default limit of 1 MB', async () => {
			const overOneMegabyte = [{ ...missingSku, description: 'x'.repeat(1024 * 1024) }];
			const result = await callWebhook({
				parameters: protectedByToken,
				query: withToken,
				body: overOneMegabyte,
			});

			expect(result.status).toBe(413);
		});

		it('but lets a body of exactly the limit through', async () => {
			const twoKilobytes = bodyOfBytes(2048);
			const atLimit = await callWebhook({
				parameters: { ...protectedByToken, options: { bodyLimitKb: 2 } },
				query: withToken,
				body: twoKilobytes,
			});
			const oneByteOver = await callWebhook({
				parameters: { ...protectedByToken, options: { bodyLimitKb: 2 } },
				query: withToken,
				body: bodyOfBytes(2049),
			});

			expect(atLimit.status).toBe(200);
			expect(oneByteOver.status).toBe(413);
		});
	});

	describe('secret token', () => {
		it.each([
			['a wrong token', { token: 'guess' }],
			['no token', {}],
			['the token under another name', { secret: TOKEN }],
		])('%s gets 401 and starts nothing', async (_what, query) => {
			const result = await callWebhook({ parameters: protectedByToken, query, body: missingSku });

			expect(result.status).toBe(401);
			expect(result.body).not.toContain(TOKEN);
			expect(result.execution).toBeUndefined();
		});

		it("is by default the node's own random ID", async () => {
			const denied = await callWebhook({ parameters: {}, body: missingSku });
			const allowed = await callWebhook({
				parameters: {},
				query: { token: 'trigger-node-id' },
				body: missingSku,
			});

			expect(denied.status).toBe(401);
			expect(allowed.status).toBe(200);
		});

		it('is not asked for when the user chose no protection', async () => {
			const result = await callWebhook({
				parameters: { authentication: 'none' },
				body: missingSku,
			});

			expect(result.status).toBe(200);
		});
	});

	describe('settings it cannot work with get 503 naming the setting, and start nothing', () => {
		const fourEntries = [missingSku, unknownContact, missingSku, unknownContact];

		it.each([
			[
				'a Secret Token of only spaces',
				{ ...protectedByToken, secretToken: '   ' },
				{ token: '   ' },
				'Secret Token is empty or only spaces',
			],
			[
				'an empty Secret Token',
				{ ...protectedByToken, secretToken: '' },
				{ token: '' },
				'Secret Token is empty or only spaces',
			],
			[
				'a Secret Token expression that gives a number',
				{ ...protectedByToken, secretToken: '={{ 12345 }}' },
				{ token: '12345' },
				'Secret Token must be text, but its expression gives a number',
			],
			[
				'a Body Size Limit expression that gives text',
				{ ...protectedByToken, options: { bodyLimitKb: '={{ "lots" }}' } },
				withToken,
				'Body Size Limit (KB) must be a number of at least 1, but its expression gives text',
			],
			[
				'a Body Size Limit expression that gives nothing',
				{ ...protectedByToken, options: { bodyLimitKb: '={{ "" }}' } },
				withToken,
				'Body Size Limit (KB) must be a number of at least 1, but its expression gives nothing',
			],
			[
				'a Body Size Limit expression that fails',
				{ ...protectedByToken, options: { bodyLimitKb: '={{ $json.limit }}' } },
				withToken,
				"Options could not be evaluated: Node 'Mapp Connect Trigger' hasn't been executed",
			],
			[
				'a Body Size Limit below 1 KB',
				{ ...protectedByToken, options: { bodyLimitKb: '={{ -1 }}' } },
				withToken,
				'Body Size Limit (KB) must be a number of at least 1, but it is -1',
			],
		])('%s', async (_what, parameters, query, problem) => {
			const result = await callWebhook({ parameters, query, body: fourEntries });

			expect(result.status).toBe(503);
			expect(JSON.parse(result.body)).toEqual({
				message: `The Mapp Connect Trigger is not set up correctly: ${problem}`,
			});
			expect(result.execution).toBeUndefined();
		});

		it('a header value of only spaces in the Callback Auth credential', async () => {
			const result = await callWebhook({
				parameters: { authentication: 'headerAuth' },
				credentials: {
					mappConnectCallbackAuthApi: { headerName: 'X-Callback-Token', headerSecret: '  ' },
				},
				headers: { 'x-callback-token': '  ' },
				body: missingSku,
			});

			expect(result.status).toBe(503);
			expect(result.body).toContain(
				'Header Value of the Callback Auth credential is empty or only spaces',
			);
			expect(result.execution).toBeUndefined();
		});

		it('but takes a Body Size Limit expression that gives a number as text', async () => {
			const parameters = { ...protectedByToken, options: { bodyLimitKb: '={{ "2" }}' } };
			const atLimit = await callWebhook({ parameters, query: withToken, body: bodyOfBytes(2048) });
			const oneByteOver = await callWebhook({
				parameters,
				query: withToken,
				body: bodyOfBytes(2049),
			});

			expect([atLimit.status, oneByteOver.status]).toEqual([200, 413]);
		});
	});

	describe('header auth', () => {
		const credentials = {
			mappConnectCallbackAuthApi: { headerName: 'X-Callback-Token', headerSecret: 'h34der-s3cret' },
		};
		const parameters = { authentication: 'headerAuth' };

		it('lets in a request with the header', async () => {
			const result = await callWebhook({
				parameters,
				credentials,
				headers: { 'x-callback-token': 'h34der-s3cret' },
				body: missingSku,
			});

			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
		});

		it.each([
			['a wrong value', { 'X-Callback-Token': 'guess' }],
			['no header', {}],
		])('gives %s 401 and starts nothing', async (_what, headers) => {
			const result = await callWebhook({ parameters, credentials, headers, body: missingSku });

			expect(result.status).toBe(401);
			expect(result.execution).toBeUndefined();
		});

		it('does not take the secret token instead', async () => {
			const result = await callWebhook({
				parameters,
				credentials,
				query: { token: 'trigger-node-id' },
				body: missingSku,
			});

			expect(result.status).toBe(401);
		});
	});
});

describe('feedback from the sandbox on an event the Mapp Connect node sent', () => {
	let sandbox: Sandbox;
	let trigger: ServedTrigger;

	beforeAll(async () => {
		trigger = await serveTrigger({ parameters: protectedByToken });
		sandbox = await startSandbox({
			callbackUrl: `${trigger.url}?token=${TOKEN}`,
			feedbackDelayMs: 20,
		});
	});

	afterAll(async () => {
		await sandbox.close();
		await trigger.close();
	});

	it('reaches the trigger as an item naming the missing SKU', async () => {
		const sent = await runNode({
			parameters: {
				resource: 'customEvent',
				operation: 'send',
				subtype: 'product',
				event: JSON.stringify({ productName: 'Mug', productPrice: '9.90' }),
			},
			credentials: sandboxCredentials(sandbox),
		});
		expect(sent.error).toBeUndefined();
		await sandbox.feedbackSettled();

		expect(sandbox.feedbackDeliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(trigger.calls).toHaveLength(1);
		expect(trigger.calls[0].items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				errorCode: 'MISSING_FIELD',
				mappingName: 'product',
				integration_id: sandbox.integrationId,
				description: expect.stringContaining('productSKU'),
				actionTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
				actionParams: { productName: 'Mug', productPrice: '9.90' },
			}),
		]);
	});
});
