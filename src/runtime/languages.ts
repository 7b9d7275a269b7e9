// A multi-language package (`multi-language: true`): index.html holds the source language's page
// and every other language's page body in a <template data-lang>. The course opens in the
// language the LMS says the learner prefers, else the browser's, else the source; the header's
// switch changes it in place. One page and one LMS session: SCORM allows no GetValue before
// Initialize (RTE 3.1.3.1), so the preference can only be read once the session has started.
import type { CourseData } from './course-data';

/** A language's page, kept pristine: each switch renders a fresh copy of it. */
interface Edition {
  lang: string;
  dir: string;
  title: string;
  body: DocumentFragment;
}

export interface Languages {
  /** The language chosen among `preferred` (tags or comma-separated lists of tags), else the current one. */
  pick(preferred: readonly string[]): string;
  /** Puts the page of `lang` in place of the body; its course data. */
  show(lang: string): CourseData;
  /** Calls `chosen` when the learner picks another language in the switch (after every show). */
  onSwitch(chosen: (lang: string) => void): void;
}

/** The page's languages; undefined for a package in one language. */
export function readLanguages(doc: Document): Languages | undefined {
  const templates = Array.from(doc.querySelectorAll<HTMLTemplateElement>('template[data-lang]'));
  if (templates.length === 0) return undefined;
  const root = doc.documentElement;
  templates.forEach((template) => template.remove());
  const source = doc.createDocumentFragment();
  // Cloned before the player touches it; a cloned script that ran once does not run again (HTML §4.12.1.1).
  doc.body.childNodes.forEach((node) => source.appendChild(node.cloneNode(true)));
  const editions: Edition[] = [
    { lang: root.lang, dir: root.dir, title: doc.title, body: source },
    ...templates.map((template) => ({ lang: template.dataset.lang ?? '', dir: template.dataset.dir ?? 'ltr', title: template.dataset.title ?? doc.title, body: template.content })),
  ];
  let chosen: (lang: string) => void = () => undefined;
  const watchSwitch = (): void => {
    const select = doc.getElementById('cp-language') as HTMLSelectElement | null;
    select?.addEventListener('change', () => chosen(select.value));
  };
  watchSwitch();
  return {
    pick: (preferred) => matchLanguage(preferred, editions.map((edition) => edition.lang)) ?? root.lang,
    show(lang) {
      const edition = editions.find((candidate) => candidate.lang === lang) ?? editions[0]!;
      if (edition.lang !== root.lang) {
        doc.body.replaceChildren(edition.body.cloneNode(true));
        root.lang = edition.lang;
        root.dir = edition.dir;
        doc.title = edition.title;
        watchSwitch();
      }
      return JSON.parse(doc.getElementById('cp-data')?.textContent ?? '{}') as CourseData;
    },
    onSwitch(listener) {
      chosen = listener;
    },
  };
}

/** The first preferred tag the package has: exactly (case aside), else by its primary language (de-AT → de). */
export function matchLanguage(preferred: readonly string[], available: readonly string[]): string | undefined {
  const tags = preferred.flatMap((list) => list.split(',')).map((tag) => tag.trim().toLowerCase()).filter(Boolean);
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  for (const tag of tags) {
    const found = available.find((lang) => lang.toLowerCase() === tag) ?? available.find((lang) => primary(lang) === primary(tag));
    if (found) return found;
  }
  return undefined;
}
