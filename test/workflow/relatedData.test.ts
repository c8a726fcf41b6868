import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Related Data', () => {
	it('Delete with a filter', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'relatedData',
				operation: 'delete',
				datasetName: 'testrdlistname',
				key: '123',
				filter: { values: [{ name: 'description', value: 'lorem ipsum' }] },
			},
			{
				subtype: 'relateddata',
				event: {
					datasetName: 'testrdlistname',
					key: '123',
					importMode: 'delete',
					filter: { description: 'lorem ipsum' },
				},
			},
		);
	});
});
