import { EditorApi } from './editor';
import { StepError } from './log';
import { waitForWorkflowApi } from './manual-run';
import type { ManagedProcess } from './processes';
import type { Editor, N8nSession } from './session';

/** `n8n start`, started when needed and signed in to. */
export class RunningN8n {
	private running?: { editor: Editor; api: EditorApi; pid: number };
	private ownerExists = false;

	constructor(private readonly session: N8nSession) {}

	/** The running n8n, and whether it has just started. */
	async get(): Promise<{ api: EditorApi; pid: number; process: ManagedProcess; fresh: boolean }> {
		if (this.running)
			return { ...this.running, process: this.running.editor.process, fresh: false };
		const editor = await this.session.startEditor();
		const api = this.ownerExists
			? await EditorApi.signIn(editor.url)
			: await this.session.signUpOwner(editor);
		this.ownerExists = true;
		await waitForWorkflowApi(api);
		const pid = editor.process.pid;
		if (pid === undefined) throw new StepError('n8n start has no process ID');
		this.running = { editor, api, pid };
		return { ...this.running, process: editor.process, fresh: true };
	}

	async stop(): Promise<void> {
		await this.running?.editor.process.stop();
		this.running = undefined;
	}
}
