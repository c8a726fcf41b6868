/**
 * One version number (docs/releasing.md): package.json carries the version of CHANGELOG.md's top section, so that a
 * tarball built from main names the release it leads to, and the lock file agrees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The version and state of the changelog's first `## X.Y.Z (…)` heading. */
function topSection(): { version: string; state: string } {
	const match = /^## (\d+\.\d+\.\d+(?:-[\w.]+)?) \(([^)]+)\)$/m.exec(read('CHANGELOG.md'));
	if (!match)
		throw new Error('CHANGELOG.md has no "## X.Y.Z (Unreleased)" or "## X.Y.Z (date)" heading');
	return { version: match[1], state: match[2] };
}

describe('the version', () => {
	const manifest = JSON.parse(read('package.json')) as { version: string };

	it("is the version of the changelog's top section", () => {
		expect(manifest.version).toBe(topSection().version);
	});

	it('is the same in package-lock.json', () => {
		const lock = JSON.parse(read('package-lock.json')) as {
			version: string;
			packages: Record<string, { version?: string }>;
		};
		expect([lock.version, lock.packages[''].version]).toEqual([manifest.version, manifest.version]);
	});

	it('has a released top section only with a date', () => {
		const { state } = topSection();
		expect(state === 'Unreleased' || /^\d{4}-\d{2}-\d{2}$/.test(state)).toBe(true);
	});
});
