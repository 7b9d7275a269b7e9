// The tool's bundle carries its templates precompiled (scripts/build-tool.mjs): the page's and the
// manifests'; one is used only while the text on disk is the one it was made from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

const TEMPLATES = join(__dirname, '../../../templates');
/** A Handlebars spec as the build puts it in the bundle: JavaScript, evaluated. */
const spec = (source: string): TemplateSpecification => new Function(`return ${Handlebars.precompile(source)}`)() as TemplateSpecification;

function renderWith(precompiled: Record<string, { hash: string; spec: TemplateSpecification }>): string {
  let html = '';
  jest.isolateModules(() => {
    jest.doMock('coursepack:precompiled-templates', () => precompiled, { virtual: true });
    const { createTemplates } = require('../../../src/render/templates') as typeof import('../../../src/render/templates');
    html = createTemplates({})({ course: { title: 'T', language: 'en' }, pages: [] });
  });
  return html;
}

test('a precompiled template is used when it was made from the text on disk, else the text is compiled', () => {
  const { templateHash } = require('../../../src/render/precompiled') as typeof import('../../../src/render/precompiled');
  const layout = readFileSync(join(TEMPLATES, 'layout.hbs'), 'utf8');
  const header = readFileSync(join(TEMPLATES, 'partials/header.hbs'), 'utf8');
  const marked = (text: string) => spec(`<!-- ${text} -->`);

  const current = renderWith({ layout: { hash: templateHash(layout), spec: marked('precompiled layout') }, header: { hash: templateHash(header), spec: marked('precompiled header') } });
  expect(current).toBe('<!-- precompiled layout -->');

  // The layout's text changed since the bundle was built: it is compiled from the text, and
  // the partials it calls are still taken precompiled where they match.
  const stale = renderWith({ layout: { hash: templateHash(`${layout} `), spec: marked('stale layout') }, header: { hash: templateHash(header), spec: marked('precompiled header') } });
  expect(stale).not.toContain('stale layout');
  expect(stale).toContain('<!doctype html>');
  expect(stale).toContain('<!-- precompiled header -->');
});

test('the build precompiles every built-in template from its text as it is now', () => {
  const bundle = readFileSync(join(__dirname, '../../../dist/index.js'), 'utf8');
  const { builtInTemplates } = require('../../../src/render/templates') as typeof import('../../../src/render/templates');
  const { templateHash } = require('../../../src/render/precompiled') as typeof import('../../../src/render/precompiled');
  const manifests = readdirSync(join(TEMPLATES, 'manifests')).map((file) => [file, readFileSync(join(TEMPLATES, 'manifests', file), 'utf8')]);
  expect(manifests.length).toBe(4);
  const expected = [['layout', readFileSync(join(TEMPLATES, 'layout.hbs'), 'utf8')], ...builtInTemplates().map((t) => [t.partial, t.source]), ...manifests];
  // (The minifier writes the keys unquoted where it can: the hash is what is looked for.)
  for (const [name, source] of expected) expect([name, bundle.includes(`{hash:${JSON.stringify(templateHash(source!))},spec:`)]).toEqual([name, true]);
});
