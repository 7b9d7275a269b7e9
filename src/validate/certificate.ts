// `certificate:` in course.yaml: who issues the certificate of the results page and who signs it.
import { CERTIFICATE, keysOf, SIGNATORY } from '../format';
import type { CertificateDesign } from '../model';
import { packagedImage } from './assets';
import type { ValidationContext } from './context';
import type { Fields } from './reader';

/** Undefined when absent or not valid (the problems are reported, so the course is refused). */
export function readCertificate(fields: Fields, context: ValidationContext): CertificateDesign | undefined {
  if (!fields.has('certificate')) return undefined;
  const sub = fields.reader.object(fields.raw('certificate'), 'certificate', keysOf(CERTIFICATE));
  const organisation = sub?.string('organisation');
  if (!sub || organisation === undefined) return undefined;
  const design: CertificateDesign = { organisation, showScore: (sub.has('show-score') && sub.boolean('show-score')) || false };
  const logo = packagedImage(sub, 'logo', context.assets);
  if (logo) design.logo = logo;
  if (sub.has('signatory')) {
    const signatory = sub.reader.object(sub.raw('signatory'), 'the signatory of the certificate', keysOf(SIGNATORY));
    const name = signatory?.string('name');
    if (name !== undefined) design.signatory = { name, title: signatory?.string('title') };
  }
  return design;
}
