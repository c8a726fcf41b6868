import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Related Data', () => {
	it('Add', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'relatedData',
				operation: 'add',
				datasetName: 'testrdlistname',
				key: '123',
				attributes: {
					values: [
						{ name: 'description', value: 'some description' },
						{ name: 'price', value: '567' },
					],
				},
			},
			{
				subtype: 'relateddata',
				event: {
					datasetName: 'testrdlistname',
					key: '123',
					importMode: 'add',
					attributes: { description: 'some description', price: '567' },
				},
			},
		);
	});

	it("Update, attributes and filter in Mapp's CSV-export notation", async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'relatedData',
				operation: 'update',
				datasetName: 'testrdlistname',
				key: '123',
				attributesInput: 'json',
				attributesJson: "{'description':'change description','price':'890'}",
				filterInput: 'json',
				filterJson: "{'description':'lorem ipsum'}",
			},
			{
				subtype: 'relateddata',
				event: {
					datasetName: 'testrdlistname',
					key: '123',
					importMode: 'update',
					attributes: { description: 'change description', price: '890' },
					filter: { description: 'lorem ipsum' },
				},
			},
		);
	});

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
				event: { datasetName: 'testrdlistname', key: '123', importMode: 'delete', filter: { description: 'lorem ipsum' } },
			},
		);
	});
});
