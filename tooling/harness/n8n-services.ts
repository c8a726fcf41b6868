import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/**
 * n8n-core starts a service on first use that n8n itself stops at shutdown: the SSH client
 * manager's cleanup interval, created with every execute context. Stopping it lets a test
 * process end on its own instead of waiting for that timer.
 */
export function stopN8nServices(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
