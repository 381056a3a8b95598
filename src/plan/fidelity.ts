/**
 * docs/FIDELITY.md, generated from the plan tables (`npm run fidelity`, scripts/fidelity.ts): per
 * deployer × resource kind × action, the calls with their condition and source; the calls the
 * deployers make that are not planned, and why; what could not be confirmed. A test compares the
 * file with {@link renderFidelity} and fails when a planned call has no source.
 */
import type { CallSource, Deployer, PlannedCall, ResourceKind } from '../types.js';
import { DEPLOYERS } from '../types.js';
import { planMatrix, referenceLookups, SAMPLE_DIVISION, type PlanEntry } from './matrix.js';
import { ARCHY_UNCONFIRMED } from './flows.js';
import { ARCHITECT_SCRIPTING, PROVIDER, providerCode, WIZARD, wizardCode, architectScriptingDocs } from './sources.js';
import { RC_HOME_DEFAULT, RC_MOVE_OBJECTS } from '../domain/divisions.js';
import { step } from './step.js';
import { PROVIDER_CALLS } from './terraform/tables.js';
import { sourceOf } from './terraform/conditions.js';
import { CX_AS_CODE as CX_AS_CODE_DOCS } from '../catalog/data/cx-as-code.generated.js';

/** A call a deployer makes that no plan lists, with the reason and the source. */
export interface NotPlanned {
  deployer: Deployer;
  kind: ResourceKind;
  call: string;
  why: string;
  source: CallSource;
}

/** Calls the deployers make that the plans leave out: they need no Genesys permission, or only follow a failure. */
export const NOT_PLANNED: readonly NotPlanned[] = [
  {
    deployer: 'cx-as-code',
    kind: 'flow',
    call: 'PUT {presignedUrl}',
    why: 'upload of the flow YAML to the presigned S3 URL the job returns: not a Genesys Cloud API call, no permission',
    source: providerCode('architect_flow/resource_genesyscloud_flow.go', 'L176-L178'),
  },
  {
    deployer: 'cx-as-code',
    kind: 'flow',
    call: 'GET /api/v2/flows/{flowId}',
    why: 'on update, only when the state has no name (normally set by the previous read); the read-back makes the same call',
    source: providerCode('architect_flow/resource_genesyscloud_flow.go', 'L116-L122'),
  },
  {
    deployer: 'cx-as-code',
    kind: 'script',
    call: 'DELETE /api/v2/scripts/{scriptId}',
    why: 'on create, only after publishing failed (clean-up): the deploy has already failed',
    source: providerCode('scripts/genesyscloud_scripts_proxy.go', 'L471-L480'),
  },
  {
    deployer: 'api',
    kind: 'premiumApp',
    call: 'PKCE login',
    why: 'the wizard signs the installing user in (OAuth, not a Platform API call)',
    source: wizardCode('main.js', 'L53-L58'),
  },
  {
    deployer: 'api',
    kind: 'premiumApp',
    call: 'POST {vendor backend}/provision',
    why: "only with enableCustomSetupStepAfterInstall (shipped false); the vendor's own backend, not the Platform API",
    source: wizardCode('modules/post-custom-setup.js', 'L46'),
  },
];

/** One fact that could not be confirmed, and how the plans treat it. */
export interface Unconfirmed {
  topic: string;
  text: string;
}

const asLink = (page: string, from: number, to: number) =>
  link(architectScriptingDocs(page, from, to, ''), `${page} l.${from}–${to}`);

