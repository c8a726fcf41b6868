import type { IDataObject, INode, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { listOf, type FeedbackFilters } from './feedback';

export const DEFAULT_BODY_LIMIT_KB = 1024;

/*
 * A setting the trigger cannot work with (an empty secret, a limit that is not a number) throws a
 * NodeOperationError whose message names the setting, never its value: the caller reads it.
 */

/** A text setting that guards the trigger: a secret token or header value. */
export function secretSetting(node: INode, name: string, value: unknown): string {
	if (typeof value !== 'string') {
		throw new NodeOperationError(
			node,
			`${name} must be text, but its expression gives ${kindOf(value)}`,
		);
	}
	if (value.trim() === '') throw new NodeOperationError(node, `${name} is empty or only spaces`);
	return value;
}

export interface TriggerOptions {
	limitBytes: number;
	filters: FeedbackFilters;
}

/** The Options collection, checked: the body limit in bytes and the filters. */
export function readOptions(context: IWebhookFunctions): TriggerOptions {
	const options = nodeSetting(context, 'options', 'Options', {}) as IDataObject;
	return {
		limitBytes: bodyLimitKb(context.getNode(), options.bodyLimitKb ?? DEFAULT_BODY_LIMIT_KB) * 1024,
		filters: {
			errorCodes: listOf(options.errorCodes as string | undefined),
			mappingNames: listOf(options.mappingNames as string | undefined),
			integrationId: String(options.integrationId ?? '').trim(),
		},
	};
}

/** A node parameter; an expression that fails to evaluate is reported by the setting's name. */
export function nodeSetting(
	context: IWebhookFunctions,
	name: string,
	displayName: string,
	fallback: unknown,
): unknown {
	try {
		return context.getNodeParameter(name, fallback);
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`${displayName} could not be evaluated: ${(error as Error).message}`,
		);
	}
}

/** An expression may give the limit as a number or as digits in text (`{{ $env.LIMIT }}`); anything else is refused. */
function bodyLimitKb(node: INode, value: unknown): number {
	const name = 'Body Size Limit (KB)';
	const kb =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
				? Number(value)
				: NaN;
	if (Number.isNaN(kb)) {
		throw new NodeOperationError(
			node,
			`${name} must be a number of at least 1, but its expression gives ${kindOf(value)}`,
		);
	}
	if (!Number.isFinite(kb) || kb < 1)
		throw new NodeOperationError(node, `${name} must be a number of at least 1, but it is ${kb}`);
	return kb;
}

function kindOf(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return 'text';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}
