/** The child processes of `npm run bench`: their messages, and a CPU profiler of the measured runs. */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/** The next message of this type from the child, or a rejection if it exits first. */
export function reply<T>(from: ChildProcess, type: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: { type: string }) => {
			if (message.type !== type) return;
			from.off('exit', onExit);
			from.off('message', onMessage);
			resolve(message as T);
		};
		const onExit = (code: number) =>
			reject(new Error(`Child process exited with code ${code} before "${type}"`));
		from.on('message', onMessage);
		from.once('exit', onExit);
	});
}

/** A V8 CPU profiler on this process, saved as bench-profiles/<name>.cpuprofile. */
export async function startProfiler(): Promise<{ save(name: string): Promise<void> }> {
	const session = new Session();
	session.connect();
	const post = (method: string) =>
		new Promise<unknown>((resolve, reject) =>
			session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
		);
	await post('Profiler.enable');
	await post('Profiler.start');
	return {
		async save(name) {
			const { profile } = (await post('Profiler.stop')) as { profile: object };
			mkdirSync('bench-profiles', { recursive: true });
			writeFileSync(path.join('bench-profiles', `${name}.cpuprofile`), JSON.stringify(profile));
			session.disconnect();
		},
	};
}