/** What could not be confirmed (issue 11 research: Archy and Architect Scripting, the wizard, division moves). */
export const NOT_CONFIRMED: readonly Unconfirmed[] = [
  {
    topic: 'Archy',
    text: `Which Platform API calls \`archy publish|create|update|delete\` make, in what order: Archy and the Architect Scripting runtime are closed source and the docs name no REST call. Every Archy call but the session stands for a documented Architect Scripting step (marked "not confirmed" in the tables).`,
  },
  {
    topic: 'Archy',
    text: `Whether \`archy publish\` of a flow whose name exists deletes and recreates it (Architect Scripting's \`publishAsync\` does, ${asLink('index.html', 273, 276)}; it would then also need \`architect:flow:add\` in the division) or checks the flow out and updates it. The plans require the delete (when the flow exists) and the update calls.`,
  },
  {
    topic: 'Archy',
    text: `The \`--forceUnlock\` flag: seen only in third-party scripts; modelled as \`POST /api/v2/flows/actions/unlock\` (\`architect:flow:unlock\`), which Architect Scripting names for a forced checkout (${asLink('ArchFactoryFlows.html', 739, 739)}).`,
  },
  {
    topic: 'Archy',
    text: `\`archy update\` and \`archy delete\`: no Archy page found documents them; Architect Scripting documents no delete method. The delete plan uses \`DELETE /api/v2/flows/{flowId}\`.`,
  },
  {
    topic: 'Archy',
    text: `The permission each referenced object type needs at publish: Architect Scripting states the rule only in general (${asLink('index.html', 77, 81)}); the plans use the view permission of each type's lookup endpoint.`,
  },
  {
    topic: 'Archy',
    text: `The OAuth scopes the session itself needs with a user token: the docs give an example list, not a requirement (${asLink('index.html', 113, 118)}); the session step needs no scope of its own and the flow calls' scopes are checked.`,
  },
  {
    topic: 'Archy',
    text: `Whether Archy checks \`architect:ui:view\` itself or inherits Architect Scripting's check (either way the session needs it), and the exact console line for a missing permission (\`Architect Scripting session ended in error ( code: 99 )\` appears only in third-party code; exit code 99: ${asLink('ArchSession.html', 646, 649)}).`,
  },
  {
    topic: 'Archy',
    text: `The call Architect Scripting makes to read an OAuth client's roles at start-up (${asLink('changelog.html', 1012, 1012)}): not documented, not planned.`,
  },
  {
    topic: 'CX-as-Code',
    text: `What the Architect import job checks when it creates, updates and publishes the flow inside Genesys Cloud (reported \`unverifiable\`), and whether it resolves the flow's referenced names with the client's rights (planned as lookups, inferred).`,
  },
  {
    topic: 'CX-as-Code',
    text: `\`POST /uploads/v2/scripter\` (script import upload, outside /api/v2) and \`DELETE /api/v2/scripts/{scriptId}\` (not in the swagger) publish no permission: reported \`unverifiable\`.`,
  },
  {
    topic: 'Division moves',
    text: `The edit permission a **script** move needs: the Resource Center names it for users, flows, queues, campaigns, contact and DNC lists, business and management units only (${link({ kind: 'docs', url: RC_MOVE_OBJECTS }, 'Move objects from one division to another')}); \`scripter:script:edit\` is inferred by analogy.`,
  },
  {
    topic: 'Division moves',
    text: `The division an existing object is moved **from** is not known offline: a new script leaves Home (it is created without a division, ${link({ kind: 'docs', url: RC_HOME_DEFAULT }, 'objects default to Home')}), so edit is required in Home and in the target; an existing script is taken to be in the target division already (the same requirement). A script moved by hand elsewhere since also needs edit in that division.`,
  },
  {
    topic: 'Division moves',
    text: 'Whether Archy or the CX-as-Code import job moves an existing flow whose file names another division (a move needs `architect:flow:edit` in both divisions, Resource Center "Architect > Flow > Edit: Move any flow type from one division to another"), and whether a schedule group PUT with another division in its body is checked as a move: neither is documented; the plans check the target division only. Queue and user moves are Terraform-only (the importer plans them).',
  },
  {
    topic: 'Division moves',
    text: '`authorization:division:edit` ("edit a division\'s … currently assigned objects") is not required: the move page does not list it and the API reference says the move endpoint requires no permission.',
  },
  {
    topic: 'Premium-app wizard',
    text: `The data table lands in Home: its POST body has no division (${link(wizardCode('modules/data-table.js', 'L82-L94'), 'data-table.js l.82–94')}) and objects without one belong to Home (inferred).`,
  },
  {
    topic: 'Premium-app wizard',
    text: `An OAuth client can only get roles the installing user holds: stated by the wizard's comment (${link(wizardCode('modules/role.js', 'L109-L110'), 'role.js l.109–110')}) and the provider docs ("The roles must also already be assigned to the OAuth Client used by Terraform.", ${link({ kind: 'code', ...PROVIDER, path: 'docs/resources/oauth_client.md', lines: 'L93' }, 'oauth_client.md l.93')}); no Developer Center or Resource Center sentence found, and the API error for breaking it is not documented. The wizard grants the roles first (\`PUT /api/v2/authorization/roles/{roleId}/users/add\`). That the installing user must hold \`employee\` (the role the client is created with) is inferred.`,
  },
  {
    topic: 'Premium-app wizard',
    text: `The instance the install is recorded on is the first client app of the app's integration type (${link(wizardCode('wizard.js', 'L56-L71'), 'wizard.js l.56–71')}), not necessarily the one the wizard runs from.`,
  },
  {
    topic: 'Premium-app wizard',
    text: "Which conditional calls an install makes depends on the vendor's config (autoEnable, autoPublish, credential types, client grant type): every module in `provision` is planned with all its conditional calls.",
  },
];

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A markdown link to a source. */
export function link(s: CallSource, label?: string): string {
  switch (s.kind) {
    case 'code': {
      const first = s.lines?.split(',')[0];
      const url = `https://github.com/${s.repo}/blob/${s.commit}/${s.path}${first ? `#${first}` : ''}`;
      return `[${label ?? `${s.path.split('/').pop()}${s.lines ? ` ${s.lines}` : ''}`}](${url})`;
    }
    case 'docs': {
      if (label) return `[${label}](${s.url})`;
      const api = /api-explorer#(.*)$/.exec(s.url);
      if (api) return `[API reference](${s.url})`;
      const as = /purecloud-flow-scripting-api-sdk-javascript\/blob\/[0-9a-f]+\/docs\/([^#]+)#L(\d+)-L(\d+)$/.exec(
        s.url,
      );
      if (as) return `[Architect Scripting ${as[1]} l.${as[2]}${as[3] !== as[2] ? `–${as[3]}` : ''}](${s.url})`;
      return `[${s.url.replace(/^https:\/\//, '')}](${s.url})`;
    }
    case 'provider-docs':
      return `[${s.type} docs](${s.url}) (from the provider docs, not its code)`;
  }
}

/** The division cell of a call. */
const divisionOf = (c: PlannedCall) => (c.division ? c.division : c.divisionBound ? "object's" : 'org-wide');

function row(i: number, c: PlannedCall): string {
  const call = `\`${c.method} ${c.path}\``;
  const rule = c.requiresSource ? ` (${link(c.requiresSource, 'rule')})` : '';
  const needs = c.requires
    ? ` — needs ${c.requires.values.map((v) => `\`${v}\``).join(c.requires.mode === 'ALL' ? ' and ' : ' or ')}${rule}`
    : '';
  const unconfirmed = c.unconfirmed?.startsWith(ARCHY_UNCONFIRMED)
    ? ' (not confirmed)'
    : c.unconfirmed?.startsWith('inferred')
      ? ' (inferred)'
      : '';
  const source = c.source ? link(c.source) : '**none**';
  return `| ${i} | ${call} | ${esc(c.purpose + needs)} | ${esc(c.when ?? 'always')} | ${divisionOf(c)} | ${source}${unconfirmed} |`;
}

function table(calls: readonly PlannedCall[]): string[] {
  return [
    '| # | call | purpose | condition | division | source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...calls.map((c, i) => row(i + 1, c)),
  ];
}

/** Source counts of one deployer's planned calls (each kind × action × call once). */
export function sourceCounts(entries: readonly PlanEntry[]): {
  calls: number;
  code: number;
  docs: number;
  providerDocs: number;
  none: number;
  unconfirmed: number;
} {
  const n = { calls: 0, code: 0, docs: 0, providerDocs: 0, none: 0, unconfirmed: 0 };
  for (const e of entries) {
    for (const c of e.calls) {
      n.calls++;
      if (!c.source) n.none++;
      else if (c.source.kind === 'code') n.code++;
      else if (c.source.kind === 'docs') n.docs++;
      else n.providerDocs++;
      if (c.unconfirmed?.startsWith(ARCHY_UNCONFIRMED)) n.unconfirmed++;
    }
  }
  return n;
}

const KIND_TITLE: Record<string, string> = {
  flow: 'flow',
  script: 'script',
  scheduleGroup: 'schedule group',
  wfmAgentAssignment: 'WFM agent assignment',
  wfmSchedule: 'WFM schedule',
  premiumApp: 'premium app (wizard)',
};
const DEPLOYER_TITLE: Record<Deployer, string> = {
  archy: 'Archy (Architect Scripting docs; Archy is closed source)',
  'cx-as-code': 'CX-as-Code (terraform-provider-genesyscloud code, v1.84.1)',
  api: "api (your own code; premium apps: the wizard's code)",
};

/**
 * The section on `genesyscloud_*` types in Terraform plans: per type × action, every call the
 * provider's code makes, with its condition on the plan (src/plan/terraform).
 */
function terraformTypes(): string[] {
  const types = Object.keys(PROVIDER_CALLS).sort();
  const calls = types.reduce(
    (n, t) => n + (['create', 'update', 'delete'] as const).reduce((m, a) => m + PROVIDER_CALLS[t]![a].length, 0),
    0,
  );
  const docsOnly = Object.keys(CX_AS_CODE_DOCS).filter(
    (t) => !Object.hasOwn(PROVIDER_CALLS, t) && t !== 'genesyscloud_flow' && t !== 'genesyscloud_script',
  );
  const out = [
    '## CX-as-Code resource types in Terraform plans (provider code)',
    '',
    `${types.length} types, ${calls} calls (create, update, delete), each read from the provider's code at the pinned commit,`,
    'the line of the SDK call cited; `genesyscloud_flow` and `genesyscloud_script` are the flow and script tables above.',
    "A condition is tested on the plan's change (`before`/`after`/`after_unknown`); a value known only after apply,",
    'or org state a plan cannot show, keeps the call. Re-check every citation with',
    '`npx tsx scripts/verify-provider-calls.ts --repo <clone of the provider>`.',
    '',
    `The other ${docsOnly.length} types of the provider docs' "API Usage" table are planned from that table and say so`,
    'in findings ("from the provider docs, not its code").',
    '',
  ];
  for (const t of types) {
    const e = PROVIDER_CALLS[t]!;
    out.push(`### ${t}`, '');
    for (const action of ['create', 'update', 'delete'] as const) {
      out.push(`#### ${action}`, '');
      if (!e[action].length) {
        out.push('No API call.', '');
        continue;
      }
      out.push(
        ...table(
          e[action].map((c) =>
            step(c.call, c.purpose, sourceOf(c), {
              ...(c.org ? { org: true } : {}),
              ...(c.when ? { when: c.when } : {}),
            }),
          ),
        ),
        '',
      );
    }
    if (e.notes) out.push(`Open: ${esc(e.notes)}`, '');
  }
  return out;
}

