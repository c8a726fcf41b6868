import { VENDOR_EXAMPLES } from '../fixtures/vendorExamples';
import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe("every example of Mapp's page goes out through a real run, byte for byte", () => {
	it.each(VENDOR_EXAMPLES.map((example) => [example.title, example] as const))(
		'%s',
		async (_title, example) => {
			await expectEventSent(
				sandbox(),
				{ resource: example.resource, operation: example.operation, ...example.parameters },
				{ subtype: example.subtype, event: example.event },
			);
			expect(sandbox().requests[0].body).toBe(JSON.stringify(example.event));
		},
	);
});
