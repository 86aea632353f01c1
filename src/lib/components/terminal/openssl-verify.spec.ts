import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessonContent } from '../../../cli/lessons-fs';
import { sClient } from './openssl';

const lesson = loadLessonContent(resolve(import.meta.dirname, '../../../../lessons/10-certificates-and-headers'));
const mistake = (name: string) => lesson.mistakes.find((m) => m.name === name)!.files;
const verify = ['s_client', '-connect', 'shop.example:443', '-CAfile', 'ca/root.pem', '-verify_return_error'];
// 2026-02-01, inside the lesson certificate's 90 days (2026-01-05 to 2026-04-05).
const inside = [...verify, '-attime', String(Date.parse('2026-02-01T00:00:00Z') / 1000)];

describe('openssl s_client -CAfile: a client that trusts only the root', () => {
  it('the draft sends cert.pem alone: error 20 and no handshake', async () => {
    const out = await sClient(inside, lesson.starter);
    expect(out).toContain('verify error:num=20:unable to get local issuer certificate');
    expect(out).toContain('certificate verify failed');
    expect(out).not.toContain('handshake done');
  });

  it('without -verify_return_error the handshake goes on and ends with the verify code', async () => {
    const out = await sClient(
      inside.filter((arg) => arg !== '-verify_return_error'),
      mistake('cert-without-chain'),
    );
    expect(out).toContain('handshake done');
    expect(out).toContain('Verify return code: 20 (unable to get local issuer certificate)');
  });

  it('the solution sends fullchain.pem: three levels, verify return code 0', async () => {
    const out = await sClient(inside, lesson.solution);
    expect(out).toMatch(/depth=2 CN = Prodready Lesson Root X1[\s\S]*depth=1 CN = Prodready Lesson E1[\s\S]*depth=0 CN = shop\.example/); // prettier-ignore
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('handshake done');
  });

  it('after the 90 days, the same chain has expired', async () => {
    const after = [...verify, '-attime', String(Date.parse('2026-05-01T00:00:00Z') / 1000)];
    const out = await sClient(after, lesson.solution);
    expect(out).toContain('verify error:num=10:certificate has expired');
  });

  it('a missing CAfile is named; without -CAfile nothing is verified', async () => {
    expect(await sClient([...verify.slice(0, 3), '-CAfile', 'nope.pem'], lesson.solution)).toContain('Error loading file nope.pem'); // prettier-ignore
    expect(await sClient(['s_client', '-connect', 'shop.example:443'], lesson.solution)).not.toContain(
      'Verify return code',
    );
  });
});
