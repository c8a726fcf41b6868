import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Git-ignored; holds the installed n8n versions, Node runtimes and the user folders of runs. */
export const CACHE_DIR = join(REPO_ROOT, '.cache');

export const PACKAGE_NAME = 'n8n-nodes-mapp-connect';
