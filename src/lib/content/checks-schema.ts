/**
 * What a lesson's checks.ts may declare. Checks are data, validated with zod (strict, so a mistyped
 * key is an error naming the key), and carried out by the engine's check kinds in grading/checks/.
 */
import { z } from 'zod';
import { RULE_IDS } from '../grading/rule-ids';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a check id is kebab-case, e.g. "debug-off-by-default"')
  .describe('Stable id of the check; mistakes name it in expect.json');
const title = z.string().min(1).describe('One line the learner sees in the checks panel');
const hint = z.string().optional().describe('Shown under a failing check, before any solution');
const env = z
  .record(z.string(), z.string())
  .optional()
  .describe('The whole process environment for the run; default: the lesson run.env');

/**
 * Marks a check as its lesson's attack: the capstone's red team replays every check so marked, from
 * every earlier lesson, against the deployment the learner ships, and names it by this.
 */
const redTeam = z
  .string()
  .min(1)
  .optional()
  .describe(
    "The attack's name when the capstone's red team replays this check, e.g. 'alias traversal'; default: not replayed",
  );

export const requestSpec = z
  .object({
    method: z.string().default('GET').describe('HTTP method; default GET'),
    path: z.string().startsWith('/').describe('Path and query'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers; default none'),
    body: z.string().optional().describe('Request body; default none'),
    client: z
      .string()
      .optional()
      .describe("Who connects, as the app server sees it (REMOTE_ADDR); default 203.0.113.7, a visitor's address"),
  })
  .strict();

/** Every .py file of the workspace parses (Python's own parser, in Pyodide). */
const pythonSyntax = z.object({ kind: z.literal('python-syntax'), id, title, hint }).strict();

/** A named rule (grading/rules/) finds nothing when the app runs as production runs it. */
const rule = z
  .object({
    kind: z.literal('rule'),
    id,
    title,
    hint,
    redTeam,
    rule: z.enum(RULE_IDS).describe('Rule id, see docs/rules.md'),
    env,
    attack: requestSpec.optional().describe('A request that makes the app fail; default GET of lesson attackPath'),
  })
  .strict();

/** Send one request to the app run with `env`, and assert on the response and the server log. */
const http = z
  .object({
    kind: z.literal('http'),
    id,
    title,
    hint,
    redTeam,
    env,
    request: requestSpec,
    expect: z
      .object({
        status: z.number().int().optional().describe('Exact status code'),
        bodyIncludes: z.array(z.string()).default([]).describe('Substrings the body must contain'),
        bodyExcludes: z.array(z.string()).default([]).describe('Substrings the body must not contain'),
        noTraceback: z.boolean().default(false).describe('No traceback, source path or debugger page in the body'),
        noSecret: z.boolean().default(false).describe('The app secret key is not in the body'),
        logIncludes: z.array(z.string()).default([]).describe('Substrings the server log must contain'),
        headersMatch: z
          .record(z.string(), z.array(z.string()))
          .default({})
          .describe(
            'Per header name, regular expressions (case-insensitive) one of its values must all match; default none',
          ),
      })
      .strict(),
  })
  .strict();

/** Run the app under several environments; each case says what must happen. */
const envMatrix = z
  .object({
    kind: z.literal('env-matrix'),
    id,
    title,
    hint,
    cases: z
      .array(
        z
          .object({
            label: z.string().describe('How the case reads in a message, e.g. "FLASK_DEBUG unset"'),
            env: z.record(z.string(), z.string()).describe('The whole process environment'),
            expect: z.enum(['refuses-to-start', 'debug-off', 'debug-on']),
            logIncludes: z.array(z.string()).default([]).describe('For refuses-to-start: the message must say this'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** The learner reports what leaked: a file must name the real secret and the real leaking file path. */
const leakReport = z
  .object({
    kind: z.literal('leak-report'),
    id,
    title,
    hint,
    file: z.string().describe('Workspace file holding the report, e.g. FINDINGS.md'),
    env,
    attack: requestSpec.optional().describe('The request that leaks; default GET of lesson attackPath'),
    mustName: z
      .array(z.enum(['secret', 'path']))
      .min(1)
      .describe('What the report must contain'),
  })
  .strict();

/** What the app server itself computed from its configuration (Waitress Adjustments, Gunicorn Config). */
const serverSettings = z
  .object({
    kind: z.literal('server-settings'),
    id,
    title,
    hint,
    env,
    server: z.enum(['waitress', 'gunicorn']).describe('The server production must start'),
    require: z
      .array(
        z
          .object({
            setting: z
              .string()
              .describe('Setting name as the server spells it, e.g. "threads", "workers", "accesslog"'),
            check: z
              .enum(['explicit', 'positive', 'set', 'scales-with-cpus'])
              .describe(
                'explicit: the project sets it; positive: a number above 0; set: not empty; scales-with-cpus: follows os.cpu_count()',
              ),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** What the app sees of a request (client address, scheme, host, external URLs), asked from inside Flask. */
const clientView = z
  .object({
    kind: z.literal('client-view'),
    id,
    title,
    hint,
    env,
    client: z.string().describe('The address the request comes from, as the app server sees the connection'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers; default none'),
    expect: z
      .object({
        remoteAddr: z.string().optional().describe('request.remote_addr must equal this'),
        scheme: z.enum(['http', 'https']).optional().describe('request.scheme must equal this'),
        host: z.string().optional().describe('request.host must equal this'),
      })
      .strict(),
    because: z
      .string()
      .describe('Why, for the failure message: e.g. "a forged X-Forwarded-For must not become the client address"'),
  })
  .strict();

/** The workspace's nginx config parses (an error names file, line and column, as nginx -t would). */
const nginxSyntax = z.object({ kind: z.literal('nginx-syntax'), id, title, hint }).strict();

/** The workspace's Apache site (`apache/*.conf`) parses, as `apachectl -t` says it, with file and line. */
const apacheSyntax = z.object({ kind: z.literal('apache-syntax'), id, title, hint }).strict();

/** One request from a client through the learner's nginx (or Apache) config to the app server. */
const proxyRequest = z
  .object({
    kind: z.literal('proxy-request'),
    id,
    title,
    hint,
    redTeam,
    env,
    via: z
      .enum(['nginx', 'apache'])
      .default('nginx')
      .describe("The proxy in front: the workspace's nginx config, or its Apache site (apache/*.conf); default nginx"),
    request: z
      .object({
        scheme: z.enum(['http', 'https']).describe('How the client connects: http on port 80, https on 443'),
        method: z.string().default('GET').describe('HTTP method; default GET'),
        path: z.string().startsWith('/').describe('Path and query'),
        headers: z.record(z.string(), z.string()).default({}).describe('Request headers; default Host: shop.example'),
        client: z.string().default('198.51.100.23').describe("The client's address; default 198.51.100.23"),
        probe: z.boolean().default(false).describe('Ask Flask what it sees instead of running a view'),
        bodyBytes: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Send a body of this many bytes ("a" repeated) with its Content-Length; default no body'),
      })
      .strict(),
    expect: z
      .object({
        status: z.number().int().optional().describe('Exact status code'),
        redirectTo: z.string().optional().describe('The Location header starts with this'),
        headers: z.array(z.string()).default([]).describe('Response headers that must be present'),
        absentHeaders: z.array(z.string()).default([]).describe('Response headers that must not be present'),
        headersExclude: z
          .record(z.string(), z.string())
          .default({})
          .describe(
            'Header name to a regular expression (case-insensitive) its value must not match; the header must be present',
          ),
        noTraceback: z.boolean().default(false).describe('No traceback, source path or debugger page in the body'),
        remoteAddr: z.string().optional().describe('(probe) request.remote_addr must equal this'),
        scheme: z.enum(['http', 'https']).optional().describe('(probe) request.scheme must equal this'),
        host: z.string().optional().describe('(probe) request.host must equal this'),
        externalUrlPrefix: z.string().optional().describe('(probe) url_for(..., _external=True) starts with this'),
      })
      .strict(),
    because: z.string().describe('Why, for the failure message'),
  })
  .strict();

/** The certificate the TLS server presents, as a client trusting only the lesson's root sees it. */
const certificateChain = z
  .object({
    kind: z.literal('certificate-chain'),
    id,
    title,
    hint,
    host: z
      .string()
      .default('shop.example')
      .describe('The name the client asks for (SNI and Host); default shop.example'),
    clock: z
      .string()
      .datetime()
      .describe("The grader's clock (ISO 8601), fixed inside the lesson certificate's validity so tests never expire"),
    trustedRoot: z
      .object({
        file: z.string().describe('The workspace file holding the root CA (for the terminal too)'),
        sha256: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/)
          .describe("The root's SHA-256 fingerprint: the grader trusts only it"),
      })
      .strict(),
  })
  .strict();

/** certbot's HTTP-01 challenge answered on port 80 from the webroot its renewal configuration names. */
const acmeChallenge = z
  .object({
    kind: z.literal('acme-challenge'),
    id,
    title,
    hint,
    host: z.string().default('shop.example').describe('The certificate name; default shop.example'),
  })
  .strict();

/** A certbot deploy hook (or deploy_hook/renew_hook in the renewal conf) that reloads nginx. */
const renewalHook = z
  .object({
    kind: z.literal('renewal-hook'),
    id,
    title,
    hint,
    host: z.string().default('shop.example').describe('The certificate name; default shop.example'),
  })
  .strict();

/** The process manager's command: absolute paths, the virtual environment's program. */
const managedCommand = z
  .object({
    kind: z.literal('managed-command'),
    id,
    title,
    hint,
  })
  .strict();

/** Lesson 08's attack: facts through a file-read hole, the debugger PIN, the console, code run. */
const debuggerChain = z
  .object({
    kind: z.literal('debugger-chain'),
    id,
    title,
    hint,
    redTeam,
    env,
    fileRead: z
      .object({
        path: z.string().startsWith('/').describe('The route that serves a file by name, e.g. /download'),
        param: z.string().min(1).describe('The query parameter naming the file, e.g. name'),
      })
      .strict()
      .describe('Where the attacker reads files; the crash comes from the lesson attackPath'),
  })
  .strict();

/** Lesson 09's forged cookie: a session signed with a leaked key must be refused, one signed with the app's key accepted. */
const forgedSession = z
  .object({
    kind: z.literal('forged-session'),
    id,
    title,
    hint,
    redTeam,
    env,
    path: z.string().startsWith('/').describe('A page that shows who is logged in, e.g. /account'),
    session: z.record(z.string(), z.string()).describe('What the forged session claims, e.g. {"user": "admin"}'),
    leakedKeys: z
      .array(z.string().min(1))
      .min(1)
      .describe('Keys that leaked: a cookie signed with one must be refused'),
    acceptedWhen: z.string().min(1).describe('Text the page shows when it believes the session, e.g. "Hello admin"'),
  })
  .strict();

/** A request from a client on the internet through the workspace's nginx config (lesson 13's log and limit checks). */
const throughNginx = z
  .object({
    scheme: z.enum(['http', 'https']).default('https').describe('How the client connects; default https'),
    method: z.string().default('GET').describe('HTTP method; default GET'),
    path: z.string().startsWith('/').describe('Path and query'),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .describe('Request headers; Host: shop.example unless given; default none'),
    body: z.string().optional().describe('Request body (a form: user=ann&password=...); default none'),
    client: z
      .string()
      .default('198.51.100.23')
      .describe("The client's address as nginx sees it; default 198.51.100.23"),
  })
  .strict();

/**
 * `attempts` requests arrive at nginx in the same instant (a parallel brute force), each with another forged
 * X-Forwarded-For: the first must reach the app, the last must be refused by nginx (limit_req), and then a
 * request from another address must still get through (the limit is per client, not for everyone).
 */
const rateLimit = z
  .object({
    kind: z.literal('rate-limit'),
    id,
    title,
    hint,
    redTeam,
    env,
    request: throughNginx,
    attempts: z.number().int().min(2).max(50).default(6).describe('How many arrive together; default 6'),
    forgeForwardedFor: z
      .boolean()
      .default(true)
      .describe('Each attempt carries another forged X-Forwarded-For (10.66.0.N); default true'),
    because: z.string().describe('Why, for the failure message'),
  })
  .strict();

/**
 * One request through nginx to the app; the log line(s) one hop wrote for it must carry the client's real
 * address and/or nginx's $request_id (docs/trustworthy-logs.md).
 */
const logTrail = z
  .object({
    kind: z.literal('log-trail'),
    id,
    title,
    hint,
    env,
    request: throughNginx,
    hop: z.enum(['nginx', 'app']).describe("Whose log: nginx's access log, or what the app server logged"),
    carry: z
      .array(z.enum(['client', 'request-id']))
      .min(1)
      .describe("What one line must carry: the client's address as nginx saw it, nginx's $request_id"),
    line: z
      .enum(['any', 'error'])
      .default('any')
      .describe('Which line: any line, or the one that reports the exception (a request that fails); default any'),
  })
  .strict();

/**
 * A login through nginx, then requests with the session cookie it set (and the lesson's attack): no hop's log
 * line carries the password, the session cookie, or a secret of the environment.
 */
const logSecrets = z
  .object({
    kind: z.literal('log-secrets'),
    id,
    title,
    hint,
    redTeam,
    env,
    login: z
      .object({
        path: z.string().startsWith('/').describe('Where the login form posts'),
        form: z.record(z.string(), z.string()).describe('The form fields; those named like password are secrets'),
      })
      .strict(),
    after: z
      .array(z.string().startsWith('/'))
      .default(['/'])
      .describe('Paths requested with the session cookie after the login (the lesson attackPath is added); default /'),
  })
  .strict();

/** Every requirement of requirements*.txt is one exact version (`==`) with a `--hash`, as pip reads it. */
const requirementsPinned = z.object({ kind: z.literal('requirements-pinned'), id, title, hint, redTeam }).strict();

/**
 * The capstone's red team: every check an earlier lesson marks `redTeam` (its attack), replayed
 * against this workspace under `env`; the lesson loader collects them (src/lib/content/red-team.ts).
 */
const redTeamCheck = z
  .object({
    kind: z.literal('red-team'),
    id,
    title,
    hint,
    env,
  })
  .strict();

/** The capstone's blue team: the site still works through the proxy the workspace has (nginx, else Apache). */
const blueTeam = z
  .object({
    kind: z.literal('blue-team'),
    id,
    title,
    hint,
    env,
    host: z.string().default('shop.example').describe('The site name visitors ask for; default shop.example'),
    client: z.string().default('198.51.100.23').describe("The visitor's address; default 198.51.100.23"),
    visits: z
      .array(
        requestSpec
          .extend({
            status: z.number().int().describe('The status the visit must get over https'),
            bodyIncludes: z.array(z.string()).default([]).describe('Substrings the body must contain; default none'),
            logsClient: z
              .boolean()
              .default(false)
              .describe("The app server's log of this visit must name the visitor's address; default false"),
          })
          .strict(),
      )
      .min(1)
      .describe('What visitors do, in order, each over https'),
  })
  .strict();

/** The process manager can start what the unit or program names, on a server that holds `machine`. */
const serviceStarts = z
  .object({
    kind: z.literal('service-starts'),
    id,
    title,
    hint,
    appRoot: z
      .string()
      .startsWith('/')
      .default('/srv/shop')
      .describe('Where the workspace is deployed on the server; its files exist there; default /srv/shop'),
    machine: z
      .array(z.string().startsWith('/'))
      .describe(
        "Files the server holds besides the app's (the virtual environment's programs, the secret store's env file)",
      ),
  })
  .strict();

export const checkSpec = z.discriminatedUnion('kind', [
  redTeamCheck,
  blueTeam,
  serviceStarts,
  debuggerChain,
  forgedSession,
  requirementsPinned,
  managedCommand,
  nginxSyntax,
  apacheSyntax,
  proxyRequest,
  certificateChain,
  acmeChallenge,
  renewalHook,
  pythonSyntax,
  rule,
  http,
  envMatrix,
  leakReport,
  serverSettings,
  clientView,
  rateLimit,
  logTrail,
  logSecrets,
]);
export type CheckSpec = z.infer<typeof checkSpec>;
export type CheckSpecInput = z.input<typeof checkSpec>;
export type RequestSpec = z.infer<typeof requestSpec>;
