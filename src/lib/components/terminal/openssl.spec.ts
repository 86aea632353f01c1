import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessonContent } from '../../../cli/lessons-fs';
import { handshake } from './openssl';

const lesson = loadLessonContent(resolve(import.meta.dirname, '../../../../lessons/05-nginx-tls'));
const mistake = (name: string) => lesson.mistakes.find((m) => m.name === name)!.files;
const tls1 = ['s_client', '-tls1', '-connect', 'shop.example:443'];

describe('openssl s_client against the lesson nginx', () => {
  it('the draft has no TLS on 443: nothing listens there', () => {
    expect(handshake(tls1, lesson.starter)).toContain('Connection refused');
  });

  it('port 80 speaks plain HTTP', () => {
    expect(handshake(['s_client', '-connect', 'shop.example:80'], lesson.starter)).toContain('wrong version number');
  });

  it('the solution refuses TLS 1.0 itself (alert 70), naming its ssl_protocols line', () => {
    const out = handshake(tls1, lesson.solution);
    expect(out).toContain('alert protocol version');
    expect(out).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3 \(nginx\/shop\.conf:\d+/);
  });

  it("without ssl_protocols, Debian's list offers TLS 1.0 and only OpenSSL 3's security level refuses it (alert 80)", () => {
    const out = handshake(tls1, mistake('default-tls-protocols'));
    expect(out).toContain('alert internal error');
    expect(out).toContain("Debian's /etc/nginx/nginx.conf:");
    expect(out).toContain('set ssl_protocols TLSv1.2 TLSv1.3');
  });

  it('TLS 1.2 and the default (highest) version complete a handshake', () => {
    expect(handshake(['s_client', '-tls1_2'], lesson.solution)).toContain('New, TLSv1.2');
    expect(handshake(['s_client'], lesson.solution)).toContain('New, TLSv1.3');
  });

  it('bad usage says how to call it', () => {
    expect(handshake(['x509'], lesson.solution)).toContain('usage: openssl s_client');
    expect(handshake(['s_client', '-connect', 'nope'], lesson.solution)).toContain('-connect needs HOST:PORT');
  });
});
