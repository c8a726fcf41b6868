import { expectEventSent, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Custom Event', () => {
	it('Send: any subtype, the JSON object as given', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'customEvent',
				operation: 'send',
				subtype: 'automation',
				event: '{"externalEvent": "signup", "email": "user@mapp.com", "score": 7}',
			},
			{
				subtype: 'automation',
				event: { externalEvent: 'signup', email: 'user@mapp.com', score: 7 },
			},
		);
	});

	it('Send: the whole input item mapped with an expression', async () => {
		await expectEventSent(
			sandbox(),
			{
				resource: 'customEvent',
				operation: 'send',
				subtype: 'newsletter',
				event: '={{ { email: "a@mapp.com", topics: ["x"] } }}',
			},
			{ subtype: 'newsletter', event: { email: 'a@mapp.com', topics: ['x'] } },
		);
	});
});
