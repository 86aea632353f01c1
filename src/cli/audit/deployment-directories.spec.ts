import { describe, expect, test } from 'vitest';
import { deploymentDirectories } from './deployment-directories';

describe('deploymentDirectories', () => {
  test("a unit's directory conditions and the folders systemd makes for it (the deepest: parents come with them)", () => {
    const unit = [
      '[Unit]',
      'ConditionPathIsDirectory=/etc/wireguard',
      'ConditionPathIsDirectory=!/etc/disabled',
      '[Service]',
      'ExecStart=/opt/app/run',
      'StateDirectory=shop shop/uploads:0700',
      'LogsDirectory=shop',
      'ReadWritePaths=/srv/data -/maybe',
      '',
    ].join('\n');
    // ExecStart names /opt/app/run: production has its folder too.
    expect(deploymentDirectories({ 'shop.service': unit })).toEqual([
      '/etc/wireguard',
      '/opt/app',
      '/srv/data',
      '/var/lib/shop/uploads',
      '/var/log/shop',
    ]);
  });

  test("a Dockerfile's VOLUME, WORKDIR and mkdir folders; compose's named volumes, never a bind mount", () => {
    const dockerfile = [
      'FROM python:3.12',
      'WORKDIR /app',
      'VOLUME ["/database"]',
      'RUN apt-get update && mkdir -p /etc/shop \\',
      '    /var/spool/shop',
      'CMD ["gunicorn", "app:app"]',
    ].join('\n');
    const compose =
      'services:\n  web:\n    volumes:\n      - conf:/etc/wireguard\n      - ./nginx.conf:/etc/nginx/nginx.conf\n';
    expect(deploymentDirectories({ Dockerfile: dockerfile, 'compose.yaml': compose })).toEqual([
      '/app',
      '/database',
      '/etc/shop',
      '/etc/wireguard',
      '/var/spool/shop',
    ]);
  });

  test('the folder of a path the project names, under the system or a declared root; URLs and routes are not folders', () => {
    const code = [
      'DB = "sqlite:////database/shop.db"',
      'CONF = open("/etc/shop/settings.ini")',
      'LOGO = "file:///usr/local/share/shop/logo.png"',
      'API = "https://api.example.com/etc/v1/"',
      '@app.route("/api/v1/users/<id>")',
      'CACHE = "/var/cache/${NAME}/x"',
    ].join('\n');
    expect(deploymentDirectories({ 'app.py': code, Dockerfile: 'FROM python\nVOLUME /database\n' })).toEqual([
      '/database',
      '/etc/shop',
      '/usr/local/share/shop',
    ]);
  });

  test("a script's relative mkdir is a folder of the project, under each folder an entrypoint may run from", () => {
    expect(
      deploymentDirectories({ 'src/wgd.sh': 'if [ ! -d "log" ]; then\n  mkdir "log"\nfi\nmkdir -p ./db\n' }),
    ).toEqual(['/srv/shop/db', '/srv/shop/log', '/srv/shop/src/db', '/srv/shop/src/log']);
  });

  test("tests' paths are not production's", () => {
    expect(deploymentDirectories({ 'tests/test_app.py': 'PATH = "/etc/test-only/x.conf"\n' })).toEqual([]);
  });
});
