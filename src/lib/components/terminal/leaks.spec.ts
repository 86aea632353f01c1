import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attackerView,
  decodeEntities,
  extractFrameSources,
  extractPlainTraceback,
  findSecrets,
  highlightLeaks,
  isWerkzeugDebuggerPage,
} from './leaks';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const keyError = fixture('debugger-keyerror.html');
const dbUrl = fixture('debugger-db-url.html');
// eslint-disable-next-line no-control-regex -- ANSI and terminal escapes are what this matches
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const secretsOf = (text: string) => findSecrets(text).map((s) => text.slice(s.start, s.end));

describe('isWerkzeugDebuggerPage', () => {
  it('recognises real debugger pages', () => {
    expect(isWerkzeugDebuggerPage(keyError)).toBe(true);
    expect(isWerkzeugDebuggerPage(dbUrl)).toBe(true);
  });

  it('leaves other HTML alone', () => {
    expect(isWerkzeugDebuggerPage('<h1>Internal Server Error</h1>')).toBe(false);
    expect(isWerkzeugDebuggerPage('<form><textarea name="comment"></textarea></form>')).toBe(false);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&#34;a&#34; &#39;b&#39; &lt;c&gt; &amp;amp; &quot;&#x41;')).toBe(`"a" 'b' <c> &amp; "A`);
  });

  it('leaves unknown entities as they are', () => {
    expect(decodeEntities('&bogus; &#xZZ;')).toBe('&bogus; &#xZZ;');
  });
});

describe('extractPlainTraceback', () => {
  it('returns the decoded copy/paste traceback', () => {
    const traceback = extractPlainTraceback(keyError)!;
    expect(traceback.startsWith('Traceback (most recent call last):')).toBe(true);
    expect(traceback).toContain('File "/srv/shop/app.py", line 10, in order');
    expect(traceback).toContain('    return orders[order_id]');
    expect(traceback.endsWith("KeyError: '42'")).toBe(true);
    expect(traceback).not.toMatch(/&#\d+;|<\/?\w/);
  });

  it('is null without a textarea', () => {
    expect(extractPlainTraceback('<html></html>')).toBeNull();
  });
});

describe('extractFrameSources', () => {
  it('numbers the source lines shown around each frame', () => {
    const lines = extractFrameSources(keyError).filter((l) => l.file === '/srv/shop/app.py');
    expect(lines).toContainEqual({
      file: '/srv/shop/app.py',
      line: 5,
      text: "app.config['SECRET_KEY'] = 'dev-4f9a8c1e2b7d'",
    });
    expect(lines).toContainEqual({ file: '/srv/shop/app.py', line: 10, text: '    return orders[order_id]' });
    expect(lines).toContainEqual({ file: '/srv/shop/app.py', line: 7, text: "@app.route('/orders/<order_id>')" });
  });
});

describe('findSecrets', () => {
  it('finds values assigned to secret-like names', () => {
    expect(secretsOf(`SECRET_KEY = 'dev-123'`)).toEqual(['dev-123']);
    expect(secretsOf(`app.secret_key = "s3cr3t!"`)).toEqual(['s3cr3t!']);
    expect(secretsOf(`app.config['SECRET_KEY'] = 'abc123'`)).toEqual(['abc123']);
    expect(secretsOf(`{"api_key": "AKIA1234"}`)).toEqual(['AKIA1234']);
    expect(secretsOf(`DB_PASSWORD='hunter2'`)).toEqual(['hunter2']);
  });

  it('finds the fallback default of a secret read from the environment', () => {
    expect(secretsOf(`app.secret_key = os.environ.get('SECRET_KEY', 'change-me')`)).toEqual(['change-me']);
    expect(secretsOf(`TOKEN = os.getenv("API_TOKEN", "tok_live_1")`)).toEqual(['tok_live_1']);
  });

  it('finds unquoted env-style assignments', () => {
    expect(secretsOf('Environment=SECRET_KEY=abcdef FLASK_DEBUG=0')).toEqual(['abcdef']);
  });

  it('finds URLs carrying a password', () => {
    expect(secretsOf('could not connect to postgres://shop:hunter2@db.internal:5432/shop')).toEqual([
      'postgres://shop:hunter2@db.internal:5432/shop',
    ]);
    expect(secretsOf(`REDIS_URL = 'redis://:pw@cache:6379/0'`)).toEqual([]);
  });

  it('ignores ordinary code and placeholders', () => {
    expect(secretsOf(`app.secret_key = os.environ['SECRET_KEY']`)).toEqual([]);
    expect(secretsOf(`name = 'shop'`)).toEqual([]);
    expect(secretsOf(`SECRET_KEY = ''`)).toEqual([]);
    expect(secretsOf('https://example.com/path')).toEqual([]);
  });
});

describe('highlightLeaks', () => {
  it('marks file lines yellow and secrets red, keeping the text', () => {
    const text = `  File "/srv/shop/app.py", line 5, in <module>\n    SECRET_KEY = 'dev-1'\nKeyError: 'x'`;
    const out = highlightLeaks(text);
    expect(stripAnsi(out)).toBe(text);
    const [fileLine, secretLine, plain] = out.split('\n');
    expect(fileLine).toBe('\x1b[1;33m  File "/srv/shop/app.py", line 5, in <module>\x1b[0m');
    expect(secretLine).toContain("'\x1b[1;31mdev-1\x1b[0m'");
    expect(plain).toBe("KeyError: 'x'");
  });
});

describe('attackerView', () => {
  it('prints a note, the plain traceback and the secret shown in the source context', () => {
    const view = attackerView(keyError)!;
    const plain = stripAnsi(view);
    const lines = plain.split('\n');
    expect(lines[0]).toMatch(/^\* This is Werkzeug's interactive debugger page .*behind a PIN/);
    expect(lines[1]).toBe('Traceback (most recent call last):');
    expect(plain).toContain('  File "/srv/shop/app.py", line 10, in order');
    expect(plain).toContain("/srv/shop/app.py:5  app.config['SECRET_KEY'] = 'dev-4f9a8c1e2b7d'");
    expect(view).toContain('\x1b[1;31mdev-4f9a8c1e2b7d\x1b[0m');
    expect(view).toContain('\x1b[1;33m  File "/srv/shop/app.py", line 10, in order');
    expect(plain).not.toContain('<');
  });

  it('marks a database URL leaked through the error message', () => {
    const view = attackerView(dbUrl)!;
    expect(stripAnsi(view)).toContain(
      'ConnectionError: could not connect to postgres://shop:hunter2@db.internal:5432/shop',
    );
    expect(view).toContain('\x1b[1;31mpostgres://shop:hunter2@db.internal:5432/shop\x1b[0m');
  });

  it('says when the console needs no PIN', () => {
    const open = keyError.replace('EVALEX_TRUSTED = false', 'EVALEX_TRUSTED = true');
    expect(stripAnsi(attackerView(open)!)).toContain('open to anyone: no PIN');
  });

  it('is null for anything else', () => {
    expect(attackerView('<!doctype html><title>500 Internal Server Error</title>')).toBeNull();
    expect(attackerView('{"error": "boom"}')).toBeNull();
  });
});
