/**
 * A fake GitHub REST API for tests, on 127.0.0.1 (ephemeral port). It speaks the real
 * paths, status codes and shapes of the issue-comment endpoints:
 *
 * - `GET    {prefix}/repos/{owner}/{repo}/issues/{issue_number}/comments` (paginated:
 *   `per_page` default 30, max 100; `page`; `Link` header with first/prev/next/last)
 * - `POST   {prefix}/repos/{owner}/{repo}/issues/{issue_number}/comments` → 201 IssueComment
 * - `PATCH  {prefix}/repos/{owner}/{repo}/issues/comments/{comment_id}` → 200 IssueComment
 * - `DELETE {prefix}/repos/{owner}/{repo}/issues/comments/{comment_id}` → 204
 * - `GET    {prefix}/repos/{owner}/{repo}/issues` (`state` open|closed|all, default open; `labels`
 *   comma-separated, all required; paginated like the comments) → Issue[]
 * - `POST   {prefix}/repos/{owner}/{repo}/issues` {title, body, labels} → 201 Issue
 * - `PATCH  {prefix}/repos/{owner}/{repo}/issues/{issue_number}` {title, body, state, state_reason} → 200 Issue
 * - `GET    {prefix}/user` → 200 with the configured `user` (a personal or user-to-server
 *   token), else 403 "Resource not accessible by integration", as GitHub answers the
 *   workflow's GITHUB_TOKEN and App installation tokens
 *
 * Errors in GitHub's shape: 401 "Bad credentials" for a wrong/missing token (when a token
 * is configured), 403 "Resource not accessible by integration" for writes when
 * `forbiddenWrites`, 404 "Not Found", 422 for a missing or too long body. Queue a one-off
 * answer with `faults`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue comment as GitHub returns it (the fields clients read), plus where it lives. */
export interface FakeComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  author_association: string;
  created_at: string;
  updated_at: string;
  /** Not part of GitHub's answer: `owner/repo`. */
  repository: string;
  /** Not part of GitHub's answer: the issue/PR number. */
  issueNumber: number;
}

/** An issue as GitHub returns it (the fields clients read), plus where it lives. */
export interface FakeIssue {
  id: number;
  number: number;
  url: string;
  html_url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: Array<{ name: string }>;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  /** Present on pull requests (the issues listing returns both). */
  pull_request?: { url: string };
  /** Not part of GitHub's answer: `owner/repo`. */
  repository: string;
}

/** One request seen by the fake. The Authorization value itself is never stored. */
export interface FakeRequest {
  method: string;
  /** Path without the query string, prefix included. */
  path: string;
  /** The query string parameters. */
  query: Record<string, string>;
  /** Whether an Authorization header was sent. */
  authorization: boolean;
}

