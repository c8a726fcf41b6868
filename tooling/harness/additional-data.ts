import type {
	ICredentialsHelper,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks } from 'n8n-core';

const LOCAL_URL = 'http://127.0.0.1:5678/';

/**
 * The parts of n8n's additional data that a run of this package touches; external secrets, task
 * runners and sub-workflows are not part of a harness run.
 */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	workflowData: IWorkflowBase,
	mode: WorkflowExecuteMode = 'manual',
): IWorkflowExecuteAdditionalData {
	const notInHarness = (what: string) => () => {
		throw new Error(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, 'harness-execution', workflowData),
		executeWorkflow: notInHarness('executeWorkflow'),
		getRunExecutionData: notInHarness('getRunExecutionData'),
		startRunnerTask: notInHarness('startRunnerTask'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: `${LOCAL_URL}rest`,
		instanceBaseUrl: LOCAL_URL,
		formWaitingBaseUrl: `${LOCAL_URL}form-waiting`,
		webhookBaseUrl: `${LOCAL_URL}webhook`,
		webhookWaitingBaseUrl: `${LOCAL_URL}webhook-waiting`,
		webhookTestBaseUrl: `${LOCAL_URL}webhook-test`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}
