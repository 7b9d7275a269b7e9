import { certificateId, dayNumber, isoDay } from '../../../src/runtime/player/certificate-id';

test('is the first 48 bits of FNV-1a 64 of the parts joined by line feeds, in groups of four hex digits', () => {
  // Test vectors of the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/): "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8.
  expect(certificateId(['a'])).toBe('AF63-DC4C-8601');
  expect(certificateId(['foobar'])).toBe('8594-4171-F739');
  expect(certificateId(['foo', 'bar'])).toBe(certificateId(['foo\nbar']));
});

test('is the same for the same course, version, learner and day, and differs when any of them does', () => {
  const parts = ['social-media-policy', '1.0.0', 'jdoe', '2026-11-25'];
  const id = certificateId(parts);
  expect(id).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(certificateId([...parts])).toBe(id);
  for (let i = 0; i < parts.length; i++) expect(certificateId(parts.map((part, j) => (i === j ? `${part}x` : part)))).not.toBe(id);
  // UTF-8, not UTF-16 code units: a learner id with accents is hashed as the LMS wrote it.
  expect(certificateId(['José'])).not.toBe(certificateId(['Jose']));
});

test('the day is the local calendar day, kept as a day number and written as yyyy-mm-dd', () => {
  expect(isoDay(dayNumber(new Date(2026, 0, 5, 23, 59)))).toBe('2026-01-05');
  expect(isoDay(dayNumber(new Date(2026, 0, 5, 0, 0)))).toBe('2026-01-05');
  expect(dayNumber(new Date(1970, 0, 2, 12))).toBe(1);
});
