import { mappApiError, mappErrorHint, mappMessage } from '../../../nodes/MappConnect/shared/errors';
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
});
