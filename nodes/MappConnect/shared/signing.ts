/**
 * Mapp Connect's request signing (docs/mapp-connect-api.md, "Signing"): every request carries a fresh HS256 JWT whose
 * `request-hash` claim is the SHA-1 of the path, body and query exactly as they go on the wire.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNED_PATH_MARKER } from './api';

export const AUTH_TOKEN_HEADER = 'auth-token';

/** How long a token stays valid; Mapp's own clients use 10 s to 1 h. */
export const TOKEN_LIFETIME_SECONDS = 300;

const JOSE_HEADER = base64url(JSON.stringify({ alg: 'HS256' }));

/**
 * SHA-1 (lowercase hex) of `PATH[|BODY][|QUERY]`: the path from `/api/v` on, the body only when
 * not empty, the query (without `?`) only when present.
 */
export function requestHash(path: string, body: string, query: string): string {
	const markerAt = path.indexOf(SIGNED_PATH_MARKER);
	let hashed = markerAt === -1 ? path : path.slice(markerAt);
	if (body !== '') hashed += `|${body}`;
	if (query !== '') hashed += `|${query}`;
	return createHash('sha1').update(hashed, 'utf8').digest('hex');
}

export function signToken(secret: string, hash: string, expSeconds: number): string {
	const claims = base64url(JSON.stringify({ 'request-hash': hash, exp: expSeconds }));
	const signingInput = `${JOSE_HEADER}.${claims}`;
	return `${signingInput}.${signature(secret, signingInput)}`;
}

export function nowInSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

/**
 * Checks a token as Mapp Connect does. Returns why it is refused, or undefined when it is valid.
 * The reason never repeats the token.
 */
export function verifyToken(
	token: string | undefined,
	secret: string,
	expectedHash: string,
	nowSeconds: number = nowInSeconds(),
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

	const expected = Buffer.from(signature(secret, `${header}.${claims}`));
	const given = Buffer.from(givenSignature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return `Invalid ${AUTH_TOKEN_HEADER} signature`;
	}
	if (exp <= nowSeconds) return `Expired ${AUTH_TOKEN_HEADER}`;
	if (hash !== expectedHash)
		return `The request-hash of the ${AUTH_TOKEN_HEADER} does not match the request`;
	return undefined;
}

function signature(secret: string, signingInput: string): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8'))
		.update(signingInput, 'utf8')
		.digest('base64url');
}

function base64url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
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
