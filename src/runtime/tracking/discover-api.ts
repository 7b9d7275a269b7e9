// ADL's API discovery: this window, up the parent chain, then the opener (popup launch) and its parents.

/** ADL's algorithm gives up after this many hops; deeper nesting means a broken LMS frame set. */
const MAX_DEPTH = 10;

export type ApiName = 'API' | 'API_1484_11';

/** A frame of another origin throws on any property access: treat it as "no API there". */
function apiIn<T>(win: Window, name: ApiName): T | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return api && typeof api === 'object' ? (api as T) : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(win: Window): Window | undefined {
  try {
    return win.parent && win.parent !== win ? win.parent : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: Window): Window | undefined {
  try {
    return win.opener ? (win.opener as Window) : undefined;
  } catch {
    return undefined;
  }
}

function searchUp<T>(start: Window, name: ApiName): T | undefined {
  let win: Window | undefined = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = apiIn<T>(win, name);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

/** Finds the LMS's API object, or undefined when the course runs outside an LMS. */
export function findApi<T>(win: Window, name: ApiName): T | undefined {
  const found = searchUp<T>(win, name);
  if (found) return found;
  // A popup's opener is the LMS page (or a frame in it); the top of our own chain may also have one.
  let top: Window = win;
  for (let parent = parentOf(top); parent; parent = parentOf(top)) top = parent;
  const opener = openerOf(top) ?? openerOf(win);
  return opener ? searchUp<T>(opener, name) : undefined;
}
