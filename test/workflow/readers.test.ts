/**
 * The fast parameter reader (fields/readers.ts) against n8n's own getNodeParameter, both called
 * inside one real n8n-core execution, for every parameter shape (reader-cases.ts) and every item:
 * the same value, or the same failure, each time.
 */
import { isDeepStrictEqual } from 'node:util';
import type { IDataObject, IExecuteFunctions, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { workflowRun } from '../../nodes/MappConnect/delivery/run';
import { itemReaders } from '../../nodes/MappConnect/fields/readers';
import { runNode } from '../../tooling/harness';
import type { ParameterCase, Read } from './reader-cases';
import { items, parameterCases } from './reader-cases';

type Outcome = { value: unknown } | { failure: string };

interface Compared {
	parameter: ParameterCase;
	read: Read;
	itemIndex: number;
	fast: Outcome;
	n8n: Outcome;
	/** Whether the fast reader handed the read to getNodeParameter. */
	askedN8n: boolean;
}

function outcome(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { failure: `${(error as Error).constructor.name}: ${(error as Error).message}` };
	}
}

/** A node that, for every item, reads every parameter with the fast reader and with getNodeParameter. */
function probe(parameters: ParameterCase[], compared: Compared[]): INodeType {
	return {
		description: {
			displayName: 'Reader Probe',
			name: 'readerProbe',
			group: ['transform'],
			version: 1,
			description: 'Compares the fast reader with n8n',
			defaults: { name: 'Reader Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: parameters.map(({ property }) => property),
		},
		async execute(this: IExecuteFunctions) {
			let asked = 0;
			const counted = new Proxy(this, {
				get(n8n, key, receiver) {
					if (key !== 'getNodeParameter') return Reflect.get(n8n, key, receiver) as unknown;
					return (...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
						asked++;
						return n8n.getNodeParameter(...args);
					};
				},
			});
			const readerFor = itemReaders(workflowRun(counted));
			const inputItems = this.getInputData();
			for (let itemIndex = 0; itemIndex < inputItems.length; itemIndex++) {
				const reader = readerFor(itemIndex, inputItems[itemIndex].json);
				for (const parameter of parameters) {
					for (const read of parameter.reads) {
						const { path, fallback, options } = read;
						const before = asked;
						const fast = outcome(() => {
							if (!read.within) return reader.get(path, fallback, options);
							const [collection, ...rest] = path.split('.');
							return reader.within(collection).get(rest.join('.'), fallback, options);
						});
						const askedN8n = asked > before;
						const real = outcome(() => this.getNodeParameter(path, itemIndex, fallback, options));
						compared.push({ parameter, read, itemIndex, fast, n8n: real, askedN8n });
					}
				}
			}
			return [[]];
		},
	};
}

const describeCase = ({ parameter, read, itemIndex, fast, n8n }: Compared) => ({
	parameter: JSON.stringify(parameter.value),
	read,
	item: ITEMS[itemIndex].kind,
	fast,
	n8n,
});

const PARAMETERS = parameterCases();
const ITEMS = items();
/** The items whose fields hold text, numbers or booleans: the mappings the reader answers itself. */
const SCALAR_KINDS = new Set(['text', 'empty text', 'number', 'zero', 'true', 'false']);

describe('the fast parameter reader', () => {
	let compared: Compared[];

	beforeAll(async () => {
		compared = [];
		const result = await runNode({
			parameters: Object.fromEntries(
				PARAMETERS.map(({ property, value }) => [property.name, value]),
			) as INodeParameters,
			items: ITEMS.map(({ json }) => json as IDataObject),
			credentials: {},
			testNodeType: probe(PARAMETERS, compared),
		});
		if (result.error) throw result.error;
	});

	it('gives what getNodeParameter gives, value or failure, for every parameter shape and item', () => {
		const reads = PARAMETERS.reduce((sum, { reads }) => sum + reads.length, 0);
		expect(compared).toHaveLength(reads * ITEMS.length);
		const differing = compared.filter(({ fast, n8n }) => !isDeepStrictEqual(fast, n8n));
		expect({ differing: differing.length, of: compared.length }).toEqual({
			differing: 0,
			of: compared.length,
		});
		expect(differing.map(describeCase)).toEqual([]);
	});

	it('answers fixed values and plain mappings of text, numbers and booleans without n8n', () => {
		const common = compared.filter(
			({ read, itemIndex }) => read.common && SCALAR_KINDS.has(ITEMS[itemIndex].kind),
		);
		expect(common.length).toBeGreaterThan(100);
		expect(common.filter(({ askedN8n }) => askedN8n).map(describeCase)).toEqual([]);
	});
});