/** A one-off answer for the next request that matches `method` and `path` (any when absent). */
export interface FakeFault {
  method?: string;
  /** Matches when the request path (prefix included) ends with this text, e.g. `/user`. */
  path?: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHubOptions {
  /** Accepted token (`token X` or `Bearer X`); when absent, any request is accepted. */
  token?: string;
  /** Answer POST, PATCH and DELETE with 403 "Resource not accessible by integration". */
  forbiddenWrites?: boolean;
  /** Path prefix of the API, e.g. `/api/v3` to act as GitHub Enterprise Server. Default ''. */
  pathPrefix?: string;
  /** When given, only these `owner/repo` exist; others answer 404. */
  repositories?: string[];
  /** Login of the author of comments created through the API. Default: `user.login`, else `github-actions[bot]`. */
  login?: string;
  /**
   * The token's user, served by `GET /user` (a personal access token). When absent, `GET /user`
   * answers 403 as for GITHUB_TOKEN and App installation tokens.
   */
  user?: { login: string; type?: 'User' | 'Bot' };
}

export interface FakeGitHub {
  /** API base URL to give the client, e.g. `http://127.0.0.1:PORT/api/v3`. */
  url: string;
  /** All comments, oldest first (state: tests may read it). */
  comments: FakeComment[];
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** One-off answers, consumed first-in first-out by the next matching request. */
  faults: FakeFault[];
  /** Adds a comment directly (seeding); returns it. `createdAt` defaults to now. */
  /** `login` defaults to the login of comments created through the API; `type` to Bot for `…[bot]`, else User. */
  addComment(c: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    login?: string;
    type?: 'Bot' | 'User';
    createdAt?: Date;
  }): FakeComment;
  /** All issues (and pull requests seeded as issues), by creation. */
  issues: FakeIssue[];
  /** Adds an issue directly (seeding): `login` defaults like comments; `pullRequest` makes it a PR. */
  addIssue(i: {
    owner: string;
    repo: string;
    title: string;
    body: string;
    labels?: string[];
    login?: string;
    state?: 'open' | 'closed';
    pullRequest?: boolean;
  }): FakeIssue;
  /** The comments of one issue, oldest first. */
  commentsOn(owner: string, repo: string, issueNumber: number): FakeComment[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest/issues/comments';

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const prefix = (opts.pathPrefix ?? '').replace(/\/+$/, '');
  const comments: FakeComment[] = [];
  const requests: FakeRequest[] = [];
  const faults: FakeFault[] = [];
  let nextId = 1_000_000_001;
  let origin = '';

  const addComment: FakeGitHub['addComment'] = (c) => {
    const id = nextId++;
    const repository = `${c.owner}/${c.repo}`;
    const apiBase = `${origin}${prefix}/repos/${repository}`;
    const when = (c.createdAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const login = c.login ?? opts.login ?? opts.user?.login ?? 'github-actions[bot]';
    const type = c.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User');
    const comment: FakeComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(String(id)).toString('base64url')}`,
      url: `${apiBase}/issues/comments/${id}`,
      html_url: `${origin}/${repository}/pull/${c.issueNumber}#issuecomment-${id}`,
      issue_url: `${apiBase}/issues/${c.issueNumber}`,
      body: c.body,
      user: { login, id: type === 'Bot' ? 41898282 : 1000, type },
      author_association: 'NONE',
      created_at: when,
      updated_at: when,
      repository,
      issueNumber: c.issueNumber,
    };
    comments.push(comment);
    return comment;
  };
  const issues: FakeIssue[] = [];
  let nextNumber = 1;
  const addIssue: FakeGitHub['addIssue'] = (i) => {
    const number = nextNumber++;
    const repository = `${i.owner}/${i.repo}`;
    const when = new Date(Date.now() + number).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const login = i.login ?? opts.login ?? opts.user?.login ?? 'github-actions[bot]';
    const issue: FakeIssue = {
      id: 2_000_000_000 + number,
      number,
      url: `${origin}${prefix}/repos/${repository}/issues/${number}`,
      html_url: `${origin}/${repository}/issues/${number}`,
      title: i.title,
      body: i.body,
      state: i.state ?? 'open',
      state_reason: null,
      labels: (i.labels ?? []).map((name) => ({ name })),
      user: { login, id: login.endsWith('[bot]') ? 41898282 : 1000, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: when,
      updated_at: when,
      ...(i.pullRequest ? { pull_request: { url: `${origin}${prefix}/repos/${repository}/pulls/${number}` } } : {}),
      repository,
    };
    issues.push(issue);
    return issue;
  };
  const commentsOn: FakeGitHub['commentsOn'] = (owner, repo, issueNumber) =>
    comments.filter((c) => c.repository === `${owner}/${repo}` && c.issueNumber === issueNumber);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: `fake-github: ${String(error)}` }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: authorization !== undefined,
    });
    const raw = await readBody(req);

    const faultIndex = faults.findIndex(
      (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || url.pathname.endsWith(f.path)),
    );
    if (faultIndex >= 0) {
      const [fault] = faults.splice(faultIndex, 1);
      return send(
        res,
        fault!.status,
        fault!.body ?? { message: 'fault', status: String(fault!.status) },
        fault!.headers,
      );
    }
    if (opts.token !== undefined) {
      const presented = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
      if (presented !== opts.token) {
        return send(res, 401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
      }
    }
    if (!url.pathname.startsWith(`${prefix}/`)) return notFound(res);
    const path = url.pathname.slice(prefix.length);

    if (path === '/user' && method === 'GET') {
      if (!opts.user) {
        return send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      }
      const { login, type = 'User' } = opts.user;
      return send(res, 200, {
        login,
        id: 1000,
        node_id: 'U_kgDOfake',
        type,
        site_admin: false,
        html_url: `${origin}/${login}`,
      });
    }

    const issueList = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(path);
    const issueOne = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (issueList || issueOne)
      return handleIssues(req, res, method, url, raw, (issueList ?? issueOne)!, issueOne !== null);
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    const repository = list ? `${list[1]}/${list[2]}` : one ? `${one[1]}/${one[2]}` : undefined;
    if (!repository || (opts.repositories && !opts.repositories.includes(repository))) return notFound(res);
    const isWrite = method === 'POST' || method === 'PATCH' || method === 'DELETE';
    if (isWrite && opts.forbiddenWrites) {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}#${method === 'POST' ? 'create' : method === 'PATCH' ? 'update' : 'delete'}-an-issue-comment`,
        status: '403',
      });
    }

    if (list && method === 'GET') {
      const all = commentsOn(list[1]!, list[2]!, Number(list[3]));
      const perPage = clamp(Number(url.searchParams.get('per_page') ?? 30), 1, 100, 30);
      const page = clamp(Number(url.searchParams.get('page') ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      const link = linkHeader(url, page, last);
      if (link) headers.link = link;
      return send(res, 200, all.slice((page - 1) * perPage, page * perPage).map(publicShape), headers);
    }
    if (list && method === 'POST') {
      const body = parseBody(raw);
      if (body === undefined) return invalid(res, 'Invalid request.\n\n"body" wasn\'t supplied.');
      if (body.length > 65536) return tooLong(res);
      const created = addComment({ owner: list[1]!, repo: list[2]!, issueNumber: Number(list[3]), body });
      return send(res, 201, publicShape(created), { location: created.url });
    }
    if (one) {
      const comment = comments.find((c) => c.id === Number(one[3]) && c.repository === repository);
      if (!comment) return notFound(res);
      if (method === 'GET') return send(res, 200, publicShape(comment));
      if (method === 'PATCH') {
        const body = parseBody(raw);
        if (body === undefined) return invalid(res, 'Invalid request.\n\n"body" wasn\'t supplied.');
        if (body.length > 65536) return tooLong(res);
        comment.body = body;
        comment.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        return send(res, 200, publicShape(comment));
      }
      if (method === 'DELETE') {
        comments.splice(comments.indexOf(comment), 1);
        res.writeHead(204).end();
        return;
      }
    }
    return notFound(res);
  }

  async function handleIssues(
    _req: IncomingMessage,
    res: ServerResponse,
    method: string,
    url: URL,
    raw: string,
    m: RegExpExecArray,
    single: boolean,
  ): Promise<void> {
    const repository = `${m[1]}/${m[2]}`;
    if (opts.repositories && !opts.repositories.includes(repository)) return notFound(res);
    if ((method === 'POST' || method === 'PATCH') && opts.forbiddenWrites) {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/issues',
        status: '403',
      });
    }
    const fields = (): Record<string, unknown> | undefined => {
      try {
        const v: unknown = JSON.parse(raw);
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    if (!single && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const all = issues.filter(
        (i) =>
          i.repository === repository &&
          (state === 'all' || i.state === state) &&
          labels.every((l) => i.labels.some((x) => x.name === l)),
      );
      const perPage = clamp(Number(url.searchParams.get('per_page') ?? 30), 1, 100, 30);
      const page = clamp(Number(url.searchParams.get('page') ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      const link = linkHeader(url, page, last);
      if (link) headers.link = link;
      return send(res, 200, all.slice((page - 1) * perPage, page * perPage).map(issueShape), headers);
    }
    if (!single && method === 'POST') {
      const f = fields();
      if (!f || typeof f.title !== 'string' || !f.title)
        return invalid(res, 'Invalid request.\n\n"title" wasn\'t supplied.');
      const body = typeof f.body === 'string' ? f.body : '';
      if (body.length > 65536) return tooLong(res);
      const labels = Array.isArray(f.labels) ? f.labels.filter((l): l is string => typeof l === 'string') : [];
      const created = addIssue({ owner: m[1]!, repo: m[2]!, title: f.title, body, labels });
      return send(res, 201, issueShape(created), { location: created.url });
    }
    if (single) {
      const issue = issues.find((i) => i.repository === repository && i.number === Number(m[3]));
      if (!issue) return notFound(res);
      if (method === 'GET') return send(res, 200, issueShape(issue));
      if (method === 'PATCH') {
        const f = fields();
        if (!f) return invalid(res, 'Problems parsing JSON');
        if (typeof f.body === 'string') {
          if (f.body.length > 65536) return tooLong(res);
          issue.body = f.body;
        }
        if (typeof f.title === 'string') issue.title = f.title;
        if (f.state === 'open' || f.state === 'closed') issue.state = f.state;
        if (f.state_reason === 'completed' || f.state_reason === 'not_planned' || f.state_reason === 'reopened')
          issue.state_reason = f.state_reason;
        issue.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        return send(res, 200, issueShape(issue));
      }
    }
    return notFound(res);
  }

  /** GitHub's Link header: absolute URLs, the request's other query parameters kept. */
  function linkHeader(url: URL, page: number, last: number): string {
    const at = (p: number) => {
      const target = new URL(url.pathname + url.search, origin);
      target.searchParams.set('page', String(p));
      return `<${target.toString()}>`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1) parts.push(`${at(1)}; rel="first"`);
    return parts.join(', ');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${prefix}`,
    comments,
    issues,
    requests,
    faults,
    addComment,
    addIssue,
    commentsOn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function issueShape(i: FakeIssue): Omit<FakeIssue, 'repository'> {
  const { repository: _repository, ...shape } = i;
  return shape;
}

function publicShape(c: FakeComment): Omit<FakeComment, 'repository' | 'issueNumber'> {
  const { repository: _repository, issueNumber: _issueNumber, ...shape } = c;
  return shape;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10).toUpperCase()}`,
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse): void {
  send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
}

function invalid(res: ServerResponse, message: string): void {
  send(res, 422, { message, documentation_url: `${DOCS}#create-an-issue-comment`, status: '422' });
}

function tooLong(res: ServerResponse): void {
  send(res, 422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
    documentation_url: `${DOCS}#create-an-issue-comment`,
    status: '422',
  });
}

function parseBody(raw: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    const body = typeof parsed === 'object' && parsed !== null ? (parsed as { body?: unknown }).body : undefined;
    return typeof body === 'string' ? body : undefined;
  } catch {
    return undefined;
  }
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
