/**
 * The Monarch definitions run through Monaco's own Monarch compiler and lexer (the code the editor runs),
 * loaded without the editor: no DOM, no theme. A malformed definition throws in compile() or tokenize().
 * Each line reads as `type⟨text⟩` tokens; plain text is `⟨text⟩`. Monaco merges neighbours of one type.
 */
import { describe, expect, it } from 'vitest';
import type { languages } from 'monaco-editor/editor';
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js';
import * as apache from './apache';
import * as nginx from './nginx';
import * as supervisor from './supervisor';
import * as systemd from './systemd';

/** One string per line: its tokens as `type⟨text⟩`, the language postfix dropped, whitespace left out. */
function tokenize(id: string, definition: languages.IMonarchLanguage, text: string): string[] {
  const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };
  const tokenizer = new MonarchTokenizer({}, {}, id, compile(id, definition), configuration);
  const lines = text.split('\n');
  let state = tokenizer.getInitialState();
  const result = lines.map((line, index) => {
    const { tokens, endState } = tokenizer.tokenize(line, index < lines.length - 1, state);
    state = endState;
    return tokens
      .map((token, i) => {
        const text = line.slice(token.offset, tokens[i + 1]?.offset ?? line.length).trim();
        return text && `${token.type.slice(0, -`.${id}`.length)}⟨${text}⟩`;
      })
      .filter(Boolean)
      .join(' ');
  });
  tokenizer.dispose();
  return result;
}

describe('nginx', () => {
  const lines = (text: string) => tokenize('nginx', nginx.language, text);

  it('reads directives, blocks, numbers with units, on/off and comments', () => {
    expect(
      lines(`server { # the shop
    listen 443 ssl;
    client_max_body_size 10m; expires 1d; proxy_read_timeout 500ms;
    gzip on; proxy_buffering off;
}`),
    ).toEqual([
      'keyword⟨server⟩ delimiter.curly⟨{⟩ comment⟨# the shop⟩',
      'key⟨listen⟩ number⟨443⟩ ⟨ssl⟩ delimiter⟨;⟩',
      'key⟨client_max_body_size⟩ number⟨10m⟩ delimiter⟨;⟩ key⟨expires⟩ number⟨1d⟩ delimiter⟨;⟩ key⟨proxy_read_timeout⟩ number⟨500ms⟩ delimiter⟨;⟩',
      'key⟨gzip⟩ constant⟨on⟩ delimiter⟨;⟩ key⟨proxy_buffering⟩ constant⟨off⟩ delimiter⟨;⟩',
      'delimiter.curly⟨}⟩',
    ]);
  });

  it('reads variables and strings with escapes, in both quotes', () => {
    expect(lines(`log_format main '$remote_addr \\'\${request}\\' "$status"\\n';`)).toEqual([
      "key⟨log_format⟩ ⟨main⟩ string⟨'⟩ variable⟨$remote_addr⟩ string.escape⟨\\'⟩ variable⟨${request}⟩ string.escape⟨\\'⟩ " +
        'string⟨"⟩ variable⟨$status⟩ string⟨"⟩ string.escape⟨\\n⟩ string⟨\'⟩ delimiter⟨;⟩',
    ]);
    expect(lines('return 301 https://$host$request_uri;')).toEqual([
      'key⟨return⟩ number⟨301⟩ ⟨https://⟩ variable⟨$host$request_uri⟩ delimiter⟨;⟩',
    ]);
  });

  it('reads location modifiers, and the regex after ~ as one', () => {
    expect(lines('location = /healthz {')).toEqual(['keyword⟨location⟩ keyword.flow⟨=⟩ ⟨/healthz⟩ delimiter.curly⟨{⟩']);
    expect(lines('location ^~ /static/ {')).toEqual([
      'keyword⟨location⟩ keyword.flow⟨^~⟩ ⟨/static/⟩ delimiter.curly⟨{⟩',
    ]);
    expect(lines('location ~* \\.(?:css|js)$ {')).toEqual([
      'keyword⟨location⟩ keyword.flow⟨~*⟩ regexp⟨\\.(?:css|js)$⟩ delimiter.curly⟨{⟩',
    ]);
    expect(lines('location ~ "^/d/[a-z]{1,16}$" {')).toEqual([
      'keyword⟨location⟩ keyword.flow⟨~⟩ regexp⟨"^/d/[a-z]{1,16}$"⟩ delimiter.curly⟨{⟩',
    ]);
  });

  it('groups an if condition, and leaves parentheses and # inside a word alone', () => {
    expect(lines('if ($request_method !~ ^(GET|POST)$ ) { return 405; }')).toEqual([
      'keyword⟨if⟩ delimiter.parenthesis⟨(⟩ variable⟨$request_method⟩ keyword.flow⟨!~⟩ regexp⟨^(GET|POST)$⟩ ' +
        'delimiter.parenthesis⟨)⟩ delimiter.curly⟨{⟩ key⟨return⟩ number⟨405⟩ delimiter⟨;⟩ delimiter.curly⟨}⟩',
    ]);
    expect(lines('rewrite ^/(.*)$ /$1#top last;')).toEqual([
      'key⟨rewrite⟩ ⟨^/(.*)$ /⟩ variable⟨$1⟩ ⟨#top last⟩ delimiter⟨;⟩',
    ]);
  });

  it('reads a map body as key-value pairs', () => {
    expect(
      lines(`map $http_upgrade $connection_upgrade {
    default upgrade;
    ~*^web "keep";
}
server {`),
    ).toEqual([
      'keyword⟨map⟩ variable⟨$http_upgrade⟩ variable⟨$connection_upgrade⟩ delimiter.curly⟨{⟩',
      'keyword⟨default⟩ ⟨upgrade⟩ delimiter⟨;⟩',
      'keyword.flow⟨~*⟩ regexp⟨^web⟩ string⟨"keep"⟩ delimiter⟨;⟩',
      'delimiter.curly⟨}⟩',
      'keyword⟨server⟩ delimiter.curly⟨{⟩',
    ]);
  });
});

