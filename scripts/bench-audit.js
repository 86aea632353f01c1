#!/usr/bin/env node
// The audit benchmark (issue 4): a synthetic repository of 200 Python files (a Flask app factory,
// blueprints, models, services, utilities), a gunicorn.conf.py, a Procfile, a systemd unit and an
// nginx site, generated in a temp dir; then `prodready audit DIR --format json` as a user runs it,
// one process, one Pyodide start. Prints the wall time; it measures, it never fails.
// Two ways, alternating: the command line as shipped (Python in the confined Deno child) and the
// same audit with Python in the Node process (NodeRuntime, as before the confinement), so the
// confinement's cost is printed beside it; and the confined audit again with PRODREADY_NO_SNAPSHOT=1
// (Pyodide started the ordinary way instead of from the memory snapshot, with the archives as they
// were before it), for the snapshot's gain.
//
// Usage: node scripts/bench-audit.js [--files N] [--runs N] [--json]
//   --json  print only {"files", "medians": {way: ms}} (npm run bench reads it)
//   KEEP=1 keeps the generated tree and prints its path
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const fileCount = option('--files', 200);
const runs = option('--runs', 3);
const json = args.includes('--json');
const say = json ? () => {} : (text) => console.log(text);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function generate(dir) {
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const blueprints = 10;
  let written = 0;
  for (let b = 0; b < blueprints; b++) {
    write(
      `shop/bp${b}/__init__.py`,
      `from flask import Blueprint, jsonify\n\nbp = Blueprint("bp${b}", __name__, url_prefix="/bp${b}")\n\n\n@bp.route("/items/<item_id>")\ndef item(item_id):\n    return jsonify(id=int(item_id))\n`,
    );
    written++;
  }
  const init = [
    'import os',
    '',
    'from flask import Flask',
    'from werkzeug.middleware.proxy_fix import ProxyFix',
    '',
    '',
    'def create_app():',
    '    app = Flask(__name__)',
    '    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-secret")',
    '    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)',
    ...Array.from(
      { length: blueprints },
      (_, b) => `    from .bp${b} import bp as bp${b}\n    app.register_blueprint(bp${b})`,
    ),
    '    return app',
    '',
  ].join('\n');
  write('shop/__init__.py', init);
  write('wsgi.py', 'from shop import create_app\n\napp = create_app()\n');
  written += 2;
  for (let i = 0; written < fileCount; i++, written++) {
    const kind = ['models', 'services', 'utils', 'tests'][i % 4];
    const body = Array.from(
      { length: 30 },
      (_, f) =>
        `def ${kind}_${i}_${f}(value, factor=${f}):\n    """Helper ${f}."""\n    total = 0\n    for step in range(factor):\n        total += step * value\n    return {"value": value, "total": total}\n`,
    ).join('\n\n');
    write(`shop/${kind}/m${i}.py`, `import os\nimport json\n\n\n${body}`);
  }
  write('gunicorn.conf.py', 'bind = "127.0.0.1:8000"\nworkers = 3\ntimeout = 30\nforwarded_allow_ips = "127.0.0.1"\n');
  write('Procfile', 'web: gunicorn -c gunicorn.conf.py wsgi:app\n');
  write(
    'deploy/shop.service',
    '[Unit]\nDescription=Shop\n\n[Service]\nUser=shop\nExecStart=/srv/shop/venv/bin/gunicorn -c /srv/shop/gunicorn.conf.py wsgi:app\nRestart=on-failure\nNoNewPrivileges=yes\nProtectSystem=strict\nPrivateTmp=yes\n',
  );
  write(
    'deploy/nginx/shop.conf',
    'server_tokens off;\nserver {\n    listen 80;\n    server_name shop.example;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n',
  );
  return written;
}

const inProcessArgs = (dir) => ['--import', 'tsx', path.join(root, 'scripts/bench-audit-in-process.ts'), dir];

/**
 * The assets the ordinary boot had before the snapshot: setup.js's archives, with the bytecode the
 * served ones leave out for the modules the snapshot holds (scripts/snapshot.ts).
 */
function assetsWithFullArchives() {
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-bench-assets-'));
  fs.cpSync(path.join(root, 'public/pyodide'), assets, { recursive: true });
  for (const name of ['packages.zip', 'python_stdlib.zip'])
    fs.copyFileSync(path.join(root, '.cache/pyodide-full', name), path.join(assets, name));
  return assets;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-bench-audit-'));
const fullAssets = assetsWithFullArchives();
try {
  const written = generate(dir);
  say(`synthetic repository: ${written} Python files, gunicorn.conf.py, Procfile, a systemd unit, an nginx site`);
  const audit = [path.join(root, 'bin/prodready.js'), 'audit', dir, '--format', 'json'];
  const ways = {
    confined: { args: audit, env: {} },
    'in-process': { args: inProcessArgs(dir), env: {} },
    'confined, no snapshot': { args: audit, env: { PRODREADY_NO_SNAPSHOT: '1', PRODREADY_ASSETS: fullAssets } },
    // The command line as it was before the confinement and the snapshot: the baseline of issue 14.
    'in-process, no snapshot': {
      args: inProcessArgs(dir),
      env: { PRODREADY_NO_SNAPSHOT: '1', PRODREADY_ASSETS: fullAssets },
    },
  };
  const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
  for (let run = 0; run < runs; run++) {
    for (const [way, { args, env }] of Object.entries(ways)) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, {
        encoding: 'utf8',
        cwd: root,
        env: { ...process.env, ...env },
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      times[way].push(ms);
      if (run === 0) {
        const report = JSON.parse(result.stdout || '{"findings":[]}');
        say(
          `${way}: exit ${result.status}; ${report.findings.length} findings: ${report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`).join(', ')}`,
        );
      }
      say(
        `run ${run + 1} ${way}: ${(ms / 1000).toFixed(2)} s (whole process: Node, Pyodide start, discovery, every rule)`,
      );
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const medians = Object.fromEntries(Object.entries(times).map(([way, list]) => [way, median(list)]));
  if (json) console.log(JSON.stringify({ files: written, medians }));
  const confined = medians.confined;
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  say(`median confined (Deno child): ${seconds(confined)} for ${written} Python files`);
  say(`median in-process (Node, unconfined): ${seconds(medians['in-process'])}`);
  say(`median confined without the memory snapshot: ${seconds(medians['confined, no snapshot'])}`);
  say(`confined / in-process: ${(confined / medians['in-process']).toFixed(2)}x`);
  say(
    `median in-process without the snapshot (the command line before both): ${seconds(medians['in-process, no snapshot'])}`,
  );
  say(`with / without the snapshot: ${(confined / medians['confined, no snapshot']).toFixed(2)}x`);
} finally {
  fs.rmSync(fullAssets, { recursive: true, force: true });
  if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
