/** @jest-environment jsdom */
// The LRS client's queue, with a fetch the test answers by hand: each request is acknowledged by
// its own response, whatever mix of statements and state documents is waiting.
import { LrsClient, type Statement } from '../../../src/runtime/tracking/xapi/lrs-client';

interface Call {
  url: string;
  method: string;
  body: string;
  keepalive: boolean;
  answer(status: number): void;
  fail(): void;
}

/** A fetch whose every call waits until the test answers it. */
function manualFetch(): { calls: Call[]; restore(): void } {
  const calls: Call[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = ((url: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      calls.push({
        url: String(url),
        method: init.method ?? 'GET',
        body: String(init.body ?? ''),
        keepalive: Boolean(init.keepalive),
        answer: (status) => resolve({ status, ok: status < 300, json: async () => ({}) } as Response),
        fail: () => reject(new TypeError('Failed to fetch')),
      });
    })) as typeof fetch;
  return { calls, restore: () => void (globalThis.fetch = original) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const statement = (id: string): Statement => ({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } });
const what = (call: Call) => (call.url.includes('statements') ? `${call.method} statement ${(JSON.parse(call.body) as Statement).id ?? ''}` : `${call.method} state ${(JSON.parse(call.body) as { v: number }).v}`);

let net: ReturnType<typeof manualFetch>;
beforeEach(() => {
  localStorage.clear();
  net = manualFetch();
});
afterEach(() => net.restore());

describe('LRS client queue', () => {
  it('acknowledges the state write that was answered, not the statement queued behind it', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    client.send(statement('s1'));
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT state 1']);
    net.calls[0]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT statement s1']);
    net.calls[1]!.answer(204);
    await client.idle();
    expect(client.backlog).toBe(0);
  });

  it('keeps a newer version of a document written while the older one is on its way', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    client.putState({ stateId: 'resume' }, { v: 2 });
    client.send(statement('s1'));
    net.calls[0]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT state 2']);
    net.calls[1]!.answer(204);
    await tick();
    await tick();
    net.calls[2]!.answer(204);
    await client.idle();
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT state 2', 'PUT statement s1']);
  });

  it('idle() waits for every write to be acknowledged, through failures and retries', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
      client.send(statement('s1'));
      let idle = false;
      void client.idle().then(() => (idle = true));
      await Promise.resolve();
      net.calls[0]!.answer(503);
      await jest.advanceTimersByTimeAsync(10);
      expect(idle).toBe(false);
      await jest.advanceTimersByTimeAsync(1000);
      expect(net.calls).toHaveLength(2);
      net.calls[1]!.answer(204);
      await jest.advanceTimersByTimeAsync(10);
      expect(idle).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