describe('systemd', () => {
  const lines = (text: string) => tokenize('systemd', systemd.language, text);

  it('reads sections, keys, comments, specifiers, variables and continuations', () => {
    expect(
      lines(`[Service]
; runs as its own user
WorkingDirectory=%h/shop
ExecStart=-/srv/venv/bin/gunicorn \\
    -c gunicorn.conf.py wsgi:app
ExecReload=/bin/kill -HUP $MAINPID
Environment="LEVEL=100%%"
RestartSec=5s
NoNewPrivileges=yes`),
    ).toEqual([
      'metatag⟨[Service]⟩',
      'comment⟨; runs as its own user⟩',
      'key⟨WorkingDirectory⟩ delimiter⟨=⟩ variable.predefined⟨%h⟩ ⟨/shop⟩',
      'key⟨ExecStart⟩ delimiter⟨=⟩ keyword.flow⟨-⟩ ⟨/srv/venv/bin/gunicorn⟩ keyword.flow⟨\\⟩',
      // The continued line is still the value: no key here.
      '⟨-c gunicorn.conf.py wsgi:app⟩',
      'key⟨ExecReload⟩ delimiter⟨=⟩ ⟨/bin/kill -HUP⟩ variable⟨$MAINPID⟩',
      'key⟨Environment⟩ delimiter⟨=⟩ string⟨"LEVEL=100⟩ string.escape⟨%%⟩ string⟨"⟩',
      'key⟨RestartSec⟩ delimiter⟨=⟩ number⟨5s⟩',
      'key⟨NoNewPrivileges⟩ delimiter⟨=⟩ constant⟨yes⟩',
    ]);
  });

  it('ends a value at the end of its line; comments only start a line', () => {
    expect(lines('Description=a # not a comment\n# a comment\nUser=shop')).toEqual([
      'key⟨Description⟩ delimiter⟨=⟩ ⟨a # not a comment⟩',
      'comment⟨# a comment⟩',
      'key⟨User⟩ delimiter⟨=⟩ ⟨shop⟩',
    ]);
  });
});

describe('supervisor', () => {
  const lines = (text: string) => tokenize('supervisor', supervisor.language, text);

  it('reads sections, keys, comments, continuation lines and %(…)s expansions', () => {
    expect(
      lines(`[program:web]
command = gunicorn -c gunicorn.conf.py wsgi:app ; serve
environment=SECRET_KEY="%(ENV_SECRET_KEY)s",
    HOME="/home/%(program_name)s"
autorestart: true
url=http://x/a;b
# off
numprocs=2`),
    ).toEqual([
      'metatag⟨[program⟩ delimiter⟨:⟩ type⟨web⟩ metatag⟨]⟩',
      'key⟨command⟩ delimiter⟨=⟩ ⟨gunicorn -c gunicorn.conf.py wsgi:app⟩ comment⟨; serve⟩',
      'key⟨environment⟩ delimiter⟨=⟩ ⟨SECRET_KEY=⟩ string⟨"⟩ variable⟨%(ENV_SECRET_KEY)s⟩ string⟨"⟩ ⟨,⟩',
      // An indented line continues the value.
      '⟨HOME=⟩ string⟨"/home/⟩ variable⟨%(program_name)s⟩ string⟨"⟩',
      'key⟨autorestart⟩ delimiter⟨:⟩ constant⟨true⟩',
      // An inline comment needs whitespace before it.
      'key⟨url⟩ delimiter⟨=⟩ ⟨http://x/a;b⟩',
      'comment⟨# off⟩',
      'key⟨numprocs⟩ delimiter⟨=⟩ number⟨2⟩',
    ]);
  });
});

describe('apache', () => {
  const lines = (text: string) => tokenize('apache', apache.language, text);

  it('reads directives, sections, quoted arguments, On/Off, URLs and comments on their own line', () => {
    expect(
      lines(`# the shop
<VirtualHost *:443>
    ProxyPreserveHost On
    RequestHeader set X-Forwarded-Proto "https"
    ProxyPass / http://127.0.0.1:8000/
</VirtualHost>`),
    ).toEqual([
      'comment⟨# the shop⟩',
      'delimiter.angle⟨<⟩ tag⟨VirtualHost⟩ ⟨*:443⟩ delimiter.angle⟨>⟩',
      'keyword⟨ProxyPreserveHost⟩ constant⟨On⟩',
      'keyword⟨RequestHeader⟩ ⟨set X-Forwarded-Proto⟩ string⟨"https"⟩',
      'keyword⟨ProxyPass⟩ ⟨/⟩ string.link⟨http://127.0.0.1:8000/⟩',
      'delimiter.angle⟨</⟩ tag⟨VirtualHost⟩ delimiter.angle⟨>⟩',
    ]);
  });

  it('keeps a # after a directive as an argument, and follows a continued line', () => {
    expect(lines('Header set X "a # b"\nServerName \\\n  shop.example\nRewriteCond %{HTTPS} off')).toEqual([
      'keyword⟨Header⟩ ⟨set X⟩ string⟨"a # b"⟩',
      'keyword⟨ServerName⟩ keyword.flow⟨\\⟩',
      '⟨shop.example⟩',
      'keyword⟨RewriteCond⟩ variable.predefined⟨%{HTTPS}⟩ constant⟨off⟩',
    ]);
  });
});
