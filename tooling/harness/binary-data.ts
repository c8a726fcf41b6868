import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import { FileSystemManager } from 'n8n-core/dist/binary-data/file-system.manager';

/**
 * n8n's `filesystem` binary data mode for the harness's runs: files the input node attaches are
 * written under `directory` and carried in the item as an id (`filesystem-v2:…`), which a node
 * reads back with getBinaryStream. Without it the harness runs in n8n's `default` mode: the file
 * is in the item as base64. Returns the function that goes back to the default mode.
 */
export async function storeBinaryDataOnDisk(directory: string): Promise<() => void> {
	const service = Container.get(BinaryDataService);
	const manager = new FileSystemManager(directory, { error: () => {} } as never);
	await manager.init();
	// the service's mode is filesystem-v2 until init() reads n8n's configuration; only a manager is missing
	service.setManager('filesystem-v2', manager);
	return () => {
		const managers = (service as unknown as { managers: Record<string, unknown> }).managers;
		delete managers['filesystem-v2'];
	};
}
