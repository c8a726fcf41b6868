/**
 * Mapp Connect's request signing (docs/mapp-connect-api.md, "Signing"): every request carries a fresh HS256 JWT whose
 * `request-hash` claim is the SHA-1 of the path, body and query exactly as they go on the wire.
 */
import { createHash, createHmac } from 'node:crypto';
import { SIGNED_PATH_MARKER } from './api';

export const AUTH_TOKEN_HEADER = 'auth-token';

/** How long a token stays valid; Mapp's own clients use 10 s to 1 h. */
export const TOKEN_LIFETIME_SECONDS = 300;

const JOSE_HEADER = base64url(JSON.stringify({ alg: 'HS256' }));

/**
 * SHA-1 (lowercase hex) of `PATH[|BODY][|QUERY]`: the path from `/api/v` on, the body only when
 * not empty, the query (without `?`) only when present. A body of bytes is hashed as it goes on
 * the wire, never decoded: a batch's 1000 events are 100 kB that need no copy as text.
 */
export function requestHash(path: string, body: string | Uint8Array, query: string): string {
	const markerAt = path.indexOf(SIGNED_PATH_MARKER);
	const hash = createHash('sha1').update(markerAt === -1 ? path : path.slice(markerAt), 'utf8');
	if (body.length > 0) hash.update('|', 'utf8').update(body);
	if (query !== '') hash.update(`|${query}`, 'utf8');
	return hash.digest('hex');
}

export function signToken(secret: string, hash: string, expSeconds: number): string {
	const claims = base64url(JSON.stringify({ 'request-hash': hash, exp: expSeconds }));
	const signingInput = `${JOSE_HEADER}.${claims}`;
	return `${signingInput}.${signature(secret, signingInput)}`;
}

export function nowInSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function signature(secret: string, signingInput: string): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8'))
		.update(signingInput, 'utf8')
		.digest('base64url');
}

function base64url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
}
