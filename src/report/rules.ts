/**
 * What each finding code means, for the formats that describe their rules (SARIF `rules`, the
 * JUnit and GitLab outputs' check names): a title, a one-paragraph description, the fix, the
 * default level, and the page that documents it (docs/FINDINGS.md, one heading per code).
 * Codes: src/types.ts FINDING_CODES; the contract: docs/DESIGN.md and README "CLI".
 */
import { FINDING_CODES, type FindingCode } from '../types.js';

/** The project's home page (tool.driver.informationUri in SARIF). */
export const PROJECT_URL = 'https://github.com/genesys-preflight/genesys-preflight';

/** The page with one section per finding code. */
export const FINDINGS_DOC_URL = `${PROJECT_URL}/blob/main/docs/FINDINGS.md`;

/** One finding code described. */
export interface RuleDoc {
  /** A few words ("Missing role permission"). */
  title: string;
  /** What the finding means (one paragraph; code in backticks, the only markdown). */
  description: string;
  /** How to fix it (code in backticks, the only markdown). */
  fix: string;
  /** The level the code usually has (SARIF `defaultConfiguration.level`). */
  level: 'error' | 'warning' | 'note';
}

const DOCS: Record<string, RuleDoc> = {
  'manifest-invalid': {
    title: 'Manifest cannot be used',
    description:
      'The manifest or a file it names cannot be used: a syntax error, an unknown key, a duplicate org or resource, an unknown role, org or region, an unfilled placeholder, a path outside the workspace, a file over the size limit. The check stops (exit 2).',
    fix: 'Correct the manifest at the reported line; the message names the key and, for a misspelling, the likely intended one.',
    level: 'error',
  },
  'file-not-found': {
    title: 'File named by the manifest not found',
    description:
      'A file the manifest names (Archy flow file, options file, script export, Terraform plan, wizard config) does not exist or cannot be read. The check stops (exit 2).',
    fix: 'Commit the file, or correct its path (relative to the manifest).',
    level: 'error',
  },
  'missing-permission': {
    title: 'Missing role permission',
    description:
      'A call the deployer makes needs a role permission the deploy principal does not hold in any division (for an "any one of" set: none of its members). The deploy would fail with 403 Forbidden at that call.',
    fix: 'Add the permission the fix names to the role it names (or create a role with it), granted in the division it names.',
    level: 'error',
  },
  'missing-division-grant': {
    title: 'Permission not granted in the division',
    description:
      'The deploy principal holds the permission, but not in the division of the object the call touches. Division-aware calls need the permission from a role granted in that division (or in all divisions).',
    fix: 'Grant the role the fix names in that division too.',
    level: 'error',
  },
  'missing-scope': {
    title: 'Missing OAuth scope',
    description:
      "A user-token principal needs one of the operation's OAuth scopes as well as the permission; the token has none of them.",
    fix: 'Add the scope to the OAuth client (authorization code or implicit grant) and issue a new token.',
    level: 'error',
  },
  'org-mismatch': {
    title: 'Credentials reach another org',
    description:
      'The credentials of an org reach a Genesys Cloud org other than the one its `orgId` names, or two manifest orgs reach the same Genesys Cloud org with different declarations.',
    fix: 'Use the credentials of the intended org, or correct `orgs[].orgId`.',
    level: 'error',
  },
  'region-mismatch': {
    title: 'Region differs from the manifest',
    description:
      "`GENESYSCLOUD_REGION` (or the credentials' host) names a region other than the org's region in the manifest.",
    fix: 'Correct `orgs[].region` or the variable.',
    level: 'error',
  },
  'auth-failed': {
    title: 'Live check could not authenticate',
    description:
      'An org checked live has no usable credentials (unset variables for an org that must be checked live, or credentials Genesys Cloud refuses). The check stops (exit 2).',
    fix: 'Set `GENESYS_<ORG>_CLIENT_ID` and `GENESYS_<ORG>_CLIENT_SECRET` (or `GENESYS_<ORG>_ACCESS_TOKEN`) for the org, with valid values.',
    level: 'error',
  },
  'entitlement-missing': {
    title: 'Org lacks the product or app',
    description:
      "The org's products do not provide a permission the deploy needs (no role can grant it), or a premium app the manifest provisions is not enabled in the org.",
    fix: 'Enable the product or premium app for the org (a licence change), or remove the resource from this org.',
    level: 'error',
  },
  'unknown-permission': {
    title: 'Permission not in the vocabulary',
    description:
      "A permission written in the inputs is not in the bundled vocabulary (live: the org's permission catalog). It may be misspelt; it is not proven not to exist.",
    fix: 'Correct the spelling (the message suggests a spelling fix when one is close), or ignore when the name is new.',
    level: 'warning',
  },
  'unknown-scope': {
    title: 'OAuth scope not in the vocabulary',
    description:
      'An OAuth scope written in the inputs is not in the bundled vocabulary; the message points at the scope family.',
    fix: 'Correct the scope name.',
    level: 'warning',
  },
  'conditional-permission': {
    title: 'Conditional permission policy',
    description:
      'The permission comes from a policy with conditions, which cannot be evaluated before the deploy: the call may still be refused.',
    fix: 'Grant the permission without conditions to the deploy principal, or accept the risk.',
    level: 'warning',
  },
  unverifiable: {
    title: 'Call cannot be verified',
    description:
      'A call the deploy makes cannot be checked (outside the Platform API, not in the catalog, an org the manifest deploys nothing to, a failed live read). Never a silent pass; a failed live read stops the check (exit 2).',
    fix: 'Check the call by hand, use a fuller catalog, or retry the live read.',
    level: 'warning',
  },
  'scopes-ignored': {
    title: 'Scopes declared for client credentials',
    description:
      'The manifest declares OAuth scopes for a client-credentials principal; Genesys Cloud ignores scopes for that grant, so they decide nothing.',
    fix: 'Remove the scopes, or declare the principal as a user grant.',
    level: 'note',
  },
  'excess-permission': {
    title: 'Permission the deploy does not need',
    description: 'The deploy principal holds a permission (or a whole role) that no call of the deploy needs.',
    fix: 'Remove the permission from the role, or the role from the principal, as the fix says.',
    level: 'note',
  },
  'excess-division': {
    title: 'Role granted in an unneeded division',
    description: 'A role is granted in a division where none of the permissions the deploy uses from it is needed.',
    fix: "Remove the role's grant in that division.",
    level: 'note',
  },
  'wildcard-grant': {
    title: 'Wildcard grant',
    description:
      'The deploy relies on a wildcard permission (such as `architect:*:*`) or a grant in all divisions (`*`) where a few named ones would do.',
    fix: 'Replace the wildcard by the permissions or divisions the fix lists.',
    level: 'note',
  },
  'admin-role': {
    title: 'Administrator role',
    description:
      'The deploy principal holds a Genesys Cloud default administrator role (Master Admin, Admin), which grants every permission.',
    fix: 'Give the principal a least-privilege role instead (`genesys-preflight policy`).',
    level: 'note',
  },
  'unpredicted-403': {
    title: 'Deploy refusal check did not predict',
    description:
      "A call in a failed deploy's log was refused with 403 Forbidden, and no finding of the check predicted it (found when a deploy log is diagnosed): a gap in the deploy plans.",
    fix: 'Apply the fix the finding gives, and report the gap with the log excerpt.',
    level: 'error',
  },
};

