import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Processes } from '../../../tooling/n8n/processes';
import { startPostgres, startRedis } from '../../../tooling/n8n/services';

/** `npm run test:queue` must fail at once, naming the server, when PostgreSQL or Redis cannot be had. */
describe('the servers of the queue-mode test', () => {
	let dir: string;
	const processes = new Processes();

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'queue-services-'));
	});

	afterEach(async () => {
		await processes.stopAll();
		rmSync(dir, { recursive: true, force: true });
	});

	it('names PostgreSQL when it is not installed', async () => {
		await expect(startPostgres(processes, dir, join(dir, 'no-postgresql'))).rejects.toThrow(
			/^PostgreSQL is unavailable: no initdb under .*no-postgresql\/<version>\/bin \(apt-get install postgresql\)$/,
		);
	});

	it('names Redis when it is not installed', async () => {
		await expect(startRedis(processes, dir, join(dir, 'redis-server'))).rejects.toThrow(
			/^Redis is unavailable: no .*redis-server \(apt-get install redis-server\)$/,
		);
	});

	it('names Redis when the server ends at start, instead of waiting for it', async () => {
		await expect(startRedis(processes, dir, '/bin/false')).rejects.toThrow(
			/^Redis is unavailable: Redis ended before it was ready/,
		);
	});
});
