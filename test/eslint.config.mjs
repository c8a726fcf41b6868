import { config } from '@n8n/node-cli/eslint';
import { nodeProgramRules } from '../tooling/eslint.config.mjs';

/**
 * Applies to test/ only, when ESLint runs with the flag `unstable_config_lookup_from_file` (CONTRIBUTING.md): the
 * tests are Node programs like the tooling, and hold the fixed test secrets and the tokens they sign to.
 */
export default [
	...config,
	{
		files: ['**/*.ts'],
		rules: { ...nodeProgramRules, '@n8n/community-nodes/no-hardcoded-secrets': 'off' },
	},
];
