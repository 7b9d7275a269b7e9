import { messages } from '../diagnostics';
import { COLOR, FONT_STACK, keysOf, THEME } from '../format';
import type { Theme } from '../model';
import { readImage } from './assets';
import type { ValidationContext } from './context';
import { nearestDarkerPassing, nearestLighterPassing, worstContrast } from './contrast';
import type { Fields } from './reader';

export const DEFAULT_BRAND_COLOR = '#0b5394';
/** WCAG 2.1 AA for normal text (1.4.3). */
export const AA_CONTRAST = 4.5;
/**
 * What theme.css puts the brand colour next to: white text on it (header, buttons), and it as
 * text on the page (--bg) and on panels (--surface). Kept in step with templates/theme.css.
 */
export const BRAND_NEIGHBOURS = ['#ffffff', '#f6f8fa'] as const;
/**
 * The same in the dark scheme (prefers-color-scheme: dark): the brand colour is lightened until
 * it reads on the dark page (--bg) and panels (--surface), and it carries the page colour as text.
 */
export const DARK_BRAND_NEIGHBOURS = ['#0d1117', '#161b22'] as const;

/** The brand colour of the dark scheme: the nearest lighter colour of its hue that passes AA there. */
export function darkBrandColor(brand: string): string {
  return nearestLighterPassing(brand, DARK_BRAND_NEIGHBOURS, AA_CONTRAST);
}

const GENERIC_FAMILIES = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong'];

export function readTheme(fields: Fields, context: ValidationContext): Theme {
  const theme: Theme = { brandColor: DEFAULT_BRAND_COLOR, darkBrandColor: darkBrandColor(DEFAULT_BRAND_COLOR) };
  if (!fields.has('theme')) return theme;
  const themeFields = fields.reader.object(fields.raw('theme'), 'theme', keysOf(THEME));
  if (!themeFields) return theme;
  const color = themeFields.matching('brand-color', COLOR.pattern, COLOR.expected)?.toLowerCase();
  if (color && checkContrast(themeFields, color)) Object.assign(theme, { brandColor: color, darkBrandColor: darkBrandColor(color) });
  const font = themeFields.string('font');
  if (font !== undefined && checkFont(themeFields, font)) theme.font = font.trim().replace(/\s*,\s*/g, ', ');
  const logo = themeFields.string('logo');
  if (logo !== undefined) {
    const asset = readImage(themeFields.reader, logo, themeFields.spanOf('logo'));
    if (asset) {
      theme.logo = asset;
      context.assets.push(asset);
    }
  }
  return theme;
}

function checkContrast(fields: Fields, color: string): boolean {
  const ratio = worstContrast(color, BRAND_NEIGHBOURS);
  if (ratio >= AA_CONTRAST) return true;
  // Shown rounded down, so a colour reported as 4.49:1 is never called 4.50:1.
  const shown = Math.floor(ratio * 100) / 100;
  fields.reader.report.add(messages.lowContrast(fields.spanOf('brand-color'), color, shown, AA_CONTRAST, nearestDarkerPassing(color, BRAND_NEIGHBOURS, AA_CONTRAST)));
  return false;
}

function checkFont(fields: Fields, font: string): boolean {
  if (!FONT_STACK.pattern.test(font)) {
    fields.reader.report.add(messages.invalidFontStack(fields.spanOf('font'), font));
    return false;
  }
  const last = font.split(',').pop()?.trim().toLowerCase() ?? '';
  if (!GENERIC_FAMILIES.includes(last)) fields.reader.report.add(messages.fontWithoutFallback(fields.spanOf('font'), font));
  return true;
}
