// Images are judged by their bytes, not their names; SVGs may not carry script.
import { imageKind, svgScript } from '../../../src/validate/image-content';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n${body}\n</svg>\n`);

test.each([
  ['png', PNG],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0x43])],
  ['gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
  ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])],
  ['svg', svg('<circle r="4"/>')],
  ['svg', Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>')],
])('%s is recognised by its content', (kind, bytes) => {
  expect(imageKind(bytes)).toBe(kind);
});

test.each([
  ['a text file', Buffer.from('just some notes\n')],
  ['an HTML page', Buffer.from('<!DOCTYPE html><html><body><svg></svg></body></html>')],
  ['an empty file', Buffer.alloc(0)],
  ['a zip', Buffer.from('PK\x03\x04rest', 'latin1')],
])('%s is no image', (_, bytes) => {
  expect(imageKind(bytes)).toBeUndefined();
});

test.each([
  ['<script>alert(1)</script>', 'a <script> element', 2],
  ['<circle r="4"\n   onclick="alert(1)"/>', 'an event attribute, onclick=', 3],
  ['<a xlink:href="jav&#x61;script:alert(1)"><text>x</text></a>', 'a javascript: link', 2],
  ["<a href='  JavaScript:alert(1)'>x</a>", 'a javascript: link', 2],
  ['<a href="java\tscript:alert(1)">x</a>', 'a javascript: link', 2],
  ['<set attributeName="onmouseover" to="alert(1)"/>', 'an event attribute, onmouseover=', 2],
  ['<animate attributeName="href" values="javascript:alert(1)"/>', 'a javascript: link', 2],
  ['<handler type="application/ecmascript">alert(1)</handler>', 'a <handler> element', 2],
  ['<animate attributeName="href" values="#a;javascript:alert(1)"/>', 'a javascript: link', 2],
  ['<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject>', 'an embedded document, srcdoc=', 2],
])('script is found: %s', (body, what, line) => {
  expect(svgScript(svg(body).toString('utf8'))).toEqual({ what, line });
});

test('an entity declaration is refused: it can hide any of them', () => {
  const text = '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;"> ]>\n<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>';
  expect(svgScript(text)).toEqual({ what: 'an entity declaration', line: 2 });
});

test('an ordinary SVG passes, words that merely look like handlers in its text included', () => {
  const text = svg('<style>.a { fill: red }</style>\n<text class="a">ontology = online; see javascript: later</text>\n<a href="https://example.com/ontology"><circle r="2"/></a>').toString('utf8');
  expect(svgScript(text)).toBeUndefined();
});