/** The text of docs/FIDELITY.md. */
export function renderFidelity(): string {
  const matrix = planMatrix();
  const out: string[] = [
    '# Plan fidelity: what each deployer calls, and where that is written',
    '',
    '<!-- Generated by `npm run fidelity` (scripts/fidelity.ts) from the plan tables in src/plan. Do not edit. -->',
    '',
    'For each deployer × resource kind × action, the calls genesys-preflight plans, in order, with the',
    'condition under which the deployer makes each call and the source of that fact. The checks',
    "(`check`, `policy`, `explain`, the JSON report's `requirements[].source`) use exactly these calls.",
    `Sample resource: every conditional branch taken (force unlock set, division ${SAMPLE_DIVISION}, every`,
    'premium-app wizard module); `exists: true|false` in the manifest drops the branch that does not apply.',
    'A test (`__tests__/fidelity/`) fails when a planned call has no source or when this file is stale.',
    '',
    'Sources, pinned:',
    '',
    `- CX-as-Code: [${PROVIDER.repo}](https://github.com/${PROVIDER.repo}) v1.84.1, commit \`${PROVIDER.commit}\` (code).`,
    `- Archy: Architect Scripting docs, [${ARCHITECT_SCRIPTING.repo}](https://github.com/${ARCHITECT_SCRIPTING.repo}) commit \`${ARCHITECT_SCRIPTING.commit}\`, \`docs/*.html\`.`,
    `- Premium-app wizard: [${WIZARD.repo}](https://github.com/${WIZARD.repo}) commit \`${WIZARD.commit}\`, \`docs/wizard/scripts/\` (code).`,
    '- api: the Platform API reference of each operation (Developer Center API explorer, anchors as the provider docs link them).',
    `- Division moves: Resource Center, [Move objects from one division to another](${RC_MOVE_OBJECTS}).`,
    '',
    "Division column: `object's` = the resource's division; `org-wide` = any division; a name = that division whatever the resource's.",
    '',
    '## Summary',
    '',
    '| deployer | planned calls (kind × action × call) | from code | from docs | from provider docs only | no source | not confirmed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const d of DEPLOYERS) {
    const n = sourceCounts(matrix.filter((e) => e.deployer === d));
    out.push(`| ${d} | ${n.calls} | ${n.code} | ${n.docs} | ${n.providerDocs} | ${n.none} | ${n.unconfirmed} |`);
  }
  out.push(
    '',
    "`api` calls cite the Platform API reference (docs) except premium apps, which cite the wizard's code.",
    '',
  );
  for (const d of DEPLOYERS) {
    out.push(`## ${DEPLOYER_TITLE[d]}`, '');
    const kinds = [...new Set(matrix.filter((e) => e.deployer === d).map((e) => e.kind))];
    for (const kind of kinds) {
      out.push(`### ${KIND_TITLE[kind] ?? kind}`, '');
      const entries = matrix.filter((e) => e.deployer === d && e.kind === kind);
      // Actions whose tables are identical share one table.
      const groups: Array<{ actions: string[]; rows: string[] }> = [];
      for (const e of entries) {
        const rows = table(e.calls);
        const same = groups.find((g) => g.rows.join('\n') === rows.join('\n'));
        if (same) same.actions.push(e.action);
        else groups.push({ actions: [e.action], rows });
      }
      for (const g of groups) out.push(`#### ${g.actions.join(', ')}`, '', ...g.rows, '');
      if (kind === 'flow') {
        out.push(
          '#### lookups of the names a flow file references (every action but delete)',
          '',
          ...table(referenceLookups(d)),
          '',
        );
      }
    }
  }
  out.push(...terraformTypes());
  out.push(
    '## Calls the deployers make that are not planned',
    '',
    '| deployer | kind | call | why | source |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const n of NOT_PLANNED)
    out.push(`| ${n.deployer} | ${KIND_TITLE[n.kind] ?? n.kind} | \`${n.call}\` | ${esc(n.why)} | ${link(n.source)} |`);
  out.push('', '## Not confirmed', '');
  for (const topic of [...new Set(NOT_CONFIRMED.map((u) => u.topic))]) {
    out.push(`### ${topic}`, '');
    for (const u of NOT_CONFIRMED.filter((x) => x.topic === topic)) out.push(`- ${u.text}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
