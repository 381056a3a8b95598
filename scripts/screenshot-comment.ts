/**
 * Screenshot of the sticky PR comment, as GitHub would show it (docs/pr-comment.png).
 *
 *   npx tsx scripts/screenshot-comment.ts [--out docs/pr-comment.png] [--html page.html]
 *
 * Runs the offline check on examples/genesys-preflight.yml, builds the comment body exactly as
 * the action does (sticky marker + markdown report), renders it with `marked` (GitHub-flavoured
 * markdown), wraps it in a page styled like a GitHub PR comment and takes a screenshot with
 * headless Chromium (/usr/bin/chromium; `apt-get install -y chromium`). For colour emoji as on
 * GitHub, also install `fonts-noto-color-emoji`.
 *
 * Only the screenshot page differs from the real comment: the "blocked calls" <details> is open,
 * so the picture shows the per-call table. `--html` keeps the generated page for inspection.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import { runCheck } from '../src/engine.js';
import { exitCode } from '../src/report/model.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { stickyMarker } from '../src/github/marker.js';

const CHROMIUM = '/usr/bin/chromium';
const MANIFEST = 'examples/genesys-preflight.yml';
/** Workflow name in the sticky marker, and a placeholder run link (the example has no real run). */
const WORKFLOW = 'Deploy';
const RUN_URL = 'https://github.com/acme/contact-center/actions/runs/123456789';
const WIDTH = 1000;

function usage(message?: string): never {
  if (message) console.error(`screenshot-comment: ${message}`);
  console.error('usage: npx tsx scripts/screenshot-comment.ts [--out docs/pr-comment.png] [--html page.html]');
  process.exit(message ? 2 : 0);
}

function parseArgs(argv: string[]): { out: string; html?: string } {
  let out = 'docs/pr-comment.png';
  let html: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) usage(`${flag} needs a value`);
      return v;
    };
    if (flag === '--out') out = value();
    else if (flag === '--html') html = value();
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  return { out: resolve(out), ...(html ? { html: resolve(html) } : {}) };
}

/**
 * Comment body → HTML. Two changes for the screenshot only: the "blocked calls" disclosure is
 * opened, and code spans in table cells may wrap after a `/` (a <wbr>; the text is unchanged).
 * GitHub only wraps code at spaces, so there the blocked-calls table is wider than the comment
 * and scrolls sideways; at the screenshot's width its last column would be cut off.
 */
function commentHtml(body: string): string {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  const html = marked.parse(body) as string;
  const opened = html.replace(/<details>(\s*<summary>\s*\d+ blocked calls?\s*<\/summary>)/g, '<details open>$1');
  if (opened === html) console.warn('screenshot-comment: no "blocked calls" <details> found; nothing expanded');
  return opened.replace(
    /<td([^>]*)>([\s\S]*?)<\/td>/g,
    (_m, attrs: string, cell: string) =>
      `<td${attrs}>${cell.replace(/<code>([\s\S]*?)<\/code>/g, (_c, text: string) => `<code>${text.replace(/\/(?=[^/])/g, '/<wbr>')}</code>`)}</td>`,
  );
}

/** Warns when no colour emoji font is installed (the report's ✅ ❌ ⚠️ would show as boxes). */
function checkEmojiFont(): void {
  const fc = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  if (fc.status === 0 && !/emoji/i.test(fc.stdout))
    console.warn('screenshot-comment: no emoji font found; install fonts-noto-color-emoji for GitHub-like emoji');
}

// Self-written stylesheet approximating a GitHub PR timeline comment (light theme).
const CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --border-muted: #d1d9e0b3;
  --canvas: #ffffff; --subtle: #f6f8fa; --link: #0969da; --code-bg: #818b981f;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--canvas); color: var(--fg); }
