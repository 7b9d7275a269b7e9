// WCAG 2.1 contrast (success criterion 1.4.3): relative luminance of sRGB colours and the ratio
// between two of them, and the nearest colour of the same hue that reaches a given ratio.

/** A colour as "#rrggbb". */
export type HexColor = `#${string}`;

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: Rgb): HexColor {
  return `#${rgb.map(hexChannel).join('')}`;
}

// Module-level, as package/index.ts's byPath: an arrow made per call was optimised anew, 11 times a worker.
function hexChannel(channel: number): string {
  return Math.round(channel).toString(16).padStart(2, '0');
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map(linear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The lowest of the colour's ratios against each of the others. */
export function worstContrast(color: string, others: readonly string[]): number {
  return Math.min(...others.map((other) => contrastRatio(color, other)));
}

/**
 * The colour nearest to `color` (same hue and saturation, only darker) whose contrast with every
 * one of `lightBackgrounds` is at least `ratio`. Darkening keeps the brand recognisable; the
 * backgrounds it sits on are light, so lightening could never pass.
 */
export function nearestDarkerPassing(color: string, lightBackgrounds: readonly string[], ratio: number): HexColor {
  return nearestPassing(color, lightBackgrounds, ratio, 0);
}

/**
 * The same, only lighter: the brand colour of the dark scheme, which sits on dark backgrounds
 * (and carries their colour as text), so only lightening can pass there.
 */
export function nearestLighterPassing(color: string, darkBackgrounds: readonly string[], ratio: number): HexColor {
  return nearestPassing(color, darkBackgrounds, ratio, 1);
}

/** Bisection on HSL lightness between the colour's own and `limit` (0 black, 1 white), which passes. */
function nearestPassing(color: string, backgrounds: readonly string[], ratio: number, limit: 0 | 1): HexColor {
  const [h, s, l] = toHsl(toRgb(color));
  let passing: number = limit;
  let failing = l;
  // 20 halvings are far below one step of an 8-bit channel.
  for (let i = 0; i < 20; i++) {
    const middle = (passing + failing) / 2;
    if (worstContrast(toHex(fromHsl(h, s, middle)), backgrounds) >= ratio) passing = middle;
    else failing = middle;
  }
  // Rounding to 8-bit channels may land just short of the ratio: step on towards the limit until it passes.
  const step = limit === 0 ? -0.002 : 0.002;
  let lightness = passing;
  let candidate = toHex(fromHsl(h, s, lightness));
  while (worstContrast(candidate, backgrounds) < ratio && lightness !== limit) {
    lightness = limit === 0 ? Math.max(0, lightness + step) : Math.min(1, lightness + step);
    candidate = toHex(fromHsl(h, s, lightness));
  }
  return candidate;
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return (p + (q - p) * 6 * u) * 255;
    if (u < 1 / 2) return q * 255;
    if (u < 2 / 3) return (p + (q - p) * (2 / 3 - u) * 6) * 255;
    return p * 255;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}
