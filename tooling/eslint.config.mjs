import { config } from '@n8n/node-cli/eslint';

/**
 * The rules node-cli's config sets for node code that runs inside n8n Cloud: no Node built-ins, no timers or
 * `process`, no child processes or `eval`-like calls, NodeApiError for thrown errors, no `console`. The tooling and
 * the tests are Node programs that never run inside n8n (the sandbox, the harness, the real-n8n kit, the commands),
 * so these rules are off for them; every other rule of node-cli's config still applies.
 */
export const nodeProgramRules = {
	'@n8n/community-nodes/no-restricted-globals': 'off',
	'@n8n/community-nodes/no-restricted-imports': 'off',
	'@n8n/community-nodes/no-dangerous-functions': 'off',
	'@n8n/community-nodes/require-node-api-error': 'off',
	'no-console': 'off',
};

/** Applies to tooling/ only, when ESLint runs with the flag `unstable_config_lookup_from_file` (CONTRIBUTING.md). */
export default [...config, { files: ['**/*.ts'], rules: nodeProgramRules }];
