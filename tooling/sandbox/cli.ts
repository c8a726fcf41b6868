/** `npm run sandbox`: the Mapp Connect stand-in on loopback, for trying the node in a real n8n. */
import { startSandbox } from './server';

/** Beside n8n's 5678, but not its task broker's 5679. */
const DEFAULT_PORT = 5690;

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: Number(process.env.PORT ?? DEFAULT_PORT) });
	const origin = new URL(sandbox.baseUrl).origin;
	console.log(`Mapp Connect sandbox listening. Enter these in the "Mapp Connect API" credential:
  System:         Custom
  Base URL:       ${sandbox.baseUrl}
  Integration ID: ${sandbox.integrationId}
  Secret:         ${sandbox.secret}   (the sandbox's demo secret, not a real one)

Recorded events:  GET  ${origin}/__sandbox/events
Reset:            POST ${origin}/__sandbox/reset
Inject a fault:   POST ${origin}/__sandbox/faults   e.g. {"kind":"status429","count":2,"retryAfterSeconds":1}
Stop with Ctrl-C.`);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`The sandbox did not start: ${error.message}`);
	process.exit(1);
});