/** The description of `code` (a generic one for a code this table does not know yet). */
export function ruleDoc(code: string): RuleDoc {
  return (
    DOCS[code] ?? {
      title: code.replace(/-/g, ' '),
      description: `genesys-preflight finding ${code}.`,
      fix: "See the finding's message and fix.",
      level: 'warning',
    }
  );
}

/** True when `code` has its own description (a test checks every code has one). */
export function hasRuleDoc(code: string): boolean {
  return Object.hasOwn(DOCS, code);
}

/**
 * The rule's friendly name (SARIF `reportingDescriptor.name`, §3.49.7): its title as one
 * Pascal-case identifier ("Missing OAuth scope" → `MissingOauthScope`). The Multitool's
 * SARIF rules want it Pascal case (SARIF2012) and different from the id (SARIF1001): a name made
 * from the code would equal `unverifiable` but for case, and `unpredicted-403` is no identifier.
 */
export function ruleName(code: string): string {
  const words = ruleDoc(code)
    .title.split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[A-Z]/.test(name) && name.toLowerCase() !== code.toLowerCase() ? name : `Finding${name}`;
}

/** A description or fix as plain text (the backticks of its code spans dropped). */
export function plainText(s: string): string {
  return s.replace(/`/g, '');
}

/** The documentation link of `code`: its section of docs/FINDINGS.md. */
export function ruleHelpUri(code: string): string {
  return `${FINDINGS_DOC_URL}#${code}`;
}

/** Every finding code, in the order of FINDING_CODES. */
export const RULE_CODES: readonly FindingCode[] = FINDING_CODES;
