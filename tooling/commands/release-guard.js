// package.json's prepublishOnly. n8n accepts only versions published with an npm provenance statement, which only
// .github/workflows/publish.yml can create; a version published from a laptop could never be verified, nor replaced.
if (process.env.GITHUB_ACTIONS !== 'true') {
	console.error(
		'Publishing happens in GitHub Actions when a version tag is pushed: see docs/releasing.md.',
	);
	process.exit(1);
}
