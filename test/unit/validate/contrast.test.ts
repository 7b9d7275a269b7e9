import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastRatio, nearestDarkerPassing, worstContrast } from '../../../src/validate/contrast';
import { AA_CONTRAST, BRAND_NEIGHBOURS, DARK_BRAND_NEIGHBOURS, darkBrandColor } from '../../../src/validate/theme';

describe('WCAG contrast', () => {
  test('ratios match the WCAG definition (black on white 21:1, equal colours 1:1, #767676 is the lightest grey passing on white)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b5394', '#0b5394')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  test('the brand neighbours match the theme: white text on the brand, panels in --surface', () => {
    const css = readFileSync(join(__dirname, '../../../templates/theme.css'), 'utf8');
    const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(css)?.[1];
    expect([...BRAND_NEIGHBOURS].sort()).toEqual([variable('bg'), variable('surface')].sort());
    expect(css).toMatch(/\.button \{[^}]*background: var\(--brand\); color: var\(--on-brand\);/);
    expect(worstContrast('#0b5394', BRAND_NEIGHBOURS)).toBeGreaterThan(AA_CONTRAST);
  });

  test('the dark neighbours match the dark scheme of the theme: --bg and --surface, and the text on the brand', () => {
    const css = readFileSync(join(__dirname, '../../../templates/theme.css'), 'utf8');
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(dark)?.[1];
    expect([...DARK_BRAND_NEIGHBOURS].sort()).toEqual([variable('bg'), variable('surface')].sort());
    expect(variable('on-brand')).toBe(variable('bg'));
    expect(dark).toMatch(/--brand: var\(--brand-dark/);
  });

  test.each(['#0b5394', '#6b2c91', '#000000', '#767676', '#116329', '#a40e26'])('the dark-scheme colour of brand %s is lighter, keeps its hue and passes AA on the dark backgrounds', (brand) => {
    const dark = darkBrandColor(brand);
    expect(worstContrast(dark, DARK_BRAND_NEIGHBOURS)).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(worstContrast(brand, DARK_BRAND_NEIGHBOURS)).toBeLessThan(AA_CONTRAST);
    if (brand !== '#000000' && brand !== '#767676') expect(hueOf(dark)).toBeCloseTo(hueOf(brand), 1);
  });

  test.each(['#4a90e2', '#ff9900', '#00ff00', '#aaaaaa', '#ffffff', '#e91e63', '#7f7f7f'])('the colour suggested for %s passes, keeps its hue, and is the lightest that does', (color) => {
    const suggested = nearestDarkerPassing(color, BRAND_NEIGHBOURS, AA_CONTRAST);
    expect(suggested).toMatch(/^#[0-9a-f]{6}$/);
    expect(worstContrast(suggested, BRAND_NEIGHBOURS)).toBeGreaterThanOrEqual(AA_CONTRAST);
    // One step lighter on every channel would fail: the suggestion is as near as it gets.
    const lighter = `#${[1, 3, 5].map((i) => Math.min(255, Number.parseInt(suggested.slice(i, i + 2), 16) + 3).toString(16).padStart(2, '0')).join('')}`;
    expect(worstContrast(lighter, BRAND_NEIGHBOURS)).toBeLessThan(AA_CONTRAST);
    expect(hueOf(suggested)).toBeCloseTo(hueOf(color), 1);
  });
});

function hueOf(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return h / 6;
}
