import { testCredential } from '../../tooling/harness';

const CALLBACK_CREDENTIAL = 'mappConnectCallbackAuthApi';

describe('the Mapp Connect Callback Auth credential test', () => {
	it('passes for a header name and value a proxy can send', async () => {
		const result = await testCredential(
			{ headerName: 'X-Mapp-Callback', headerSecret: 'k3y' },
			CALLBACK_CREDENTIAL,
		);
		expect(result).toEqual({ status: 'OK', message: 'The header can be used' });
	});

	it('refuses a header name that no HTTP header can have', async () => {
		const result = await testCredential(
			{ headerName: 'X Mapp: Callback', headerSecret: 'k3y' },
			CALLBACK_CREDENTIAL,
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'The header name may hold letters, digits and - _ . only',
		});
	});

	it.each(['', '   '])('refuses the header value %j', async (headerSecret) => {
		const result = await testCredential(
			{ headerName: 'X-Mapp-Callback', headerSecret },
			CALLBACK_CREDENTIAL,
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'The header value is empty or only spaces',
		});
	});
});
