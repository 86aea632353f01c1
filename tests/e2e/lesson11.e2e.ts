import { test } from '@playwright/test';
import { expectTerminalToShow, openLesson, runAndWaitForServing, typeInTerminal, waitForPython } from './helpers';

test('lesson 11: the pinned Werkzeug 3.0.1 really runs in the page, answers a forged Host, and pip-audit names it', async ({
  page,
}) => {
  await openLesson(page, '11-vulnerable-dependencies');
  await waitForPython(page);
  // The worker downloads pinned-packages.zip before this run: requirements.txt pins Flask and Werkzeug.
  await runAndWaitForServing(page);
  await expectTerminalToShow(page, ['pins werkzeug==3.0.1: this run imports 3.0.1']);
  await typeInTerminal(page, "curl -i -H 'Host: rebind.attacker.example' /console");
  await expectTerminalToShow(page, ['HTTP/1.1 200', 'Console // Werkzeug Debugger']);
  await typeInTerminal(page, 'pip-audit');
  await expectTerminalToShow(page, ['known vulnerabilities in 2 packages', 'GHSA-2g68-c3qc-8985']);
});
