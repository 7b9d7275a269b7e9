// The launch URL's query string, as Tin Can (endpoint, auth, actor, registration, activity_id)
// and cmi5 (endpoint, fetch, actor, registration, activityId) LMSs write it.

export interface Agent {
  objectType: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface LaunchParameters {
  endpoint?: string;
  auth?: string;
  fetch?: string;
  actor?: Agent;
  registration?: string;
  activityId?: string;
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Tin Can 0.95 LMSs still send arrays and accountServiceHomePage/accountName: accept both. */
export function normaliseAgent(value: unknown): Agent | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const agent: Agent = { objectType: 'Agent' };
  const name = first(raw.name);
  if (typeof name === 'string') agent.name = name;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid'] as const) {
    const id = first(raw[key]);
    if (typeof id === 'string') agent[key] = id;
  }
  const account = first(raw.account) as Record<string, unknown> | undefined;
  if (account) {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage === 'string' && typeof accountName === 'string') agent.account = { homePage, name: accountName };
  }
  return agent.mbox || agent.mbox_sha1sum || agent.openid || agent.account ? agent : undefined;
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function readLaunchParameters(search: string): LaunchParameters {
  const query = new URLSearchParams(search);
  const get = (name: string) => query.get(name) ?? undefined;
  const endpoint = get('endpoint');
  return {
    endpoint: endpoint && (endpoint.endsWith('/') ? endpoint : `${endpoint}/`),
    auth: get('auth'),
    fetch: get('fetch'),
    actor: normaliseAgent(parseJson(query.get('actor'))),
    registration: get('registration'),
    activityId: get('activityId') ?? get('activity_id'),
  };
}
