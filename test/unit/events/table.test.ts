import type { INodeProperties } from 'n8n-workflow';
import { MappConnect } from '../../../nodes/MappConnect/MappConnect.node';
import { EVENT_KINDS, RESOURCES } from '../../../nodes/MappConnect/resources';
import { DEFAULT_SUBTYPES } from '../../../nodes/MappConnect/shared/api';

const { properties } = new MappConnect().description;
const batchKinds = (properties.find((property) => property.name === 'eventKind')?.options ??
	[]) as Array<{ value: string }>;

describe('the tables derived from the resources', () => {
	it('has one kind per id', () => {
		const ids = EVENT_KINDS.map((kind) => kind.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('takes every default subtype from DEFAULT_SUBTYPES, and offers it as the Event Subtype option', () => {
		const standardNames: string[] = Object.values(DEFAULT_SUBTYPES);
		for (const kind of EVENT_KINDS.filter((each) => each.id !== 'customEvent')) {
			expect(standardNames).toContain(kind.subtype);
			const options = kind.fields
				.flatMap((field) => field.properties)
				.find((property) => property.name === 'options');
			const subtype = (options?.options as INodeProperties[] | undefined)?.find(
				(option) => option.name === 'subtype',
			);
			expect({ kind: kind.id, default: subtype?.default }).toEqual({
				kind: kind.id,
				default: kind.subtype,
			});
		}
	});

	it('lets Batch offer every kind but message sends and Custom Event, user upsert first (its default)', () => {
		expect(batchKinds.map(({ value }) => value)).toEqual(
			EVENT_KINDS.filter((kind) => !kind.id.startsWith('message') && kind.id !== 'customEvent').map(
				(kind) => kind.id,
			),
		);
		expect(properties.find((property) => property.name === 'eventKind')?.default).toBe(
			'userUpsert',
		);
	});

	it('runs every operation that sends (events, gathered items, a configuration) as a custom operation, every other one through routing', () => {
		const sendingOthers = ['batch.send', 'batch.sendFile', 'group.create', 'integration.connect'];
		const { customOperations } = new MappConnect();
		for (const resource of RESOURCES) {
			for (const operation of resource.operations) {
				const value = String(operation.option.value);
				const custom = customOperations[resource.value]?.[value];
				expect({ operation: `${resource.value}.${value}`, custom: Boolean(custom) }).toEqual({
					operation: `${resource.value}.${value}`,
					custom: Boolean(operation.kinds) || sendingOthers.includes(`${resource.value}.${value}`),
				});
				if (!custom) expect(operation.option.routing).toBeDefined();
			}
		}
	});

	it("shows a kind's fields where asked, keeping the fields' own conditions", () => {
		const mobileNumbers = properties.filter((property) => property.name === 'mobileNumber');
		expect(mobileNumbers.map((property) => property.displayOptions)).toContainEqual({
			show: { identifierType: ['mobileNumber'], resource: ['user'], operation: ['upsert'] },
		});
		expect(mobileNumbers.map((property) => property.displayOptions)).toContainEqual({
			show: {
				identifierType: ['mobileNumber'],
				eventKind: ['userUpsert'],
				eventSource: ['fields'],
				resource: ['batch'],
				operation: ['send'],
			},
		});
	});
});
