/**
 * Premium-app (AppFoundry) installation plans: the wizard of MyPureCloud/purecloud-premium-app
 * provisions modules (`provisioningInfo`: role, group, app-instance, oauth-client, ...). Each
 * module maps to the Platform API calls its module script makes (docs/wizard/scripts/modules/);
 * the permissions then come from the catalog. The wizard's own per-module permission lists
 * (config.js installPermissions) are checked against these plans in the tests.
 */
import type { PlannedCall, Resource } from '../types.js';
import { step } from './step.js';

const o = { org: true } as const;
const integrationCrud = (what: string) => ({
  install: [
    step('GET /api/v2/integrations', `find existing ${what} instances`, o),
    step('POST /api/v2/integrations', `create the ${what} instance`, o),
    step('PATCH /api/v2/integrations/{integrationId}', `enable the ${what} instance`, o),
    step('PUT /api/v2/integrations/{integrationId}/config/current', `configure the ${what} instance`, o),
  ],
  uninstall: [step('GET /api/v2/integrations', `find the ${what} instances`, o), step('DELETE /api/v2/integrations/{integrationId}', `delete the ${what} instance`, o)],
});

/** Wizard module → install and uninstall calls. */
export const WIZARD_MODULE_CALLS: Record<string, { install: PlannedCall[]; uninstall: PlannedCall[] }> = {
  role: {
    install: [
      step('GET /api/v2/authorization/roles', 'find the app roles', o),
      step('POST /api/v2/authorization/roles', 'create the app role', o),
      step('PUT /api/v2/authorization/roles/{roleId}/users/add', 'grant the app role to the installing user', o),
    ],
    uninstall: [step('GET /api/v2/authorization/roles', 'find the app roles', o), step('DELETE /api/v2/authorization/roles/{roleId}', 'delete the app role', o)],
  },
  group: {
    install: [step('POST /api/v2/groups', 'create the app group', o)],
    uninstall: [step('GET /api/v2/groups', 'find the app groups', o), step('DELETE /api/v2/groups/{groupId}', 'delete the app group', o)],
  },
  'app-instance': integrationCrud('app'),
  'widget-instance': integrationCrud('widget'),
  'interaction-widget': integrationCrud('interaction widget'),
  audiohook: integrationCrud('AudioHook'),
  'event-bridge': integrationCrud('EventBridge'),
  'oauth-client': {
    install: [
      step('GET /api/v2/authorization/roles', 'look up the roles to give the OAuth client', o),
      step('GET /api/v2/oauth/clients', 'find the app OAuth clients', o),
      step('POST /api/v2/oauth/clients', 'create the OAuth client', o),
      step('PUT /api/v2/oauth/clients/{clientId}', 'update the OAuth client', { org: true, when: 'when it exists' }),
    ],
    uninstall: [
      step('GET /api/v2/oauth/clients', 'find the app OAuth clients', o),
      step('PUT /api/v2/oauth/clients/{clientId}', 'remove the OAuth client roles', o),
      step('DELETE /api/v2/oauth/clients/{clientId}', 'delete the OAuth client', o),
    ],
  },
  'widget-deployment': {
    install: [
      step('GET /api/v2/widgets/deployments', 'find widget deployments', o),
      step('POST /api/v2/widgets/deployments', 'create the widget deployment', o),
      step('PUT /api/v2/widgets/deployments/{deploymentId}', 'update the widget deployment', { org: true, when: 'when it exists' }),
    ],
    uninstall: [step('DELETE /api/v2/widgets/deployments/{deploymentId}', 'delete the widget deployment', o)],
  },
  'open-messaging': {
    install: [
      step('GET /api/v2/conversations/messaging/integrations/open', 'find open messaging integrations', o),
      step('POST /api/v2/conversations/messaging/integrations/open', 'create the open messaging integration', o),
      step('PATCH /api/v2/conversations/messaging/integrations/open/{integrationId}', 'update the open messaging integration', { org: true, when: 'when it exists' }),
    ],
    uninstall: [step('DELETE /api/v2/conversations/messaging/integrations/open/{integrationId}', 'delete the open messaging integration', o)],
  },
  'ws-data-actions': dataActions('web services'),
  'gc-data-actions': dataActions('Genesys Cloud'),
  'data-table': {
    install: [step('GET /api/v2/flows/datatables', 'find the data tables', o), step('POST /api/v2/flows/datatables', 'create the data table', o)],
    uninstall: [step('DELETE /api/v2/flows/datatables/{datatableId}', 'delete the data table', o)],
  },
  'byoc-cloud-trunk': {
    install: [
      step('GET /api/v2/telephony/providers/edges/trunkbasesettings', 'find trunk settings', o),
      step('POST /api/v2/telephony/providers/edges/trunkbasesettings', 'create the BYOC Cloud trunk', o),
    ],
    uninstall: [step('DELETE /api/v2/telephony/providers/edges/trunkbasesettings/{trunkBaseSettingsId}', 'delete the BYOC Cloud trunk', o)],
  },
};

function dataActions(kind: string) {
  const crud = integrationCrud(`${kind} data actions integration`);
  return {
    install: [...crud.install, step('GET /api/v2/integrations/actions', 'find existing data actions', o), step('POST /api/v2/integrations/actions', 'create the data actions', o),
      step('PATCH /api/v2/integrations/actions/{actionId}', 'update existing data actions', { org: true, when: 'when they exist' }),
    ],
    uninstall: crud.uninstall,
  };
}

/** Calls the wizard itself makes whatever the modules: integration-type and app-instance lookups. */
const WIZARD_CALLS = [
  step('GET /api/v2/users/me', 'read the installing user', o),
  step('GET /api/v2/integrations/types/{typeId}', 'check that the premium app integration type is available to the org', o),
  step('GET /api/v2/integrations', 'find the installed app instances', o),
];

/** The calls for one premium app; an unknown module yields the `unknownModules` list instead of calls. */
export function planPremiumApp(r: Resource): { calls: PlannedCall[]; unknownModules: string[] } | undefined {
  if (r.action === 'publish') return undefined;
  const modules = (r.details.provision as string[]) ?? [];
  const calls: PlannedCall[] = WIZARD_CALLS.map((c) => ({ ...c }));
  const unknownModules: string[] = [];
  for (const m of modules) {
    const entry = WIZARD_MODULE_CALLS[m];
    if (!entry) {
      unknownModules.push(m);
      continue;
    }
    for (const c of r.action === 'delete' ? entry.uninstall : entry.install) calls.push({ ...c, purpose: `${m}: ${c.purpose}` });
  }
  if (r.action !== 'delete') for (const c of (r.details.extraCalls as PlannedCall[] | undefined) ?? []) calls.push({ ...c });
  return { calls, unknownModules };
}
