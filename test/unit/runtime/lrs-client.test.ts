/** @jest-environment jsdom */
// The LRS client's queue, with a fetch the test answers by hand: each request is acknowledged by
// its own response, whatever mix of statements and state documents is waiting.
import { LrsClient, type Statement } from '../../../src/runtime/tracking/xapi/lrs-client';

interface Call {
  url: string;
  method: string;
  body: string;
  keepalive: boolean;
  headers: Record<string, string>;
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
        headers: init.headers as Record<string, string>,
        answer: (status) => resolve({ status, ok: status < 300, json: async () => ({}) } as Response),
        fail: () => reject(new TypeError('Failed to fetch')),
      });
    })) as typeof fetch;
  return { calls, restore: () => void (globalThis.fetch = original) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const statement = (id: string, verb = 'experienced'): Statement => ({ id, verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` } });
function what(call: Call): string {
  if (!call.url.includes('statements')) return `${call.method} state ${(JSON.parse(call.body) as { v: number }).v}`;
  const body = JSON.parse(call.body) as Statement | Statement[];
  return `${call.method} statement ${Array.isArray(body) ? body.map((s) => s.id).join('+') : body.id}`;
}

let net: ReturnType<typeof manualFetch>;
beforeEach(() => {
  localStorage.clear();
  net = manualFetch();
});
afterEach(() => net.restore());

describe('LRS client queue', () => {
  it('acknowledges the request that was answered, not the other one on its way', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.putState({ stateId: 'resume' }, { v: 1 });
    client.send(statement('s1'));
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT statement s1']);
    net.calls[1]!.answer(204);
    await tick();
    expect(client.backlog).toBe(1);
    expect(client.queuedStatements()).toEqual([]);
    net.calls[0]!.answer(204);
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
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT statement s1', 'PUT state 2']);
    net.calls[1]!.answer(204);
    net.calls[2]!.answer(204);
    await client.idle();
    expect(net.calls).toHaveLength(3);
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

  it('sends statements queued together as one POST; a refused batch goes again statement by statement', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    for (const id of ['s0', 's1', 's2', 's3']) client.send(statement(id));
    await tick();
    net.calls[0]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s0', 'POST statement s1+s2+s3']);
    // s2 arrived before (its answer was lost): a strict LRS refuses the whole batch.
    net.calls[1]!.answer(409);
    for (const [i, status] of [[2, 204], [3, 204], [4, 400]] as const) {
      await tick();
      await tick();
      net.calls[i]!.answer(status);
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await client.idle();
    warn.mockRestore();
    expect(net.calls.map(what)).toEqual(['PUT statement s0', 'POST statement s1+s2+s3', 'PUT statement s1', 'PUT statement s2', 'PUT statement s3']);
    expect(client.backlog).toBe(0);
  });

  it('on exit leaves the request on its way to arrive and hands the rest to the browser, in order', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.send(statement('s1'));
    await tick();
    client.send(statement('s2'));
    client.putState({ stateId: 'resume' }, { v: 1 });
    client.send(statement('s3'));
    client.flushOnExit();
    expect(net.calls.map((call) => `${what(call)}${call.keepalive ? ' (keepalive)' : ''}`)).toEqual([
      'PUT statement s1 (keepalive)',
      'PUT state 1 (keepalive)',
      'POST statement s2+s3 (keepalive)',
    ]);
    // Nothing is forgotten: the queue stays in this browser until the LRS answers.
    expect(JSON.parse(localStorage.getItem('queue') ?? '{}').requests).toHaveLength(4);
  });

  it('a page that lives on after exit sends nothing again that it handed to the browser, until that is answered', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.send(statement('s1'));
    await tick();
    client.send(statement('s2'));
    client.send(statement('s3'));
    client.flushOnExit();
    // s1 answered: the lane is free, but s2 and s3 are on their way in the exit's POST.
    net.calls[0]!.answer(204);
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'POST statement s2+s3']);
    net.calls[1]!.answer(204);
    await tick();
    expect(client.backlog).toBe(0);
    expect(net.calls).toHaveLength(2);
  });

  it('what the browser failed to deliver at exit goes again by the lanes, should the page live on', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.send(statement('s1'));
    await tick();
    client.send(statement('s2'));
    client.flushOnExit();
    net.calls[1]!.fail();
    net.calls[0]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'POST statement s2', 'PUT statement s2']);
    net.calls[2]!.answer(204);
    await tick();
    expect(client.backlog).toBe(0);
  });

  it('on exit while the LRS is failing, the statement on its way goes in the batch too, keeping the order', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
      client.send(statement('s1'));
      await Promise.resolve();
      net.calls[0]!.answer(503);
      await jest.advanceTimersByTimeAsync(1000);
      client.send(statement('s2'));
      client.flushOnExit();
      expect(net.calls.slice(1).map(what)).toEqual(['PUT statement s1', 'POST statement s1+s2']);
    } finally {
      jest.useRealTimers();
    }
  });

  it("sends an earlier cmi5 session's writes with that session's credentials, never the new one's", async () => {
    const first = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    first.startSession('session-1', 'Basic one');
    first.send(statement('s1'));
    await tick();
    net.calls[0]!.fail();
    await tick();
    const second = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    second.startSession('session-2', 'Basic two');
    second.send(statement('s2'));
    await tick();
    const auth = (call: Call) => call.headers.Authorization;
    expect(net.calls.slice(1).map((call) => `${what(call)} ${auth(call)}`)).toEqual(['PUT statement s1 Basic one']);
    net.calls[1]!.answer(401);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await tick();
    await tick();
    warn.mockRestore();
    expect(net.calls.slice(2).map((call) => `${what(call)} ${auth(call)}`)).toEqual(['PUT statement s2 Basic two']);
  });

  it('sends a state document at once, beside a statement batch still on its way', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.send(statement('s1'));
    await tick();
    client.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'PUT state 1']);
  });

  it("holds a cmi5 session's terminated until its state writes are answered (a cmi5 LMS refuses writes after it)", async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.startSession('session-1', 'Basic one');
    client.send(statement('s1'));
    await tick();
    client.putState({ stateId: 'resume' }, { v: 9 });
    client.send(statement('s2'));
    client.send(statement('end', 'terminated'));
    net.calls[0]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'PUT state 9', 'PUT statement s2']);
    net.calls[2]!.answer(204);
    await tick();
    await tick();
    expect(net.calls).toHaveLength(3);
    net.calls[1]!.answer(204);
    await tick();
    await tick();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'PUT state 9', 'PUT statement s2', 'PUT statement end']);
    net.calls[3]!.answer(204);
    await client.idle();
    expect(client.backlog).toBe(0);
  });

  it('on exit sends a cmi5 terminated only when nothing of its session is unanswered or sent beside it', async () => {
    const session = (): LrsClient => {
      localStorage.clear();
      net.calls.length = 0;
      const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
      client.startSession('session-1', 'Basic one');
      return client;
    };
    const bookmark = session();
    bookmark.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    bookmark.send(statement('end', 'terminated'));
    bookmark.flushOnExit();
    // The bookmark is on its way, unanswered: terminated sent now could overtake it.
    expect(net.calls.map(what)).toEqual(['PUT state 1']);
    expect(bookmark.queuedStatements().map((s) => s.id)).toEqual(['end']);

    const later = session();
    later.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    net.calls[0]!.answer(204);
    await tick();
    later.putState({ stateId: 'resume' }, { v: 2 });
    later.send(statement('s1'));
    later.send(statement('end', 'terminated'));
    later.flushOnExit();
    // Version 2 goes only now, beside terminated: it stays queued for the next launch.
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT state 2', 'PUT statement s1']);
    expect(later.queuedStatements().map((s) => s.id)).toEqual(['s1', 'end']);

    const batch = session();
    batch.send(statement('s1'));
    await tick();
    batch.send(statement('s2'));
    batch.send(statement('end', 'terminated'));
    batch.flushOnExit();
    // s1 is on its way, unanswered: s2 goes (a cmi5 LMS takes statements in any order), terminated stays.
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'POST statement s2']);
    expect(batch.queuedStatements().map((s) => s.id)).toEqual(['s1', 's2', 'end']);
  });

  it('on exit, plain xAPI sends terminated even while statements are on their way (no session rule to break)', async () => {
    const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
    client.send(statement('s1'));
    await tick();
    client.send(statement('end', 'terminated'));
    client.flushOnExit();
    expect(net.calls.map(what)).toEqual(['PUT statement s1', 'POST statement end']);
  });

  it('an LRS that refuses documents but takes statements: statements go on, the learner is told once', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const client = new LrsClient('https://lrs.test/xapi/', localStorage, 'queue');
      const statuses: string[] = [];
      client.onConnection((status) => statuses.push(status));
      client.putState({ stateId: 'resume' }, { v: 1 });
      client.send(statement('s1'));
      await Promise.resolve();
      net.calls[0]!.answer(503);
      await jest.advanceTimersByTimeAsync(10);
      net.calls[1]!.answer(204);
      await jest.advanceTimersByTimeAsync(10);
      expect(client.queuedStatements()).toEqual([]);
      expect(statuses).toEqual(['offline']);
      await jest.advanceTimersByTimeAsync(1000);
      expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT statement s1', 'PUT state 1']);
      net.calls[2]!.answer(204);      await jest.advanceTimersByTimeAsync(10);
      expect(statuses).toEqual(['offline', 'online']);
      expect(client.backlog).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('on exit terminated goes all the same when the LRS has been refusing documents, or outside cmi5', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const cmi5 = new LrsClient('https://lrs.test/xapi/', localStorage, 'cmi5');
      cmi5.startSession('session-1', 'Basic one');
      cmi5.putState({ stateId: 'resume' }, { v: 1 });
      await Promise.resolve();
      net.calls[0]!.answer(503);
      await jest.advanceTimersByTimeAsync(10);
      cmi5.send(statement('end', 'terminated'));
      await jest.advanceTimersByTimeAsync(10);
      cmi5.flushOnExit();
      expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT state 1', 'PUT state 1', 'POST statement end']);
    } finally {
      jest.useRealTimers();
    }
    net.calls.length = 0;
    const xapi = new LrsClient('https://lrs.test/xapi/', localStorage, 'xapi');
    xapi.putState({ stateId: 'resume' }, { v: 1 });
    await tick();
    xapi.putState({ stateId: 'resume' }, { v: 2 });
    xapi.send(statement('end', 'terminated'));
    expect(net.calls.map(what)).toEqual(['PUT state 1', 'PUT statement end']);
  });
});
