import type { INodeTypeDescription } from 'n8n-workflow';
import { MappConnectTrigger } from '../MappConnectTrigger/MappConnectTrigger.node';

/**
 * The Mapp Connect Trigger as the node panel offers it. n8n's panel merges a trigger named after an app's node
 * (`mappConnect` + `Trigger`) into that node's entry and shows the trigger's description there, above the app's
 * actions; under this name each node has its own entry and description. The type `mappConnectTrigger` stays for
 * saved workflows, hidden from the panel; both run the same code.
 */
export class MappConnectFeedbackTrigger extends MappConnectTrigger {
	description: INodeTypeDescription = {
		...new MappConnectTrigger().description,
		name: 'mappConnectFeedbackTrigger',
		hidden: undefined,
	};
}
