import { describe, expect, test } from 'vitest';
import { parseCommandLine, scriptCommands, splitWords } from './shell';

describe('parseCommandLine', () => {
  test('a Procfile chain is three commands, split where sh splits it', () => {
    const commands = parseCommandLine('flask db upgrade; flask translate compile; gunicorn microblog:app');
    expect(commands.map((c) => c.argv)).toEqual([
      ['flask', 'db', 'upgrade'],
      ['flask', 'translate', 'compile'],
      ['gunicorn', 'microblog:app'],
    ]);
    expect(commands.map((c) => c.then)).toEqual([';', ';', '']);
  });

  test("a quoted ; is a word: nginx -g 'daemon off;' stays whole", () => {
    expect(parseCommandLine("nginx -g 'daemon off;' && gunicorn app:app || exit 1").map((c) => c.argv)).toEqual([
      ['nginx', '-g', 'daemon off;'],
      ['gunicorn', 'app:app'],
      ['exit', '1'],
    ]);
  });

  test('assignments before the program are its environment; a comment ends the line', () => {
    const [command] = parseCommandLine('FLASK_DEBUG=1 B="x y" flask run # dev only');
    expect(command).toEqual({ argv: ['flask', 'run'], assignments: { FLASK_DEBUG: '1', B: 'x y' }, then: '' });
  });

  test('variables expand from the environment given, defaults as sh reads them, unknown ones stay written', () => {
    const words = parseCommandLine('gunicorn -b 0.0.0.0:$PORT -w ${WORKERS:-3} --log-level $LEVEL app:app', {
      PORT: '8000',
    })[0]?.argv;
    expect(words).toEqual(['gunicorn', '-b', '0.0.0.0:8000', '-w', '3', '--log-level', '$LEVEL', 'app:app']);
  });
});

describe('scriptCommands', () => {
  test('a boot.sh: compound keywords dropped, continuation lines joined, comments skipped, lines kept', () => {
    const script = [
      '#!/bin/bash',
      'source venv/bin/activate',
      'while true; do',
      '    flask db upgrade',
      '    if [[ "$?" == "0" ]]; then',
      '        break',
      '    fi',
      'done',
      '# start it',
      'exec gunicorn -b :5000 \\',
      '  --access-logfile - microblog:app',
    ].join('\n');
    const commands = scriptCommands(script);
    expect(commands.map((c) => c.argv[0])).toEqual(['source', 'true', 'flask', '[[', 'break', 'exec']);
    expect(commands.at(-1)).toMatchObject({
      argv: ['exec', 'gunicorn', '-b', ':5000', '--access-logfile', '-', 'microblog:app'],
      line: 10,
    });
  });

  test('"$@" stays a word for the caller to give the arguments', () => {
    expect(scriptCommands('set -e\nexec "$@"\n').at(-1)?.argv).toEqual(['exec', '$@']);
  });
});

test('splitWords: quoting without a shell, operators are words', () => {
  expect(splitWords(`sh -c "flask db upgrade && gunicorn 'app:create_app()'"`)).toEqual([
    'sh',
    '-c',
    "flask db upgrade && gunicorn 'app:create_app()'",
  ]);
  expect(splitWords('a && b')).toEqual(['a', '&&', 'b']);
});

test('a default that is itself quoted and holds a variable expands as sh does', () => {
  const [command] = parseCommandLine('app --port "${PORT:-"${EXPOSE_PORT:-5000}"}" --host ${HOST:-$ADDR}', {
    ADDR: '0.0.0.0',
  });
  expect(command?.argv).toEqual(['app', '--port', '5000', '--host', '0.0.0.0']);
});
