// What the block templates (templates/blocks/*.hbs) need beyond the model: ids unique in the
// page for aria-controls, hotspot numbers, a download's type and size in words.
import { extname } from 'node:path';
import type { Block, ContentPage } from '../model';
import { remembered } from '../markdown/remembered';
import { writesLatinDigits } from './latin-digits';

export type BlockView = Block & {
  /** Unique in the document: "<page>-<n>", the prefix of the ids of the block's parts. */
  uid: string;
  lang: string;
};

/** The content page with its blocks' views. */
export function contentView(page: ContentPage, language: string): ContentPage & { blocks: BlockView[]; reveal: number } {
  return { ...page, blocks: page.blocks.map((block, index) => blockView(block, `${page.id}-${index + 1}`, language)), reveal: revealCount(page) };
}

function blockView(block: Block, uid: string, lang: string): BlockView {
  const base = { uid, lang };
  switch (block.type) {
    case 'labelled-graphic':
      return { ...block, ...base, hotspots: block.hotspots.map((spot, index) => ({ ...spot, n: index + 1 })) };
    case 'download':
      return { ...block, ...base, kind: extname(block.file.path).slice(1).toUpperCase(), size: fileSize(block.file.bytes, lang) } as BlockView;
    default:
      return { ...block, ...base };
  }
}

/** How many parts of a page's required blocks the learner must open before the page is done. */
export function revealCount(page: ContentPage): number {
  return page.blocks.reduce((sum, block) => sum + revealable(block), 0);
}

function revealable(block: Block): number {
  switch (block.type) {
    case 'accordion':
    case 'tabs':
      return block.required ? block.items.length : 0;
    case 'cards':
      return block.required ? block.cards.length : 0;
    case 'labelled-graphic':
      return block.required ? block.hotspots.length : 0;
    default:
      return 0;
  }
}

/** "12 KB", "1.4 MB" with the language's decimal mark (SI units, as file managers show them). */
function fileSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [Math.max(1, Math.round(bytes / 1e3)), 'KB'];
  const number = Number.isInteger(value) && writesLatinDigits(language) ? String(value) : (sizeFormat(language)?.format(value) ?? String(Math.round(value * 10) / 10));
  return `${number} ${unit}`;
}

// A formatter per language, made once: making one costs about 0.1 ms (the first 19, ICU's start).
const sizeFormat = remembered((language: string): Intl.NumberFormat | undefined => {
  try {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  } catch {
    // A tag ICU refuses: plain digits.
    return undefined;
  }
});
