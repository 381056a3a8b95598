/**
 * Sources of the plan tables: where each fact "this deployer makes this call" comes from
 * (issue 11, "Plans as sourced data"). Every source is pinned: a repository at a commit (with
 * lines), or a documentation URL.
 */
import type { CallSource } from '../types.js';

/** CX-as-Code: terraform-provider-genesyscloud v1.84.1 (the version of cx-as-code-resources.json). */
export const PROVIDER = {
  repo: 'MyPureCloud/terraform-provider-genesyscloud',
  commit: 'f955430e6bd4c0b56708d3abc06fb25a1e9031b7',
} as const;
/** The AppFoundry premium-app wizard (docs/wizard/). */
export const WIZARD = {
  repo: 'MyPureCloud/purecloud-premium-app',
  commit: '0fd9d411009ea54bef5da2e981ed2494d0fc5dc8',
} as const;
/** Architect Scripting, the SDK Archy runs on (closed source; its docs are public). */
export const ARCHITECT_SCRIPTING = {
  repo: 'MyPureCloud/purecloud-flow-scripting-api-sdk-javascript',
  commit: 'a8d8a5d7dd5fbc1795a571c7a0cc87863b8be2ab',
} as const;

/** Anchor of an operation in the Developer Center API explorer: `post-api-v2-flows--flowId--versions`. */
export function apiExplorerAnchor(method: string, path: string): string {
  return `${method.toLowerCase()}-${path.replace(/^\//, '').replace(/\//g, '-').replace(/[{}]/g, '-')}`;
}

/**
 * The Platform API reference page of one operation: the API explorer anchor, built the way the
 * provider's own docs link operations (terraform-provider-genesyscloud docs/resources/*.md, "API
 * Usage", e.g. `https://developer.genesys.cloud/devapps/api-explorer#get-api-v2-scripts--scriptId-`).
 * The source of every call of the `api` deployer: the user's own code calling the documented endpoint.
 */
export function apiReference(method: string, path: string): CallSource {
  return {
    kind: 'docs',
    url: `https://developer.genesys.cloud/devapps/api-explorer#${apiExplorerAnchor(method, path)}`,
  };
}

/** A file of terraform-provider-genesyscloud at {@link PROVIDER}'s commit; `lines` like `L140-L146`. */
export function providerCode(path: string, lines: string): CallSource {
  return { kind: 'code', ...PROVIDER, path: `genesyscloud/${path}`, lines };
}

/** A file of the premium-app wizard at {@link WIZARD}'s commit (`docs/wizard/scripts/<file>`). */
export function wizardCode(file: string, lines: string): CallSource {
  return { kind: 'code', ...WIZARD, path: `docs/wizard/scripts/${file}`, lines };
}

/**
 * A page of the Architect Scripting docs (`docs/<page>` of the SDK repository at its pinned
 * commit, lines `from`–`to`), with the sentence it says.
 */
export function architectScriptingDocs(page: string, from: number, to: number, quote: string): CallSource {
  const { repo, commit } = ARCHITECT_SCRIPTING;
  return { kind: 'docs', url: `https://github.com/${repo}/blob/${commit}/docs/${page}#L${from}-L${to}`, quote };
}

/** One line naming a source, for docs/FIDELITY.md and `explain`. */
export function describeSource(s: CallSource): string {
  switch (s.kind) {
    case 'code':
      return `${s.repo}@${s.commit.slice(0, 7)} ${s.path}${s.lines ? ` ${s.lines}` : ''}`;
    case 'docs':
      return s.url;
    case 'provider-docs':
      return `${s.url} (${s.type}: from the provider docs, not its code)`;
  }
}
