// The preview page: plays the LMS for the course in the frame (scorm-again for SCORM, the
// preview server's LRS for xAPI and cmi5), shows what the LMS holds, drives the course through
// its preview hooks, and relaunches it where the learner was after every rebuild.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const frame = $('course');
  const SESSION_KEY = 'coursepack-preview';
  const LIMITS = { scorm12: 4096, scorm2004: 64000, xapi: 64000, cmi5: 64000 };

  /** What the simulated LMS keeps between launches: per standard, the stored CMI or the registration. */
  const session = load();
  let build = null;
  let launchedVersion = -1;
  let api = null;
  let calls = [];
  let busy = Promise.resolve();

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      if (saved && saved.stored && saved.registrations) return saved;
    } catch {
      // A damaged copy starts a new session.
    }
    return { stored: {}, registrations: {} };
  }

  function save() {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  const standard = () => $('standard').value;
  /** The course's language to show (`languages:`); empty for a course in one language. */
  const language = () => encodeURIComponent($('language').value);
  const isScorm = (std) => std === 'scorm12' || std === 'scorm2004';

  function settings() {
    const mastery = $('mastery').value.trim();
    return { learner: $('learner').value, mastery: mastery === '' ? undefined : Number(mastery), mode: $('mode').value };
  }

  // ---- SCORM: scorm-again as the LMS -------------------------------------------------------

  function learnerCmi(std, s) {
    if (std === 'scorm12') {
      return {
        core: { student_name: s.learner, student_id: 'preview-learner', lesson_mode: s.mode },
        ...(s.mastery === undefined ? {} : { student_data: { mastery_score: String(s.mastery) } }),
      };
    }
    return { learner_name: s.learner, learner_id: 'preview-learner', mode: s.mode, ...(s.mastery === undefined ? {} : { scaled_passing_score: String(s.mastery / 100) }) };
  }

  /** What an LMS hands back on the next launch after a session that ended with `suspend`. */
  function relaunchCmi(std, stored, s) {
    const learner = learnerCmi(std, s);
    if (std === 'scorm12') {
      const core = stored.core || {};
      return {
        ...learner,
        core: { ...learner.core, lesson_location: core.lesson_location, lesson_status: core.lesson_status, entry: core.exit === 'suspend' ? 'resume' : '', score: core.score },
        suspend_data: stored.suspend_data,
      };
    }
    return {
      ...learner,
      location: stored.location,
      suspend_data: stored.suspend_data,
      completion_status: stored.completion_status,
      success_status: stored.success_status,
      entry: stored.exit === 'suspend' ? 'resume' : '',
    };
  }

  const METHODS = {
    scorm12: { store: ['LMSCommit', 'LMSFinish'], all: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'] },
    scorm2004: { store: ['Commit', 'Terminate'], all: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'] },
  };

  function startScorm(std) {
    const Api = std === 'scorm12' ? window.Scorm12API : window.Scorm2004API;
    api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    const stored = session.stored[std];
    api.loadFromJSON(stored ? relaunchCmi(std, stored, settings()) : learnerCmi(std, settings()));
    for (const method of METHODS[std].all) {
      const original = api[method].bind(api);
      api[method] = (...args) => {
        const result = original(...args);
        const ok = String(result) !== 'false';
        const code = ok ? '' : ` (error ${api[std === 'scorm12' ? 'LMSGetLastError' : 'GetLastError']()})`;
        log(`${method}(${args.map((a) => JSON.stringify(a)).join(', ')}) → ${JSON.stringify(String(result))}${code}`, !ok);
        // Like Moodle, the LMS keeps only what was committed.
        if (ok && METHODS[std].store.includes(method)) {
          session.stored[std] = api.renderCMIToJSONObject().cmi;
          save();
        }
        return result;
      };
    }
    window.API = std === 'scorm12' ? api : undefined;
    window.API_1484_11 = std === 'scorm2004' ? api : undefined;
    return `/course/${std}/index.html?lang=${language()}&v=${build.version}`;
  }

  // ---- xAPI and cmi5: the preview server's LRS ---------------------------------------------

  async function startLrs(std) {
    window.API = undefined;
    window.API_1484_11 = undefined;
    api = null;
    session.registrations[std] = session.registrations[std] || crypto.randomUUID();
    save();
    const s = settings();
    const response = await fetch('/api/launch', {
      method: 'POST',
      body: JSON.stringify({ standard: std, registration: session.registrations[std], learnerName: s.learner, masteryScore: s.mastery, mode: s.mode }),
    });
    const { query } = await response.json();
    return `/course/${std}/index.html?${query}&lang=${language()}&v=${build.version}`;
  }

  // ---- launching ----------------------------------------------------------------------------

  /**
   * Ends the course's session with the LMS: through its preview hook at once (the next launch
   * can then replace the page directly), else by letting the page go to a blank one (pagehide).
   */
  function close() {
    const h = hooks();
    if (h && h.end) {
      h.end();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      if (!frame.getAttribute('src') || frame.getAttribute('src') === 'about:blank') return resolve();
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.setAttribute('src', 'about:blank');
    });
  }

  /** Closes the course and launches it again: a relaunch, as a learner coming back. */
  function relaunch(afterClose) {
    busy = busy.then(async () => {
      if (!build || !build.ok) return;
      await close();
      if (afterClose) afterClose();
      clearLog();
      const std = standard();
      const url = isScorm(std) ? startScorm(std) : await startLrs(std);
      launchedVersion = build.version;
      frame.setAttribute('src', url);
    });
    return busy;
  }

  /** A new attempt: once the course has closed (its last commit lands), the LMS forgets it. */
  function reset() {
    return relaunch(() => {
      const std = standard();
      delete session.stored[std];
      delete session.registrations[std];
      save();
      // The course keeps copies in this browser (bookmark backups, unsent statements): a new attempt starts clean.
      for (const store of [localStorage, sessionStorage]) {
        for (const key of Object.keys(store)) if (key.startsWith('coursepack:')) store.removeItem(key);
      }
    });
  }

  // ---- the course's preview hooks -------------------------------------------------------------

  const hooks = () => {
    try {
      return frame.contentWindow && frame.contentWindow.coursepackPreview;
    } catch {
      return undefined;
    }
  };

  function refreshPages() {
    const h = hooks();
    const select = $('page');
    if (!h) return;
    const pages = h.pages();
    const current = h.current();
    const labels = pages.map((p, i) => `${i + 1}. ${p.title} (${p.type})${p.done ? ' ✓' : ''}`);
    if ([...select.options].map((o) => o.text).join('|') !== labels.join('|')) {
      select.replaceChildren(...labels.map((text, i) => new Option(text, String(i))));
    }
    if (document.activeElement !== select) select.value = String(current);
  }

  // ---- the data panel -----------------------------------------------------------------------

  /** API calls not drawn yet, and the idle callback that will draw them. */
  let unlogged = [];
  let logging = 0;

  /**
   * Lists an API call. Drawn when the page is idle (within a quarter of a second): a relaunch
   * makes some thirty calls, and drawing each at once held the course's first paint back.
   */
  function log(text, failed) {
    calls.push(text);
    unlogged.push([text, failed]);
    logging ||= requestIdleCallback(drawLog, { timeout: 250 });
  }

  function drawLog() {
    logging = 0;
    const list = $('log');
    list.append(
      ...unlogged.map(([text, failed]) => {
        const item = document.createElement('li');
        item.textContent = text;
        if (failed) item.className = 'failed';
        return item;
      }),
    );
    unlogged = [];
    while (list.children.length > 500) list.firstElementChild.remove();
  }

  function clearLog() {
    calls = [];
    unlogged = [];
    delete $('log').dataset.shown;
    $('log').replaceChildren();
  }

  function flatten(value, prefix, rows) {
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, rows);
    } else if (value !== '' && value !== undefined && value !== null) {
      rows.push([prefix, String(value)]);
    }
    return rows;
  }

  /**
   * Whether `element` shows `value` already. The panel refreshes twice a second on the page the
   * course shares its thread with: it is redrawn only where a value changed.
   */
  function showing(element, value) {
    const text = JSON.stringify(value);
    if (element.dataset.shown === text) return true;
    element.dataset.shown = text;
    return false;
  }

  function showRows(table, rows) {
    if (showing(table, rows)) return;
    table.tBodies[0].replaceChildren(
      ...rows.map(([key, value]) => {
        const row = document.createElement('tr');
        for (const text of [key, value]) row.insertCell().textContent = text;
        return row;
      }),
    );
  }

  function showStatus(entries) {
    if (showing($('status'), entries)) return;
    $('status').replaceChildren(
      ...entries.flatMap(([term, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = value;
        dd.dataset.status = term;
        return [dt, dd];
      }),
    );
  }

  function showSuspend(text, std) {
    if (showing($('suspend'), [text, std])) return;
    const limit = LIMITS[std];
    const size = $('suspend-size');
    size.textContent = `${(text || '').length} of ${limit} characters${std === 'scorm12' ? ' (SCORM 1.2 LMSs keep no more)' : ''}`;
    size.className = (text || '').length > limit ? 'over-limit' : '';
    let shown = text || '(none)';
    try {
      shown = JSON.stringify(JSON.parse(text), null, 1);
    } catch {
      // Not JSON: shown as it is.
    }
    $('suspend').textContent = shown;
  }

  function scormPanel(std) {
    if (!api) return;
    const cmi = api.renderCMIToJSONObject().cmi;
    $('log-title').textContent = 'API calls';
    showRows($('model'), flatten(cmi, 'cmi', []));
    showSuspend(cmi.suspend_data, std);
    if (std === 'scorm12') {
      const core = cmi.core || {};
      showStatus([
        ['Status', core.lesson_status || ''],
        ['Score', core.score && core.score.raw !== '' ? `${core.score.raw} (of ${core.score.max || 100})` : '—'],
        ['Bookmark', core.lesson_location || '—'],
        ['Exit', core.exit || '—'],
      ]);
    } else {
      const score = cmi.score || {};
      showStatus([
        ['Completion', cmi.completion_status || ''],
        ['Success', cmi.success_status || ''],
        ['Score', score.scaled !== undefined && score.scaled !== '' ? `${Math.round(Number(score.scaled) * 100)}% (${score.raw} of ${score.max})` : '—'],
        ['Progress', cmi.progress_measure !== undefined && cmi.progress_measure !== '' ? `${Math.round(Number(cmi.progress_measure) * 100)}%` : '—'],
        ['Bookmark', cmi.location || '—'],
      ]);
    }
  }

  async function lrsPanel(std) {
    const registration = session.registrations[std];
    if (!registration) return;
    const data = await (await fetch(`/api/lrs?registration=${encodeURIComponent(registration)}&standard=${std}`)).json();
    const verbs = data.statements.map((s) => String(s.verb.id).split('/').pop());
    const judged = [...data.statements].reverse().find((s) => /\/(passed|failed)$/.test(s.verb.id));
    const score = judged && judged.result && judged.result.score;
    showStatus([
      ['Completed', verbs.includes('completed') ? 'yes' : 'no'],
      ['Result', verbs.includes('passed') ? 'passed' : verbs.includes('failed') ? 'failed' : '—'],
      ['Score', score ? `${Math.round(score.scaled * 100)}% (${score.raw} of ${score.max})` : '—'],
      ['Bookmark', (data.state && data.state.location) || '—'],
      ['Statements', String(data.statements.length)],
    ]);
    showSuspend(data.state ? data.state.suspendData : '', std);
    $('log-title').textContent = 'Statements';
    showRows($('model'), flatten(data.state || {}, 'state', []));
    if (showing($('log'), data.statements)) return;
    $('log').replaceChildren(
      ...data.statements.map((s) => {
        const item = document.createElement('li');
        const result = s.result && s.result.response !== undefined ? ` → ${s.result.response}` : '';
        item.textContent = `${String(s.verb.id).split('/').pop()} ${s.object.id}${result}`;
        return item;
      }),
    );
  }

  async function refreshPanel() {
    const std = standard();
    try {
      if (isScorm(std)) scormPanel(std);
      else await lrsPanel(std);
      refreshPages();
    } catch {
      // The frame is between pages; the next tick shows it.
    }
  }

  // ---- builds -------------------------------------------------------------------------------

  function onBuild(next) {
    if (next.ok) build = next;
    $('overlay').hidden = next.ok;
    $('overlay-text').textContent = next.ok ? '' : next.errors;
    $('build-state').textContent = next.ok ? `built in ${next.ms} ms` : 'has errors: showing the last version that built';
    $('warnings').textContent = next.ok ? next.warnings || 'No warnings.' : '';
    if (next.ok) {
      $('course-title').textContent = next.title;
      showLanguages(next.languages);
      document.title = `${next.title}: coursepack preview`;
      if (next.version !== launchedVersion) void relaunch();
    }
  }

  /** The language switch, shown for a course in several languages; progress stays with the LMS. */
  function showLanguages(languages) {
    const select = $('language');
    $('language-box').hidden = languages.length < 2;
    if ([...select.options].map((o) => o.value).join('|') === languages.join('|')) return;
    const current = select.value;
    select.replaceChildren(...languages.map((tag) => new Option(tag, tag)));
    if (languages.includes(current)) select.value = current;
  }

  new EventSource('/api/events').onmessage = (event) => onBuild(JSON.parse(event.data));

  // ---- controls -----------------------------------------------------------------------------

  $('standard').addEventListener('change', () => void relaunch());
  $('language').addEventListener('change', () => void relaunch());
  $('relaunch').addEventListener('click', () => void relaunch());
  $('reset').addEventListener('click', () => void reset());
  for (const id of ['learner', 'mastery', 'mode']) $(id).addEventListener('change', () => void relaunch());
  $('page').addEventListener('change', () => hooks() && hooks().goto(Number($('page').value)));
  $('answer-right').addEventListener('click', () => hooks() && hooks().answer(true));
  $('answer-wrong').addEventListener('click', () => hooks() && hooks().answer(false));
  $('reveal').addEventListener('click', () => {
    const on = $('reveal').getAttribute('aria-pressed') !== 'true';
    $('reveal').setAttribute('aria-pressed', String(on));
    if (hooks()) hooks().reveal(on);
  });
  for (const button of document.querySelectorAll('[data-width]')) {
    button.addEventListener('click', () => ($('frame-box').style.width = button.dataset.width ? `${button.dataset.width}px` : '100%'));
  }
  setInterval(() => void refreshPanel(), 500);
})();
