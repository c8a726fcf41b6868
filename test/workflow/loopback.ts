/**
 * Loopback servers that play what can stand between n8n and Mapp Connect in a real deployment:
 * a server that redirects, another origin that must receive nothing, a forward proxy, a TLS
 * endpoint with a self-signed certificate, a server that trickles its answer. Each records what
 * reached it, so that a test can assert what did (and did not) go where.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request as forwardRequest } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { DEMO_INTEGRATION_ID, DEMO_SECRET, SANDBOX_BASE_PATH } from '../../tooling/sandbox/server';

export interface Received {
	method: string;
	/** As the request line has it: a path, or an absolute URL (a proxy's), or host:port (CONNECT). */
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface Loopback {
	/** http(s)://127.0.0.1:port */
	origin: string;
	port: number;
	received: Received[];
	close(): Promise<void>;
}

/** A Mapp Connect API credential whose base URL is on this origin (the sandbox's path, ID and secret). */
export function credentialsAt(origin: string): ICredentialDataDecryptedObject {
	return {
		system: 'custom',
		baseUrl: `${origin}${SANDBOX_BASE_PATH}`,
		integrationId: DEMO_INTEGRATION_ID,
		secret: DEMO_SECRET,
	};
}

async function listen(server: Server, received: Received[], scheme = 'http'): Promise<Loopback> {
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `${scheme}://127.0.0.1:${port}`,
		port,
		received,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** An HTTP server that records every request, then answers it with `answer`. */
export async function startServer(
	answer: (request: Received, res: ServerResponse) => void,
): Promise<Loopback> {
	const received: Received[] = [];
	const server = createServer((req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString(),
			};
			received.push(request);
			answer(request, res);
		});
	});
	return await listen(server, received);
}

/** Answers every request with a redirect of this status to the same path at `target`. */
export async function startRedirector(status: number, target: string): Promise<Loopback> {
	return await startServer(({ url }, res) =>
		res.writeHead(status, { location: `${target}${url}` }).end(),
	);
}

/** What a login page or a proxy's error page answers: 200 with HTML. */
export async function startHtmlPage(): Promise<Loopback> {
	return await startServer((_request, res) =>
		res
			.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
			.end('<!doctype html><title>Sign in</title>'),
	);
}

/**
 * Answers 200 with a JSON content type at once, then one space every `everyMs`, never ending:
 * an idle timeout never fires, only a deadline ends the request.
 */
export async function startTrickle(everyMs: number): Promise<Loopback> {
	return await startServer((_request, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.write('{');
		const timer = setInterval(() => res.write(' '), everyMs);
		res.on('close', () => clearInterval(timer));
	});
}

/** A port nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
	const server = await listen(createServer(), []);
	await server.close();
	return server.port;
}

/**
 * A forward proxy as companies run them: plain HTTP requests arrive with an absolute URL and are
 * forwarded; HTTPS goes through a CONNECT tunnel. Records each request (the tunnel as one CONNECT).
 */
export async function startProxy(): Promise<Loopback> {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' });
		const upstream = forwardRequest(
			req.url ?? '',
			{ method: req.method, headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.writeHead(502).end());
		req.pipe(upstream);
	});
	server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
		received.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers, body: '' });
		const [host, port] = (req.url ?? '').split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client).pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	return await listen(server, received);
}

/**
 * A TLS endpoint with a self-signed certificate (made with the openssl command line, as Node
 * cannot make X.509 certificates) in front of `targetPort`: the sandbox, reached over HTTPS.
 * `received` counts the TLS connections that completed their handshake.
 */
export async function startSelfSignedTls(targetPort: number): Promise<Loopback> {
	const folder = mkdtempSync(path.join(tmpdir(), 'mapp-tls-'));
	const key = path.join(folder, 'key.pem');
	const cert = path.join(folder, 'cert.pem');
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-keyout',
				key,
				'-out',
				cert,
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
			],
			{ stdio: 'ignore' },
		);
		const received: Received[] = [];
		const server = createTlsServer(
			{ key: readFileSync(key), cert: readFileSync(cert) },
			(client) => {
				received.push({ method: 'TLS', url: '', headers: {}, body: '' });
				const upstream = connect(targetPort, '127.0.0.1');
				client.pipe(upstream).pipe(client);
				upstream.on('error', () => client.destroy());
				client.on('error', () => upstream.destroy());
			},
		);
		return await listen(server, received, 'https');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