body { font-family: var(--sans); font-size: 14px; line-height: 1.5; }
.page { padding: 20px 16px 24px 16px; }
.timeline-item { display: flex; align-items: flex-start; gap: 14px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; overflow: hidden; }
.comment { flex: 1; min-width: 0; border: 1px solid var(--border); border-radius: 6px; background: var(--canvas); position: relative; }
.comment::before, .comment::after { content: ""; position: absolute; top: 11px; right: 100%; border: solid transparent; }
.comment::before { border-width: 8px; border-right-color: var(--border); }
.comment::after { margin-top: 1px; border-width: 7px; border-right-color: var(--subtle); }
.comment-header { display: flex; align-items: center; gap: 6px; padding: 8px 16px; background: var(--subtle); border-bottom: 1px solid var(--border); border-radius: 6px 6px 0 0; color: var(--muted); }
.comment-header .author { color: var(--fg); font-weight: 600; }
.comment-header .label { border: 1px solid var(--border); border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; line-height: 18px; color: var(--muted); }
.comment-header .spacer { flex: 1; }
.comment-header .dots { letter-spacing: 1px; font-weight: 700; }
.comment-body { padding: 16px; overflow-wrap: break-word; }
.comment-body > :first-child { margin-top: 0 !important; }
.comment-body > :last-child { margin-bottom: 0 !important; }
.comment-body p, .comment-body ul, .comment-body ol, .comment-body table, .comment-body details { margin: 0 0 16px; }
.comment-body h2, .comment-body h3 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
.comment-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid var(--border-muted); }
.comment-body h3 { font-size: 1.25em; }
.comment-body a { color: var(--link); text-decoration: none; }
.comment-body ul { padding-left: 2em; }
.comment-body li + li { margin-top: .25em; }
.comment-body strong { font-weight: 600; }
.comment-body code { font-family: var(--mono); font-size: 85%; padding: .2em .4em; margin: 0; border-radius: 6px; background: var(--code-bg); white-space: break-spaces; }
.comment-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.comment-body th, .comment-body td { padding: 6px 13px; border: 1px solid var(--border); }
.comment-body th { font-weight: 600; }
.comment-body tr { background: var(--canvas); border-top: 1px solid var(--border-muted); }
.comment-body tbody tr:nth-child(2n) { background: var(--subtle); }
.comment-body details summary { cursor: pointer; display: list-item; }
.comment-body details[open] > summary { margin-bottom: 16px; }
`;

// A plain, self-drawn avatar (not GitHub's logo): a dark circle with a gear-like tick.
const AVATAR = `<svg class="avatar" viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="20" r="20" fill="#24292f"/><path d="M12 21l5 5 11-12" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

function page(inner: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>genesys-preflight PR comment</title>
<style>${CSS}</style>
</head>
<body>
<div class="page" id="page">
  <div class="timeline-item">
    ${AVATAR}
    <div class="comment">
      <div class="comment-header">
        <span class="author">github-actions</span><span class="label">bot</span><span>commented now</span>
        <span class="spacer"></span><span class="dots">···</span>
      </div>
      <div class="comment-body">
${inner}
      </div>
    </div>
  </div>
</div>
<script>document.documentElement.setAttribute('data-height', String(Math.ceil(document.getElementById('page').getBoundingClientRect().bottom)));</script>
</body>
</html>
`;
}

function chromium(args: string[]): { stdout: string; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), 'preflight-chromium-'));
  try {
    const run = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        ...args,
      ],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.error) throw run.error;
    if (run.status !== 0)
      throw new Error(`chromium exited with ${run.status}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
    return { stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { out, html: keepHtml } = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) {
    console.error(
      `screenshot-comment: ${CHROMIUM} not found. Install it (e.g. \`apt-get install -y chromium\`) and run again.`,
    );
    process.exit(2);
  }
  checkEmojiFont();
  // The report names the manifest as given, so run from the repository root with the relative path.
  process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));

  const report = await runCheck({ manifestPath: MANIFEST, mode: 'offline' });
  const exit = exitCode(report, 'error');
  const body = stickyMarker(WORKFLOW, MANIFEST) + '\n' + renderMarkdown(report, exit, { runUrl: RUN_URL });
  const document = page(commentHtml(body));

  const dir = mkdtempSync(join(tmpdir(), 'preflight-comment-'));
  try {
    const file = join(dir, 'comment.html');
    writeFileSync(file, document);
    if (keepHtml) writeFileSync(keepHtml, document);
    const url = pathToFileURL(file).href;

    // Pass 1: lay the page out at the screenshot width and read its height back from the DOM.
    const dom = chromium([`--window-size=${WIDTH},800`, '--virtual-time-budget=2000', '--dump-dom', url]).stdout;
    const measured = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
    const height = Number.isFinite(measured) && measured > 0 ? measured : 2400;
    if (!(measured > 0)) console.warn('screenshot-comment: could not measure the page; using a tall window');

    // Pass 2: the screenshot, exactly as tall as the content.
    chromium([`--window-size=${WIDTH},${height}`, `--screenshot=${out}`, url]);
    if (!existsSync(out)) throw new Error(`chromium did not write ${out}`);
    console.log(
      `wrote ${out} (${WIDTH}x${height} px, ${statSync(out).size} bytes; exit code of the example check: ${exit})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`screenshot-comment: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
