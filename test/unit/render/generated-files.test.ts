// The list of names a course file may not take (validate's reserved-path) is every file the
// compiler writes itself: a new generated file not listed here fails this test.
import { checkCourse, renderPackage, TARGETS } from '../../../src/compile';
import { GENERATED_FILES } from '../../../src/standards/package-files';

test.each(TARGETS)('every file of a %s package is a course asset or one of GENERATED_FILES', (target) => {
  const { course } = checkCourse('courses/social-media-policy');
  const assets = new Set(course!.assets.map((asset) => asset.path));
  const generated = renderPackage(course!, target).map((file) => file.path).filter((path) => !assets.has(path));
  expect(generated.filter((path) => !GENERATED_FILES.includes(path))).toEqual([]);
});
