// Whether a language writes numbers in Latin digits (0-9): ICU's default numbering system for it
// (CLDR's defaultNumberingSystem), asked only of the languages that may answer otherwise.
import { remembered } from '../markdown/remembered';

/**
 * The languages whose default numbering system is not Latin digits in some script or region, as
 * Node's ICU has them (CLDR 48: e.g. ar-EG arab, fa arabext, bn beng, mr deva, my mymr, pa-Arab
 * and ur-IN arabext, ff-Adlm adlm). Every other language writes Latin digits, whatever its
 * script or region: test/unit/render/latin-digits.test.ts asks ICU about each language it knows,
 * with each script and each region, and fails when a language is missing here.
 */
const MAY_WRITE_OTHER_DIGITS = new Set(['ar', 'ars', 'as', 'bgc', 'bho', 'bn', 'ccp', 'ckb', 'dz', 'fa', 'ff', 'ks', 'lrc', 'mni', 'mr', 'my', 'mzn', 'ne', 'nqo', 'pa', 'ps', 'raj', 'sa', 'sat', 'sd', 'ur', 'uz']);

/**
 * Asking ICU costs a build's first question ~8 ms (ICU opens its locale data), more than the rest
 * of rendering a page: a language that can only answer "Latin" is not asked. A tag with a Unicode
 * extension (-u-nu-arab names the digits) is always asked.
 */
export const writesLatinDigits = remembered((language: string): boolean => {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  if (!MAY_WRITE_OTHER_DIGITS.has(primary) && !/-u-/i.test(language)) return true;
  return icuWritesLatinDigits(language);
});

export function icuWritesLatinDigits(language: string): boolean {
  try {
    // numberingSystems (Node 20) became getNumberingSystems() (Node 22+).
    const locale = new Intl.Locale(language) as Intl.Locale & { numberingSystems?: string[]; getNumberingSystems?: () => string[] };
    return (locale.getNumberingSystems?.() ?? locale.numberingSystems)?.[0] === 'latn';
  } catch {
    return false;
  }
}
