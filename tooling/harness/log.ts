import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

/** What n8n's logger was told during a harness run, as `level: message {metadata}` lines. */
export interface CapturedLog {
	readonly lines: string[];
	/** Gives n8n's logger back its own methods. */
	restore(): void;
}

/** n8n's default log level is info: the levels below it are fixed no-ops that nothing can capture. */
const LEVELS = ['error', 'warn', 'info'] as const;

/**
 * Captures what nodes write through `this.logger` (n8n's Logger, one per process): the lines a user
 * would find in n8n's log. Nothing is printed meanwhile.
 */
export function captureLog(): CapturedLog {
	const logger = Container.get(Logger);
	const lines: string[] = [];
	const originals = LEVELS.map((level) => logger[level]);
	for (const level of LEVELS) {
		logger[level] = (message: string, metadata?: object) => {
			lines.push(`${level}: ${message}${metadata ? ` ${JSON.stringify(metadata)}` : ''}`);
		};
	}
	return {
		lines,
		restore() {
			LEVELS.forEach((level, at) => (logger[level] = originals[at]));
		},
	};
}
