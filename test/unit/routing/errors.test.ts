import {
	bodyWithoutCredentials,
	mappApiError,
	mappErrorHint,
	mappMessage,
} from '../../../nodes/MappConnect/shared/errors';
import { NODE } from '../events/reader';

describe("Mapp's error answers", () => {
	it.each([
		[401, 'Invalid auth-token signature', ['secret', 'system', 'clock']],
		[403, undefined, ['secret', 'system', 'clock']],
		[404, 'Unknown integration', ['integration ID']],
		[429, 'Too Many Requests', ['Wait at least 30 seconds']],
		[500, 'Database Access Limit Exceeded', ['Wait at least 30 seconds']],
		[500, 'Internal Server Error', ['may have recorded', 'Check in Mapp before sending it again']],
		[503, undefined, ['may have recorded', 'Check in Mapp before sending it again']],
	])('%i %s: the hint says what to check', (status, message, mentions) => {
		const hint = mappErrorHint(status, message);
		for (const mention of mentions) expect(hint).toContain(mention);
	});

	it("reads Mapp's message from a JSON body, JSON text or plain text", () => {
		expect(mappMessage({ message: 'Missing subtype' })).toBe('Missing subtype');
		expect(mappMessage('{"message":"Missing subtype"}')).toBe('Missing subtype');
		expect(mappMessage('Bad Gateway')).toBe('Bad Gateway');
		expect(mappMessage(undefined)).toBeUndefined();
	});

	it('without a message, names the status only', () => {
		const error = mappApiError(NODE, { statusCode: 502 }, { itemIndex: 0 });
		expect(error.message).toBe('Mapp Connect answered 502');
		expect(error.httpCode).toBe('502');
	});

	it.each([
		['Proxy-Authorization: Basic bWFwcDpodW50ZXIy', 'Proxy-Authorization: ***'],
		['authorization=Bearer eyJhbGciOi.abc.def; path=/', 'authorization=***'],
		['echo: auth-token: 5f2c9a81d0e4', 'echo: auth-token: ***'],
		['from http://mapp:hunter2@proxy.example:3128/', 'from http://***@proxy.example:3128/'],
		['credentials Basic bWFwcDpodW50ZXIy in a sentence', 'credentials Basic *** in a sentence'],
		['Basic validation failed for Bearer tokens', 'Basic validation failed for Bearer tokens'],
	])('quotes an answer without the credentials it echoes: %s', (text, shown) => {
		expect(mappMessage(text)).toBe(shown);
	});

	it('keeps a JSON body readable without its credentials', () => {
		expect(
			bodyWithoutCredentials({ message: 'x', headers: { 'proxy-authorization': 'Basic bWFw' } }),
		).toEqual({ message: 'x', headers: { 'proxy-authorization': '***' } });
	});

	it('names a proxy as the one that answered: a 407, or an answer with Proxy-Status', () => {
		expect(mappApiError(NODE, { statusCode: 407 }).message).toBe('The proxy answered 407');
		const proxyError = mappApiError(NODE, {
			statusCode: 503,
			headers: { 'Proxy-Status': 'corp; error=destination_unavailable' },
		});
		expect(proxyError.message).toBe('The proxy answered 503');
		expect(proxyError.description).toContain('may have reached Mapp all the same');
		expect(mappApiError(NODE, { statusCode: 503 }).message).toBe('Mapp Connect answered 503');
	});
});
