/**
 * Shared by the rule specs: a GradingContext built the way the engine builds one (a Procfile or a
 * unit decides what production runs), a Python runtime booted once per spec file, a stub for the
 * static rules that proves they never touch Python, and small fixtures to vary.
 */
import { beforeAll, expect } from 'vitest';
import type { NodeRuntime } from '../../../cli/node-runtime';
import type { RequestSpec } from '../../content/checks-schema';
import type { HostApi, HostMethod, WorkspaceFiles } from '../../runtime/protocol';
import type { GradingContext } from '../context';
import { productionCommand } from '../production';
import type { Rule, RuleVerdict } from '../rule';
import type { PythonRuntime } from '../runtime';
import type { Finding } from '../types';

/**
 * Boots Pyodide once for the calling spec file (in its beforeAll) and returns a runtime that
 * forwards to it. Call it once, at the top of a spec file whose rule runs the app.
 */
export function usePython(): PythonRuntime {
  let booted: NodeRuntime | undefined;
  beforeAll(async () => {
    // Imported here, so the static rules' specs do not even load Pyodide's module.
    const { NodeRuntime } = await import('../../../cli/node-runtime');
    booted = await NodeRuntime.start();
  });
  return {
    call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
      if (!booted) throw new Error('the Python runtime has not booted yet (call usePython() at the top of the file)');
      return booted.call(method, args);
    },
  };
}

/** For the rules that must decide from the config alone (nginx, systemd, Supervisor): any call fails. */
export const NO_PYTHON: PythonRuntime = {
  call(method) {
    throw new Error(`a static rule called the Python runtime (${method})`);
  },
};

export interface Project {
  files: WorkspaceFiles;
  /** The lesson's run command, used when no Procfile or unit says what production runs. */
  command?: string;
  env?: Record<string, string>;
  /** The attack request's path (GET), or a whole request. */
  attack?: string | RequestSpec;
}

export const DEFAULT_COMMAND = 'python app.py';
export const ATTACK_PATH = '/orders/abc';

/** A GradingContext as the engine's contextFor builds it. */
export function gradingContext(runtime: PythonRuntime, project: Project): GradingContext {
  const { command, source } = productionCommand(project.files, project.command ?? DEFAULT_COMMAND);
  const attack =
    typeof project.attack === 'object'
      ? project.attack
      : { method: 'GET', path: project.attack ?? ATTACK_PATH, headers: {} };
  return {
    files: project.files,
    runtime,
    production: { command, commandSource: source, env: project.env ?? {}, attack },
  };
}

export function judge(rule: Rule, runtime: PythonRuntime, project: Project): Promise<RuleVerdict> {
  return rule.evaluate(gradingContext(runtime, project));
}

/** The verdict decided (not inconclusive) and found something, all of it under this rule's id; the first finding. */
export function expectFinding(verdict: RuleVerdict, rule: Rule): Finding {
  expect(verdict.inconclusive).toBeUndefined();
  expect(verdict.findings.length).toBeGreaterThan(0);
  for (const finding of verdict.findings) expect(finding).toMatchObject({ rule: rule.id, severity: rule.severity });
  return verdict.findings[0] as Finding;
}

/** The verdict decided, and found nothing (an inconclusive verdict is not a pass). */
export function expectNoFinding(verdict: RuleVerdict): void {
  expect(verdict).toEqual({ findings: [] });
}

/** The 1-based line of the first line of `text` containing `needle`; fails when there is none. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`lineOf: ${JSON.stringify(needle)} is not in the text`);
  return index + 1;
}

/** `text` with `from` replaced by `to`; fails when `from` is not there, so a variant never silently equals the base. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} is not in the text`);
  return text.replace(from, to);
}

export const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

/**
 * A small Flask app: the secret comes from the environment (no default), /orders/abc fails with a
 * ValueError (the attack), and `python app.py` starts the development server with Flask's own
 * FLASK_DEBUG handling.
 */
export const APP = `import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

ORDERS = {1001: {"product": 1, "quantity": 2}}


@app.route("/")
def home():
    return "Corner Shop"


@app.route("/orders/<raw_id>")
def order(raw_id):
    order_id = int(raw_id)
    return jsonify(id=order_id, **ORDERS.get(order_id, {}))


if __name__ == "__main__":
    app.run()
`;

export const WSGI = 'from app import app  # noqa: F401\n';

/** Lesson 04's solution: loopback only, a worker timeout, proxy headers trusted from nginx only. */
export const GUNICORN_CONF = `import multiprocessing

bind = "127.0.0.1:8000"
workers = multiprocessing.cpu_count() * 2 + 1
timeout = 30
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
`;

export const GUNICORN_PROCFILE = 'web: gunicorn -c gunicorn.conf.py wsgi:app\n';

/** Lesson 03's solution: Waitress on loopback, trusting X-Forwarded-* from nginx only. */
export const WAITRESS_SERVE = `from waitress import serve

from app import app

serve(
    app,
    listen="127.0.0.1:8080",
    threads=8,
    trusted_proxy="127.0.0.1",
    trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
    clear_untrusted_proxy_headers=True,
)
`;

/**
 * Lesson 05's solution site (in sites-enabled/, included from Debian's http { }), proxying to Gunicorn on
 * 127.0.0.1:8000; ssl_protocols per TLS server, since Debian's nginx.conf sets a list at the http level.
 */
export const SITE = `server_tokens off;
ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;

server {
    listen 80 default_server;
    listen [::]:80 default_server;
    server_name _;
    return 444;
}

server {
    listen 443 ssl default_server;
    listen [::]:443 ssl default_server;
    server_name _;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_reject_handshake on;
}

server {
    listen 80;
    listen [::]:80;
    server_name shop.example;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl;
    listen [::]:443 ssl;
    server_name shop.example;

    ssl_certificate /etc/letsencrypt/live/shop.example/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;

    add_header Strict-Transport-Security "max-age=63072000" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;

    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-Host $host;
    }

    location /static/ {
        alias /srv/shop/static/;
        expires 1d;
    }
}
`;

export const SITE_FILE = 'nginx/shop.conf';

/** Lesson 06's solution unit, trimmed to what the rules read. */
export const UNIT = `[Unit]
Description=Corner Shop (Gunicorn)
After=network-online.target

[Service]
Type=exec
User=shop
Group=shop
WorkingDirectory=/srv/shop
EnvironmentFile=/etc/shop/shop.env
ExecStart=/srv/shop/venv/bin/gunicorn -c /srv/shop/gunicorn.conf.py wsgi:app
Restart=on-failure
RestartSec=5s
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes

[Install]
WantedBy=multi-user.target
`;

export const UNIT_FILE = 'shop.service';

/** Lesson 06's Supervisor alternative. */
export const SUPERVISOR = `[program:shop]
command=/srv/shop/venv/bin/python /srv/shop/serve.py
directory=/srv/shop
user=shop
autostart=true
autorestart=true
environment=FLASK_DEBUG="0"
`;

export const SUPERVISOR_FILE = 'supervisor/shop.conf';
