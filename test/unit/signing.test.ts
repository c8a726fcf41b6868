import { createHash, createHmac } from 'node:crypto';
import { requestHash, signToken } from '../../nodes/MappConnect/shared/signing';
import { verifyToken } from '../../tooling/sandbox';

const INTEGRATION = '/charon/api/v1/integration/11111111-2222-3333-4444-555555555555';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('the test vector of docs/mapp-connect-api.md', () => {
	const body = '{"email":"user@example.com","group":"123"}';

	it('reproduces the request hash', () => {
		expect(requestHash(`${INTEGRATION}/event`, body, 'subtype=user')).toBe(
			'034417869bf7a48dbcceebe4ef3d6eca76d4b72e',
		);
		expect(
			sha1(`/api/v1/integration/11111111-2222-3333-4444-555555555555/event|${body}|subtype=user`),
		).toBe('034417869bf7a48dbcceebe4ef3d6eca76d4b72e');
	});

	it('reproduces the token', () => {
		expect(signToken('mysecret', '034417869bf7a48dbcceebe4ef3d6eca76d4b72e', 1700000000)).toBe(
			'eyJhbGciOiJIUzI1NiJ9.eyJyZXF1ZXN0LWhhc2giOiIwMzQ0MTc4NjliZjdhNDhkYmNjZWViZTRlZjNkNmVjYTc2ZDRiNzJlIiwiZXhwIjoxNzAwMDAwMDAwfQ.at6XyfO8lXFFyQYWIP_WA3k4iECE9iiwVr8qrRep0Ek',
		);
	});

	it('reproduces the hash of a GET ping', () => {
		expect(requestHash(`${INTEGRATION}/ping`, '', '')).toBe(
			'35cd25b39c61a428c34ad27fda972e628dc97a86',
		);
	});
});

describe('requestHash', () => {
	it('cuts the path at /api/v, so a /charon prefix does not count', () => {
		const path = '/api/v1/integration/X/event';
		expect(requestHash(`/charon${path}`, '{}', 'subtype=user')).toBe(
			sha1(`${path}|{}|subtype=user`),
		);
		expect(requestHash(`/charon${path}`, '{}', 'subtype=user')).toBe(
			requestHash(path, '{}', 'subtype=user'),
		);
	});

	it('leaves out an empty body', () => {
		expect(requestHash('/api/v1/integration/X/event', '', 'subtype=user')).toBe(
			sha1('/api/v1/integration/X/event|subtype=user'),
		);
	});

	it('hashes a GET without query as the path alone, and with a query as path|query', () => {
		expect(requestHash('/api/v1/integration/X/group', '', '')).toBe(
			sha1('/api/v1/integration/X/group'),
		);
		expect(
			requestHash('/api/v1/integration/X/message/history', '', 'userEmail=a%40b.c&offset=0'),
		).toBe(sha1('/api/v1/integration/X/message/history|userEmail=a%40b.c&offset=0'));
	});

	it('hashes the body as UTF-8', () => {
		expect(requestHash('/api/v1/x', '{"name":"Zoë"}', '')).toBe(
			createHash('sha1').update(Buffer.from('/api/v1/x|{"name":"Zoë"}', 'utf8')).digest('hex'),
		);
	});

	it('hashes a body of bytes as those bytes, the same as its UTF-8 text', () => {
		const text = '{"name":"Zoë 😀"}';
		expect(requestHash('/api/v1/x', Buffer.from(text, 'utf8'), 'subtype=user')).toBe(
			requestHash('/api/v1/x', text, 'subtype=user'),
		);
		expect(requestHash('/api/v1/x', Buffer.alloc(0), '')).toBe(sha1('/api/v1/x'));
	});
});

describe('signToken', () => {
	const hash = requestHash(`${INTEGRATION}/ping`, '', '');
	// Chosen so that the signature's standard base64 holds `+` and `/` more than once each.
	const exp = 1700000146;

	it('writes real base64url: every + and / replaced, no padding', () => {
		const token = signToken('mysecret', hash, exp);
		const [header, claims] = token.split('.');
		const standard = createHmac('sha256', 'mysecret')
			.update(`${header}.${claims}`)
			.digest('base64');
		expect(standard.match(/\+/g)?.length).toBeGreaterThan(1);
		expect(standard.match(/\//g)?.length).toBeGreaterThan(1);

		expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
		expect(token.split('.')[2]).toBe(
			standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
		);
	});

	it('round-trips: the claims decode to the hash and expiry, and the token verifies', () => {
		const token = signToken('mysecret', hash, exp);
		const [header, claims] = token.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256' });
		expect(Buffer.from(claims, 'base64url').toString()).toBe(
			`{"request-hash":"${hash}","exp":${exp}}`,
		);
		expect(verifyToken(token, 'mysecret', hash, exp - 1)).toBeUndefined();
	});
});

describe('verifyToken', () => {
	const secret = 'mysecret';
	const hash = requestHash(`${INTEGRATION}/ping`, '', '');
	const token = signToken(secret, hash, 1700000000);
	const now = 1699999999;

	it.each([
		['missing', undefined, secret, hash, now, /missing/i],
		['malformed', 'not-a-jwt', secret, hash, now, /malformed/i],
		['wrongly signed', token, 'othersecret', hash, now, /signature/i],
		['expired', token, secret, hash, 1700000000, /expired/i],
		[
			'for another request',
			token,
			secret,
			requestHash(`${INTEGRATION}/group`, '', ''),
			now,
			/request-hash/i,
		],
	])(
		'refuses a token that is %s, with a reason that repeats neither token nor secret',
		(_case, given, key, expected, at, reason) => {
			const refusal = verifyToken(given, key, expected, at);
			expect(refusal).toMatch(reason);
			expect(refusal).not.toContain(token);
			expect(refusal).not.toContain(token.split('.')[2]);
			expect(refusal).not.toContain(secret);
		},
	);

	it('refuses a token whose header names another algorithm', () => {
		const [, claims, signature] = token.split('.');
		const none = Buffer.from('{"alg":"none"}').toString('base64url');
		expect(verifyToken(`${none}.${claims}.${signature}`, secret, hash, now)).toMatch(/malformed/i);
	});

	it('accepts a header with "typ":"JWT"', () => {
		const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
		const claims = Buffer.from(JSON.stringify({ 'request-hash': hash, exp: 1700000000 })).toString(
			'base64url',
		);
		const signature = createHmac('sha256', secret)
			.update(`${header}.${claims}`)
			.digest('base64url');
		expect(verifyToken(`${header}.${claims}.${signature}`, secret, hash, now)).toBeUndefined();
	});
});
