import { callWebhook, type WebhookCall } from '../../tooling/harness/webhook';

const TOKEN = 'example-url-token-7e57';
const protectedByToken = { authentication: 'secretToken', secretToken: TOKEN };
const withToken = { token: TOKEN };

const missingSku = {
	errorCode: 'MISSING_FIELD',
	mappingName: 'product',
	actionParams: { productName: 'Mug' },
	description: 'Skipping product update - missing mandatory field: productSKU',
};

/** The nesting limit the README states. */
const DEPTH_LIMIT = 32;

/**
 * A feedback entry whose objects and arrays nest `levels` deep: the entry, then arrays in its actionParams.
 * Written out by hand, since JSON.stringify overflows the stack on a few thousand levels.
 */
function nestedEntry(levels: number): string {
	const arrays = levels - 1;
	return `{"errorCode":"MISSING_FIELD","actionParams":${'['.repeat(arrays)}${']'.repeat(arrays)}}`;
}

function feedback(call: Partial<WebhookCall>) {
	return callWebhook({ parameters: protectedByToken, query: withToken, body: missingSku, ...call });
}

describe('Mapp Connect Trigger takes JSON only', () => {
	it.each([
		['text/plain'],
		['text/plain; charset=utf-8'],
		['application/x-www-form-urlencoded'],
		['application/jsonl'],
	])('refuses a JSON body sent as %s with 415 and starts nothing', async (contentType) => {
		const result = await feedback({ headers: { 'content-type': contentType } });

		expect(result.status).toBe(415);
		expect(JSON.parse(result.body)).toEqual({
			message: 'The body must be JSON, sent with Content-Type: application/json',
		});
		expect(result.items).toEqual([]);
		expect(result.execution).toBeUndefined();
	});

	it('refuses a request without Content-Type with 415 and starts nothing', async () => {
		const result = await feedback({ headers: { 'content-type': undefined } });

		expect(result.status).toBe(415);
		expect(result.execution).toBeUndefined();
	});

	it.each([
		['application/json'],
		['application/json; charset=utf-8'],
		['Application/JSON;charset=UTF-8'],
		['application/vnd.x+json'],
		['application/problem+json; charset=utf-8'],
	])('takes feedback sent as %s', async (contentType) => {
		const result = await feedback({ headers: { 'content-type': contentType } });

		expect(result.status).toBe(200);
		expect(result.items.map((item) => item.json.errorCode)).toEqual(['MISSING_FIELD']);
	});

	it('answers a caller without the token 401, not 415, whatever it sends', async () => {
		const result = await feedback({ query: {}, headers: { 'content-type': 'text/plain' } });

		expect(result.status).toBe(401);
		expect(result.body).not.toContain(TOKEN);
	});
});

describe('Mapp Connect Trigger refuses bodies nested too deep', () => {
	it(`takes a body nested ${DEPTH_LIMIT} levels deep`, async () => {
		const result = await feedback({ body: nestedEntry(DEPTH_LIMIT) });

		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it(`refuses a body nested ${DEPTH_LIMIT + 1} levels deep with 400 and starts nothing`, async () => {
		const result = await feedback({ body: nestedEntry(DEPTH_LIMIT + 1) });

		expect(result.status).toBe(400);
		expect(JSON.parse(result.body)).toEqual({
			message: `The body nests deeper than ${DEPTH_LIMIT} levels`,
		});
		expect(result.execution).toBeUndefined();
	});

	it('counts an array of entries as a level', async () => {
		const result = await feedback({ body: `[${nestedEntry(DEPTH_LIMIT)}]` });

		expect(result.status).toBe(400);
	});

	it('refuses 5,000 levels in 10 KB with 400 and starts nothing', async () => {
		const body = nestedEntry(5000);
		expect(body.length).toBeLessThan(10_100);

		const result = await feedback({ body });

		expect(result.status).toBe(400);
		expect(result.items).toEqual([]);
		expect(result.execution).toBeUndefined();
	});

	it('does not count brackets inside text', async () => {
		const result = await feedback({
			body: { ...missingSku, description: '['.repeat(5000) },
		});

		expect(result.status).toBe(200);
	});
});
