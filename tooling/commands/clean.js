// Removes the previous build so that deleted sources leave no stale files in dist/.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', '..', 'dist'), {
	recursive: true,
	force: true,
});
