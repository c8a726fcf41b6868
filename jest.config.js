/**
 * Unit and workflow tests; the workflow tests load the node from dist/, so `npm test` builds first. Jest looks for
 * tests in test/ only: tooling/ is loaded where a test imports it, never collected.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFilesAfterEnv: ['<rootDir>/test/jest-setup.ts'],
	testPathIgnorePatterns: ['/test/e2e/', '/test/browser/', '/test/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
