// The tool's own templates come precompiled in its bundle (scripts/build-tool.mjs): compiling
// them was a fifth of a cold build. One is used only while the text on disk is the one it was
// made from; otherwise (a template edited since the bundle was built) the text is compiled.
import { createHash } from 'node:crypto';
import type Handlebars from 'handlebars';
import precompiled from 'coursepack:precompiled-templates';

/** What a precompiled template is matched to its text by (scripts/build-tool.mjs makes the same). */
export function templateHash(source: string): string {
  return createHash('sha256').update(source).digest('base64url').slice(0, 22);
}

/** The built-in template `name` (as the build names it) in the environment `hbs`. */
export function builtInTemplate<T>(hbs: typeof Handlebars, name: string, source: string, options: CompileOptions): Handlebars.TemplateDelegate<T> {
  const ready = precompiled[name];
  return ready && ready.hash === templateHash(source) ? hbs.template<T>(ready.spec) : hbs.compile<T>(source, options);
}
