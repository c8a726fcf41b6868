// n8n loads node and credential icons from beside the compiled files, so they go into dist/ too.
const { copyFileSync, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
mkdirSync(join(root, 'dist', 'icons'), { recursive: true });
for (const name of readdirSync(join(root, 'icons')).filter((file) => file.endsWith('.svg')))
	copyFileSync(join(root, 'icons', name), join(root, 'dist', 'icons', name));
