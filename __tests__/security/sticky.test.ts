/**
 * Attack class 7 (issue 10): sticky comment hijack. Only a comment written by the token's own
 * identity (github-actions[bot] for the workflow token) and carrying our marker is ever edited;
 * a name holding marker text cannot make another workflow's run take over our comment.
 */
import { describe, it, expect } from '@jest/globals';
import type { FakeGitHub } from '../support/fake-github.js';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  OWNER,
  PR_NUMBER,
  REPO,
  allExit,
  exitCodes,
  fakeGitHub,
  flowFile,
  manifest,
  runCase,
  verdict,
  workspace,
} from './harness.js';

attackSuite();

const OUR_MARKER = '<!-- genesys-preflight:Preflight:genesys-preflight.yml -->';
const DEPLOY_MARKER = '<!-- genesys-preflight:Deploy:genesys-preflight.yml -->';
const MARKERS = /<!-- genesys-preflight:[^\n<>]*? -->/g;

/** Writes to one comment (PATCH or DELETE of its id). */
const writesTo = (github: FakeGitHub, id: number) =>
  github.requests.filter((q) => q.method !== 'GET' && q.path.endsWith(`/issues/comments/${id}`)).map((q) => q.method);
const ON_PR = { owner: OWNER, repo: REPO, issueNumber: PR_NUMBER };
/** A manifest deploying one flow named `flowName`. */
const files = (flowName: string) => ({
  'genesys-preflight.yml': manifest('flows:\n  - file: flows/main.yaml'),
  'flows/main.yaml': flowFile(flowName),
});

describe("class 7: the sticky comment is only ever this workflow's own", () => {
  it(
    'a comment by another user (mallory) carrying our marker is left untouched; the run writes its own',
    async () => {
      const github = await fakeGitHub();
      try {
        const bait = `${OUR_MARKER}\n## ✅ genesys-preflight: deploy allowed (mallory's fake report)`;
        const mallory = github.addComment({ ...ON_PR, body: bait, login: 'mallory', type: 'User' });
        const ws = workspace('hijack-mallory', files('Main IVR'));
        const r = await runCase(ws, { github });
        const ours = github.comments.filter((c) => c.id !== mallory.id);
        expect({
          exits: exitCodes(r),
          ...verdict(r, { seeded: [mallory.id] }),
          malloryBody: github.comments.find((c) => c.id === mallory.id)?.body,
          writesToMallory: writesTo(github, mallory.id),
          ours: ours.map((c) => ({ author: c.user.login, marked: c.body.startsWith(OUR_MARKER) })),
        }).toEqual({
          exits: allExit(r, 0),
          ...CLEAN,
          malloryBody: bait,
          writesToMallory: [],
          ours: [{ author: 'github-actions[bot]', marked: true }],
        });
      } finally {
        await github.close();
      }
    },
    CASE_TIMEOUT,
  );

  it(
    "a flow name holding another workflow's marker: that workflow's comment stays its own",
    async () => {
      const github = await fakeGitHub();
      try {
        const body = `${DEPLOY_MARKER}\nDeploy report`;
        const deploy = github.addComment({ ...ON_PR, body, login: 'github-actions[bot]' });
        const ws = workspace('hijack-marker', files(`Main ${DEPLOY_MARKER} NAME-marker-9c1e`));
        const first = await runCase(ws, { github });
        const deployWrites = writesTo(github, deploy.id);
        const ours = github.comments.find((c) => c.id !== deploy.id);
        const oursBody = ours?.body ?? '';
        // The Deploy workflow runs next on the same PR: it must update its own comment, not ours.
        await runCase(ws, { github, env: { GITHUB_WORKFLOW: 'Deploy' }, formats: [] });
        expect({
          exits: exitCodes(first),
          ...verdict(first, { planted: ['NAME-marker-9c1e'], seeded: [deploy.id] }),
          markersInOurs: [...oursBody.matchAll(MARKERS)].map((m) => m[0]),
          deployWritesDuringOurRun: deployWrites,
          oursAfterDeployRun: github.comments.find((c) => c.id === ours?.id)?.body === oursBody,
          deployStillItsOwn: github.comments.find((c) => c.id === deploy.id)?.body.startsWith(DEPLOY_MARKER),
        }).toEqual({
          exits: allExit(first, 0),
          ...CLEAN,
          markersInOurs: [OUR_MARKER],
          deployWritesDuringOurRun: [],
          oursAfterDeployRun: true,
          deployStillItsOwn: true,
        });
      } finally {
        await github.close();
      }
    },
    CASE_TIMEOUT,
  );
});
