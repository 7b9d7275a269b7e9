// Byte ranges (RFC 9110 14): a browser's video and audio players ask for parts of a file, to
// seek and to read an MP4 whose index is at its end; a server that sends only whole files leaves
// the player unable to seek. One range per request, as players ask; anything else is the whole file.

export type ByteRange = { start: number; end: number };

/**
 * The range a Range header asks of a file of `size` bytes (its last byte `end`, inclusive); none
 * without a header or with one this server serves whole (RFC 9110 14.2: a server may ignore it);
 * 'unsatisfiable' when it begins past the end (416, 15.5.17).
 */
export function byteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  // "-500": the last 500 bytes (14.1.2, suffix-range).
  if (first === '') return Number(last) === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - Number(last)), end: size - 1 };
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  return start >= size ? 'unsatisfiable' : { start, end };
}
