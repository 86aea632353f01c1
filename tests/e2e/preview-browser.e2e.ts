/**
 * The preview is a browser pointed at the app: links, forms, redirects and cookies go to the app
 * the way curl does, the page stays in a sandboxed frame without the site's origin, and Werkzeug's
 * debugger works in it: styled, its console behind the PIN, and code run in the app's process.
 */
import { expect, test, type Page } from '@playwright/test';
import { docArtefactPath } from './doc-artefacts';
import {
  expectTerminalToShow,
  LESSON_1,
  openLesson,
  runAndWaitForServing,
  setEditorContent,
  terminalText,
  waitForPython,
} from './helpers';

const frame = (page: Page) => page.frameLocator('[data-testid=preview-frame]');

async function visit(page: Page, path: string): Promise<void> {
  await page.getByTestId('preview-path').fill(path);
  await page.getByTestId('preview-go').click();
  await expect(page.getByTestId('preview-path')).toHaveValue(path);
}

const ACCOUNT_APP = String.raw`from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = "preview-test-key"

PAGE = """<!doctype html><title>{title}</title><h1>{title}</h1>{body}"""


@app.get("/")
def home():
    return PAGE.format(title="Home", body='''
<form method="get" action="/search"><input name="q" value="beans"><button>Search</button></form>
<form method="post" action="/login"><input name="user" value="ann"><button id="login">Log in</button></form>
<p id="count">not fetched</p>
<script>
fetch("/api/count", {method: "POST"}).then((r) => r.json()).then((d) => {
  document.getElementById("count").textContent = "count " + d.count;
});
</script>''')


@app.get("/search")
def search():
    return PAGE.format(title="Results for " + request.args["q"], body='<a href="/">home</a>')


@app.post("/login")
def login():
    session["user"] = request.form["user"]
    return redirect("/account")


@app.get("/account")
def account():
    return PAGE.format(title="Hello " + session.get("user", "stranger"), body='<a href="/">home</a>')


@app.post("/api/count")
def count():
    session["n"] = session.get("n", 0) + 1
    return {"count": session["n"]}


if __name__ == "__main__":
    app.run(debug=True)
`;

test('the preview follows links, submits forms, keeps cookies and goes back', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);

  await test.step("the shop's order link opens the order, and back returns home", async () => {
    await runAndWaitForServing(page);
    await visit(page, '/');
    await frame(page).getByRole('link', { name: '/orders/1001' }).click();
    await expect(page.getByTestId('preview-path')).toHaveValue('/orders/1001');
    await expect(page.getByTestId('preview-status')).toContainText('200');
    await expect(page.getByTestId('preview-body')).toContainText('"quantity": 2');
    await page.getByTestId('preview-back').click();
    await expect(page.getByTestId('preview-path')).toHaveValue('/');
    await expect(frame(page).locator('h1')).toHaveText('Corner Shop');
  });

  await test.step('a GET form, a POST form with a redirect, a cookie kept, and fetch from the page', async () => {
    await setEditorContent(page, LESSON_1, 'app.py', ACCOUNT_APP);
    await runAndWaitForServing(page);
    await visit(page, '/');
    // The page's own fetch went to the app (and its session cookie came back into the jar).
    await expect(frame(page).locator('#count')).toHaveText('count 1');
    await frame(page).getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('preview-path')).toHaveValue('/search?q=beans');
    await expect(frame(page).locator('h1')).toHaveText('Results for beans');

    await frame(page).getByRole('link', { name: 'home' }).click();
    await expect(frame(page).locator('#count')).toHaveText('count 2');
    await frame(page).getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('preview-path')).toHaveValue('/account');
    await expect(page.getByTestId('preview-redirects')).toContainText('302 → /account');
    await expect(frame(page).locator('h1')).toHaveText('Hello ann');

    // The cookie is in the jar, shown in the panel, and sent again on a fresh visit.
    await page.getByTestId('preview-cookies').locator('summary').click();
    await expect(page.getByTestId('preview-cookie')).toContainText(['session=']);
    await expect(page.getByTestId('preview-cookie')).toContainText(['HttpOnly']);
    await visit(page, '/account');
    await expect(frame(page).locator('h1')).toHaveText('Hello ann');
    await page.getByRole('button', { name: 'Clear cookies' }).click();
    await page.getByTestId('preview-reload').click();
    await expect(frame(page).locator('h1')).toHaveText('Hello stranger');
  });

  await test.step('the page runs in a sandbox without the site origin', async () => {
    const sandbox = await page.getByTestId('preview-frame').evaluate((el: HTMLIFrameElement) => [...el.sandbox]);
    expect(sandbox.sort()).toEqual(['allow-forms', 'allow-scripts']);
    // The frame's scripts cannot reach the parent or its storage.
    const probe = await frame(page)
      .locator('body')
      .evaluate(() => {
        const tries: string[] = [];
        try {
          tries.push(String(window.parent.document.title));
        } catch {
          tries.push('parent blocked');
        }
        try {
          tries.push(String(localStorage.length));
        } catch {
          tries.push('storage blocked');
        }
        return tries;
      });
    expect(probe).toEqual(['parent blocked', 'storage blocked']);
  });
});

