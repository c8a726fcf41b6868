/** Reads n8n's own output for trouble with this package. */

/** A line that names this package, its nodes or its credentials. */
const ABOUT_PACKAGE = /n8n-nodes-mapp-connect|mappConnect|Mapp Connect/i;
const TROUBLE =
	/warn|error|fail|cannot|could not|not a constructor|deprecat|unknown|unrecognized|invalid|missing/i;
/** What n8n's loader says when it cannot load a package, whatever it names. */
const LOADER_TROUBLE =
	/is not a constructor|Unrecognized (node|credential) type|Failed to load|Error loading package/i;

/**
 * The lines of n8n's log that report trouble with this package. Lines of the pretty-printed run data that
 * `n8n execute` prints (indented, or a lone brace) are not log lines.
 */
export function packageWarnings(log: string): string[] {
	return log
		.split('\n')
		.filter((line) => line !== '' && !/^[\s{}[\]]/.test(line))
		.filter(
			(line) => (ABOUT_PACKAGE.test(line) && TROUBLE.test(line)) || LOADER_TROUBLE.test(line),
		);
}
