import type { INode } from 'n8n-workflow';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { CUSTOM_SYSTEM, integrationBaseUrl } from '../../nodes/MappConnect/shared/api';
import { proxyOptionOf, withoutPassword } from '../../nodes/MappConnect/shared/urls';

const ID = '11111111-2222-3333-4444-555555555555';
const BASE_URL_FORM = 'enter the API base URL, such as https://proxy.example.com/charon/api/v1';
const node = { name: 'Mapp Connect' } as INode;

const baseUrlOf = (baseUrl: string) =>
	integrationBaseUrl({ system: CUSTOM_SYSTEM, baseUrl, integrationId: ID });

describe('the Custom Base URL: only text every URL parser reads alike', () => {
	it.each([
		['http://evil.example\\@127.0.0.1:5690/charon/api/v1', 'holds a backslash ("\\")'],
		['http:\\\\127.0.0.1:5690/charon/api/v1', 'holds a backslash ("\\")'],
		['http://127.0.0.1:5690/charon\\api/v1', 'holds a backslash ("\\")'],
		['http:/127.0.0.1:5690/charon/api/v1', 'is not an http(s) URL'],
		['http:127.0.0.1:5690/charon/api/v1', 'is not an http(s) URL'],
		['http:///127.0.0.1:5690/charon/api/v1', 'is not an http(s) URL'],
		['//127.0.0.1:5690/charon/api/v1', 'is not an http(s) URL'],
		['http://127.0.0.1:99999/charon/api/v1', 'is not an http(s) URL'],
		['http://127.0.0.1:5690/cha\tron/api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1:5690/charon\n/api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1:5690/charon /api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1\u00a0:5690/charon/api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1:5690/charon\u0000/api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1:5690/charon\u007f/api/v1', 'holds spaces or control characters'],
		['http://127.0.0.1:5690/charon\u0085/api/v1', 'holds spaces or control characters'],
	])('refuses %j, naming the field and the form expected', (baseUrl, problem) => {
		expect(() => baseUrlOf(baseUrl)).toThrow(`Base URL ${problem}: ${BASE_URL_FORM}`);
	});

	it.each([
		['HTTPS://proxy.example.com/charon/api/v1', 'HTTPS://proxy.example.com/charon/api/v1'],
		['http://[::1]:5690/charon/api/v1/', 'http://[::1]:5690/charon/api/v1'],
	])('takes %s (a scheme in capitals, an IPv6 host)', (baseUrl, expected) => {
		expect(baseUrlOf(baseUrl)).toBe(`${expected}/integration/${ID}`);
	});
});

describe("the URL of a request the credential signs (the HTTP Request node's)", () => {
	const credentials = { system: 'euL3', integrationId: ID, secret: 'mysecret' };
	const EU = 'https://jamie.g.shortest-route.com/charon/api/v1';

	it.each([
		[`${EU}\\@evil.example/integration/${ID}/ping`, 'holds a backslash ("\\")'],
		[`https:/evil.example/integration/${ID}/ping`, 'is not an http(s) URL'],
		[`//evil.example/charon/api/v1/integration/${ID}/ping`, 'is not an http(s) URL'],
		[`${EU}/integration/${ID}/ping\n`, 'has spaces before or after it'],
	])('refuses %j before anything is signed', async (url, problem) => {
		const attempt = new MappConnectApi().authenticate(credentials, { method: 'GET', url });
		await expect(attempt).rejects.toThrow(`The request's URL ${problem}`);
	});
});

describe("Request Options → Proxy, as the node's own requests take it", () => {
	it.each([
		['http://proxy.example:3128', { host: 'proxy.example', port: 3128, protocol: 'http' }],
		['proxy.example:3128', { host: 'proxy.example', port: 3128, protocol: 'http' }],
		['https://proxy.example:443', { host: 'proxy.example', port: 443, protocol: 'https' }],
		['http://proxy.example:80', { host: 'proxy.example', port: 80, protocol: 'http' }],
		[
			'http://mapp%40corp:p%3Ass@proxy.example:3128',
			{
				host: 'proxy.example',
				port: 3128,
				protocol: 'http',
				auth: { username: 'mapp@corp', password: 'p:ss' },
			},
		],
	])('takes %s', (text, proxy) => {
		expect(proxyOptionOf(node, text)).toEqual(proxy);
	});

	it.each([
		['http://mapp:hunter2@proxy.example', '("http://mapp:***@proxy.example") has no port'],
		[
			'http://mapp:hunter2@evil.example\\@proxy.example:3128',
			'("http://mapp:***@proxy.example:3128") holds a backslash',
		],
		['socks5://mapp:hunter2@proxy.example:1080', 'is not an http(s) URL'],
		['http:/mapp:hunter2@proxy.example:3128', 'is not an http(s) URL'],
		[' http://proxy.example:3128', 'has spaces before or after it: remove them'],
		['http://mapp:hunter2%zz@proxy.example:3128', 'holds a malformed %-escape'],
	])('refuses %j, naming the field, without the password', (text, problem) => {
		const attempt = () => proxyOptionOf(node, text);
		expect(attempt).toThrow("'Proxy' of the Request Options (");
		expect(attempt).toThrow(problem);
		expect(attempt).not.toThrow(/hunter2/);
	});
});

describe('withoutPassword: a URL as messages may quote it', () => {
	it.each([
		['http://user:hunter2@proxy.example:8080', 'http://user:***@proxy.example:8080'],
		['http://token@proxy.example:8080', 'http://***@proxy.example:8080'],
		['http://user:hunt/er2@proxy.example:8080/x', 'http://user:***@proxy.example:8080/x'],
		['http://user:a@b@proxy.example:8080', 'http://user:***@proxy.example:8080'],
		['user:hunter2@proxy.example:8080', 'user:***@proxy.example:8080'],
		['http://proxy.example:8080', 'http://proxy.example:8080'],
	])('shows %s as %s', (text, shown) => {
		expect(withoutPassword(text)).toBe(shown);
	});
});
