import { createServer } from 'node:net';
import { dirname } from 'node:path';
import type { N8nInstallation } from './install';

export interface N8nPorts {
	/** The editor and REST API (`n8n start`). */
	http: number;
	/** n8n's task broker, which its Code-node runners connect to. */
	broker: number;
}

/**
 * What n8n needs to run from `userFolder` on loopback, quietly and without reaching out to the internet; `extra`
 * (queue mode's database and Redis, for instance) comes last and wins.
 */
export function n8nEnvironment(
	installation: N8nInstallation,
	userFolder: string,
	ports: N8nPorts,
	extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
	const inherited = { ...process.env };
	// Set when this runs under node's test runner; n8n is no test file.
	delete inherited.NODE_TEST_CONTEXT;
	return {
		...inherited,
		PATH: `${dirname(installation.nodeBin)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		N8N_HOST: 'localhost',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(ports.http),
		N8N_EDITOR_BASE_URL: `http://localhost:${ports.http}`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// The list of n8n-verified community nodes comes from n8n's servers.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
