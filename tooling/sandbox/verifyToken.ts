/**
 * The sandbox's check of a request's token, as Mapp Connect checks it: written apart from the
 * package's signer (it shares only the request hash, which the test vectors pin), so that a
 * mistake in the signer cannot be hidden by the same mistake here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const AUTH_TOKEN_HEADER = 'auth-token';

/** Why a token is refused, or undefined when it is valid. The reason never repeats the token. */
export function verifyToken(
	token: string | undefined,
	secret: string,
	expectedHash: string,
	nowSeconds: number = Math.floor(Date.now() / 1000),
): string | undefined {
	if (!token) return `Missing ${AUTH_TOKEN_HEADER} header`;
	const parts = token.split('.');
	if (parts.length !== 3) return `Malformed ${AUTH_TOKEN_HEADER}`;
	const [header, claims, givenSignature] = parts;

	const parsedHeader = parseJsonPart(header);
	const parsedClaims = parseJsonPart(claims);
	if (parsedHeader?.alg !== 'HS256' || !parsedClaims) return `Malformed ${AUTH_TOKEN_HEADER}`;
	const { exp, 'request-hash': hash } = parsedClaims;
	if (typeof exp !== 'number' || typeof hash !== 'string') return `Malformed ${AUTH_TOKEN_HEADER}`;

	const expected = Buffer.from(
		createHmac('sha256', Buffer.from(secret, 'utf8'))
			.update(`${header}.${claims}`, 'utf8')
			.digest('base64url'),
	);
	const given = Buffer.from(givenSignature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return `Invalid ${AUTH_TOKEN_HEADER} signature`;
	}
	if (exp <= nowSeconds) return `Expired ${AUTH_TOKEN_HEADER}`;
	if (hash !== expectedHash)
		return `The request-hash of the ${AUTH_TOKEN_HEADER} does not match the request`;
	return undefined;
}

function parseJsonPart(part: string): Record<string, unknown> | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
