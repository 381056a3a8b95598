/**
 * The AppFoundry premium-app wizard's modules: the names its `provisioningInfo` keys and the
 * manifest's `premiumApps[].provision` use, one per script in `docs/wizard/scripts/modules/` of
 * MyPureCloud/purecloud-premium-app at commit 0fd9d411009ea54bef5da2e981ed2494d0fc5dc8 (the
 * commit src/plan/sources.ts `WIZARD` pins). Resources are validated against this list once
 * (src/resources/expand.ts); the plan stage keys its module tables by it.
 */
export const WIZARD_MODULES = [
  'role',
  'group',
  'app-instance',
  'widget-instance',
  'interaction-widget',
  'event-bridge',
  'audiohook',
  'oauth-client',
  'widget-deployment',
  'open-messaging',
  'ws-data-actions',
  'gc-data-actions',
  'data-table',
  'byoc-cloud-trunk',
] as const;

/** A wizard module name. */
export type WizardModule = (typeof WIZARD_MODULES)[number];

/** True when `name` is a wizard module (own names only: `constructor` is not one). */
export function isWizardModule(name: string): name is WizardModule {
  return (WIZARD_MODULES as readonly string[]).includes(name);
}