const UPLOAD_APP = String.raw`from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def form():
    return """<!doctype html><title>Upload</title>
<form method="post" action="/upload" enctype="multipart/form-data">
<input name="title" value="hello"><input type="file" name="doc"><button>Send</button>
</form>
<p id="scripted">not sent</p>
<script>
const data = new FormData();
data.append("note", "from fetch");
data.append("part", new Blob(["blob text"], {type: "text/plain"}), "part.txt");
fetch("/upload", {method: "POST", body: data}).then((r) => r.text()).then((t) => {
  document.getElementById("scripted").textContent = t;
});
</script>"""


@app.post("/upload")
def upload():
    files = ",".join(f"{name}={f.filename}:{f.read().decode()}" for name, f in request.files.items())
    fields = ",".join(f"{k}={v}" for k, v in request.form.items())
    return f"<!doctype html><title>Got</title><h1>{request.mimetype} {fields} {files}</h1>"


if __name__ == "__main__":
    app.run()
`;

test('a multipart form and a FormData fetch reach the app as multipart/form-data, files and all', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await setEditorContent(page, LESSON_1, 'app.py', UPLOAD_APP);
  await runAndWaitForServing(page);
  await visit(page, '/');
  await expect(frame(page).locator('#scripted')).toContainText(
    '<h1>multipart/form-data note=from fetch part=part.txt:blob text</h1>',
  );
  await frame(page)
    .locator('input[type=file]')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('line one\nline two') });
  await frame(page).getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('preview-path')).toHaveValue('/upload');
  await expect(frame(page).locator('h1')).toHaveText(
    'multipart/form-data title=hello doc=notes.txt:line one\nline two',
  );

  // A binary file cannot travel as the worker's text body: refused with the reason, not altered.
  await page.getByTestId('preview-back').click();
  await expect(page.getByTestId('preview-path')).toHaveValue('/');
  await frame(page)
    .locator('input[type=file]')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0xff, 0x00]) });
  await frame(page).getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('preview-notice')).toContainText('not UTF-8 text');
  await expect(page.getByTestId('preview-path')).toHaveValue('/');
});

test("Werkzeug's debugger in the preview: styled, PIN, and a console that runs code in the app", async ({ page }) => {
  // Every console line is a request through Python; a loaded 2-core machine needs the room.
  test.setTimeout(240_000);
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await runAndWaitForServing(page);
  const pin = /Debugger PIN: (\d{3}-\d{3}-\d{3})/.exec(
    await expectTerminalToShow(page, [/Debugger PIN: \d{3}-\d{3}-\d{3}/]),
  )![1]!;

  await visit(page, '/orders/abc');
  await expect(page.getByTestId('preview-status')).toContainText('500');
  // The page's traceback is the app's: no frame of the course's harness or of runpy.
  await expect(frame(page).locator('div.traceback')).not.toContainText(/prodready_harness|runpy/);
  const debuggerPage = frame(page);
  await expect(debuggerPage.locator('h1')).toContainText('ValueError');
  // Its stylesheet arrived (style.css hides the PIN prompt until asked) and its script ran
  // (it replaces the plain traceback's textarea with a <pre>).
  await expect(debuggerPage.locator('.pin-prompt')).toBeHidden();
  await expect(debuggerPage.locator('div.plain textarea')).toHaveCount(0);
  const icons = debuggerPage.locator('div.frame img');
  await expect(icons.first()).toHaveAttribute('src', /^data:image\/png;base64,/);

  // The icon shows when the pointer is on a frame's line, as in a browser.
  const line = debuggerPage.locator('div.traceback div.frame').last().locator('pre.current');
  await line.hover();
  await line.locator('img').click();
  await expect(debuggerPage.locator('.pin-prompt')).toBeVisible();
  await debuggerPage.locator('.pin-prompt input[name=pin]').fill(pin);
  await debuggerPage.getByRole('button', { name: 'Confirm Pin' }).click();
  await expect(debuggerPage.locator('.pin-prompt')).toBeHidden();

  const input = debuggerPage.locator('pre.console input').last();
  await input.fill('1+1');
  await input.press('Enter');
  await expect(debuggerPage.locator('pre.console .output').last()).toContainText('2');
  // Code runs in the app's process: the frame's own variables are there.
  await input.fill('raw');
  await input.press('Enter');
  await expect(debuggerPage.locator('pre.console .output').last()).toContainText("'abc'");
  await page.locator('[data-testid=preview-frame]').scrollIntoViewIfNeeded();
  await page.getByTestId('preview-frame').screenshot({ path: docArtefactPath('debugger-console.png', test.info()) });
  // The PIN cookie is in the jar.
  await page.getByTestId('preview-cookies').locator('summary').click();
  await expect(page.getByTestId('preview-cookie')).toContainText(['__wzd']);
  const log = await terminalText(page);
  expect(log).toContain('GET /orders/abc');
  // Sub-resources are fetched once per URL per page load, as a browser caches them within a page:
  // one console icon request, not one per traceback frame.
  expect(log.match(/__debugger__=yes&cmd=resource&f=console\.png/g)).toHaveLength(1);
});
