/**
 * Premium-app (AppFoundry) installation plans, from the wizard's code: MyPureCloud/purecloud-premium-app
 * at the commit in ./sources.ts, `docs/wizard/scripts/` (every call cites its file and line).
 *
 * How the wizard runs (wizard.js, main.js):
 * - page load, install and uninstall alike: `GET /api/v2/integrations/types` (main.js l.75),
 *   `GET /api/v2/authorization/products` when the config checks the BYOC product (l.113),
 *   `GET /api/v2/users/me` (l.674), then every module's `getExisting()` (wizard.js l.78–88);
 * - install: every module's `create()`, then every `configure()` (l.160–201), then always the
 *   app's own instance: `GET /api/v2/integrations/clientapps`, `GET` and `PUT
 *   /api/v2/integrations/{integrationId}/config/current` (l.61–71, l.232, l.243);
 * - uninstall: every module's `remove()` (l.266–276), each after its own `getExisting()`.
 *
 * Module facts worth knowing: data actions are written through the drafts endpoints and never
 * listed; groups are found with `POST /api/v2/groups/search`; the data table is created without a
 * division, so in Home; an OAuth client gets the app roles only after the installing user holds
 * them (role.js l.109–110: "Required before you can assign the role to an Auth Client").
 */
import type { PlannedCall, PremiumAppResource } from '../types.js';
import { step, type StepOptions } from './step.js';
import { wizardCode } from './sources.js';
import { HOME } from '../domain/divisions.js';
import type { WizardModule } from '../domain/wizard.js';

/** One wizard call: the function it is made in, its line(s), `METHOD /path`, why, and options. */
type Row = [
  fn: 'getExisting' | 'create' | 'configure' | 'remove',
  lines: string,
  call: string,
  purpose: string,
  opts?: StepOptions & { home?: true },
];

/** The calls of one module file, in the order the wizard makes them. */
function module(file: string, rows: Row[]): { install: PlannedCall[]; uninstall: PlannedCall[] } {
  const calls = rows.map(([fn, lines, call, purpose, opts = {}]) => {
    const { home, ...rest } = opts;
    const c = step(call, purpose, wizardCode(`modules/${file}`, lines), { org: !home, ...rest });
    if (home) c.division = HOME;
    return { fn, c };
  });
  const pick = (fns: string[]) => calls.filter((x) => fns.includes(x.fn)).map((x) => x.c);
  return { install: pick(['getExisting', 'create', 'configure']), uninstall: pick(['getExisting', 'remove']) };
}

/** An integration-instance module (app-instance, widget-instance, interaction-widget, event-bridge). */
function instance(
  what: string,
  lines: { get: string; post: string; put: string; patch: string; del: string },
  patchWhen?: string,
): Row[] {
  return [
    ['getExisting', lines.get, 'GET /api/v2/integrations', `find existing ${what} instances`],
    ['create', lines.post, 'POST /api/v2/integrations', `create the ${what} instance`],
    [
      'configure',
      lines.put,
      'PUT /api/v2/integrations/{integrationId}/config/current',
      `configure the ${what} instance`,
    ],
    [
      'configure',
      lines.patch,
      'PATCH /api/v2/integrations/{integrationId}',
      `enable the ${what} instance`,
      patchWhen ? { when: patchWhen } : {},
    ],
    ['remove', lines.del, 'DELETE /api/v2/integrations/{integrationId}', `delete the ${what} instance`],
  ];
}

const AUTO_ENABLE = 'if the config sets autoEnable';
const AUTO_PUBLISH = 'if the config sets autoPublish';

/** A data actions module: the integration, its credential, and the actions written as drafts. */
function dataActions(
  what: string,
  l: Record<string, string>,
  credentialWhen?: string,
  customAuth?: Record<string, string>,
): Row[] {
  const rows: Row[] = [
    ['getExisting', l.get!, 'GET /api/v2/integrations', `find existing ${what} integrations`],
    ['create', l.post!, 'POST /api/v2/integrations', `create the ${what} integration`],
    [
      'configure',
      l.cred!,
      'POST /api/v2/integrations/credentials',
      `create the ${what} credential`,
      credentialWhen ? { when: credentialWhen } : {},
    ],
    [
      'configure',
      l.put!,
      'PUT /api/v2/integrations/{integrationId}/config/current',
      `configure the ${what} integration`,
    ],
    [
      'configure',
      l.patch!,
      'PATCH /api/v2/integrations/{integrationId}',
      `enable the ${what} integration`,
      { when: AUTO_ENABLE },
    ],
    ['configure', l.draft!, 'POST /api/v2/integrations/actions/drafts', 'create each data action as a draft'],
    ['configure', l.draftPatch!, 'PATCH /api/v2/integrations/actions/{actionId}/draft', 'write each data action draft'],
    [
      'configure',
      l.publish!,
      'POST /api/v2/integrations/actions/{actionId}/draft/publish',
      'publish each data action draft',
      { when: AUTO_PUBLISH },
    ],
  ];
  if (customAuth) {
    const when = 'with userDefinedOAuth credentials and a customAuthAction update';
    rows.push(
      [
        'configure',
        customAuth.draft!,
        'POST /api/v2/integrations/actions/{actionId}/draft',
        'create the custom auth action draft',
        { when },
      ],
      [
        'configure',
        customAuth.patch!,
        'PATCH /api/v2/integrations/actions/{actionId}/draft',
        'write the custom auth action draft',
        { when },
      ],
      [
        'configure',
        customAuth.publish!,
        'POST /api/v2/integrations/actions/{actionId}/draft/publish',
        'publish the custom auth action draft',
        { when },
      ],
    );
  }
  rows.push(
    ['remove', l.del!, 'DELETE /api/v2/integrations/{integrationId}', `delete the ${what} integration`],
    ['remove', l.delCred!, 'DELETE /api/v2/integrations/credentials/{credentialId}', `delete the ${what} credential`],
  );
  return rows;
}

const CLIENT_CREDENTIALS = 'for a client-credentials OAuth client';

/** Wizard module → install and uninstall calls (install = getExisting, create, configure; uninstall = getExisting, remove). */
export const WIZARD_MODULE_CALLS: Readonly<Record<WizardModule, { install: PlannedCall[]; uninstall: PlannedCall[] }>> =
  {
    role: module('role.js', [
      ['getExisting', 'L17', 'GET /api/v2/authorization/roles', 'find the app roles (by name prefix)'],
      ['create', 'L86', 'POST /api/v2/authorization/roles', 'create the app role'],
      [
        'configure',
        'L108-L122',
        'PUT /api/v2/authorization/roles/{roleId}/users/add',
        'grant the app role to the installing user (required before an OAuth client can get it)',
      ],
      ['remove', 'L56', 'DELETE /api/v2/authorization/roles/{roleId}', 'delete the app role'],
    ]),
    group: module('group.js', [
      ['getExisting', 'L16-L27', 'POST /api/v2/groups/search', 'find the app groups (name starts with the prefix)'],
      ['create', 'L90', 'POST /api/v2/groups', 'create the app group'],
      ['configure', 'L116-L123', 'POST /api/v2/groups/{groupId}/members', 'add the installing user to the group'],
      ['remove', 'L60', 'DELETE /api/v2/groups/{groupId}', 'delete the app group'],
    ]),
    'app-instance': module(
      'app-instance.js',
      instance('app', { get: 'L17', post: 'L82', put: 'L138', patch: 'L148', del: 'L52' }),
    ),
    'widget-instance': module(
      'widget-instance.js',
      instance('widget', { get: 'L17', post: 'L86', put: 'L145', patch: 'L154', del: 'L56' }),
    ),
    'interaction-widget': module(
      'interaction-widget.js',
      instance('interaction widget', { get: 'L17', post: 'L86', put: 'L140', patch: 'L149', del: 'L56' }),
    ),
    'event-bridge': module(
      'event-bridge.js',
      instance('EventBridge', { get: 'L17', post: 'L88', put: 'L134', patch: 'L145', del: 'L58' }, AUTO_ENABLE),
    ),
    audiohook: module('audiohook.js', [
      ['getExisting', 'L17', 'GET /api/v2/integrations', 'find existing AudioHook instances'],
      ['create', 'L100', 'POST /api/v2/integrations', 'create the AudioHook instance'],
      ['configure', 'L154', 'POST /api/v2/integrations/credentials', 'create the AudioHook credential'],
      [
        'configure',
        'L166',
        'PUT /api/v2/integrations/{integrationId}/config/current',
        'configure the AudioHook instance',
      ],
      [
        'configure',
        'L179',
        'PATCH /api/v2/integrations/{integrationId}',
        'enable the AudioHook instance',
        { when: AUTO_ENABLE },
      ],
      ['remove', 'L59', 'DELETE /api/v2/integrations/{integrationId}', 'delete the AudioHook instance'],
      ['remove', 'L68', 'DELETE /api/v2/integrations/credentials/{credentialId}', 'delete the AudioHook credential'],
    ]),
    'oauth-client': module('oauth-client.js', [
      ['getExisting', 'L13', 'GET /api/v2/oauth/clients', 'find the app OAuth clients'],
      ['create', 'L56-L73', 'GET /api/v2/authorization/roles', 'look up the employee role the client is created with'],
      [
        'create',
        'L84',
        'POST /api/v2/oauth/clients',
        'create the OAuth client (client credentials: with the employee role)',
      ],
      [
        'configure',
        'L116-L131',
        'GET /api/v2/users/me',
        'wait until the installing user holds every app role',
        { when: CLIENT_CREDENTIALS },
      ],
      [
        'configure',
        'L136-L145',
        'PUT /api/v2/oauth/clients/{clientId}',
        'give the client the app roles (only roles the installing user holds: role.js grants them first)',
        { when: CLIENT_CREDENTIALS },
      ],
      ['remove', 'L33', 'PUT /api/v2/oauth/clients/{clientId}', 'set the OAuth client inactive'],
      ['remove', 'L34', 'DELETE /api/v2/oauth/clients/{clientId}', 'delete the OAuth client'],
    ]),
    'widget-deployment': module('widget-deployment.js', [
      ['getExisting', 'L12', 'GET /api/v2/widgets/deployments', 'find widget deployments'],
      ['create', 'L59', 'POST /api/v2/widgets/deployments', 'create the widget deployment (disabled)'],
      [
        'configure',
        'L92',
        'PUT /api/v2/widgets/deployments/{deploymentId}',
        'enable the widget deployment',
        { when: AUTO_ENABLE },
      ],
      ['remove', 'L30', 'DELETE /api/v2/widgets/deployments/{deploymentId}', 'delete the widget deployment'],
    ]),
    'open-messaging': module('open-messaging.js', [
      [
        'getExisting',
        'L17',
        'GET /api/v2/conversations/messaging/integrations/open',
        'find open messaging integrations',
      ],
      [
        'create',
        'L85',
        'POST /api/v2/conversations/messaging/integrations/open',
        'create the open messaging integration',
      ],
      [
        'remove',
        'L58',
        'DELETE /api/v2/conversations/messaging/integrations/open/{integrationId}',
        'delete the open messaging integration',
      ],
    ]),
    'ws-data-actions': module(
      'ws-data-actions.js',
      dataActions(
        'web services data actions',
        {
          get: 'L17-L21',
          post: 'L106',
          cred: 'L156',
          put: 'L179',
          patch: 'L192',
          draft: 'L219',
          draftPatch: 'L226',
          publish: 'L228',
          del: 'L59',
          delCred: 'L68',
        },
        'if the credential type is userDefinedOAuth, userDefined or basicAuth',
        { draft: 'L239', patch: 'L245', publish: 'L247' },
      ),
    ),
    'gc-data-actions': module(
      'gc-data-actions.js',
      dataActions('Genesys Cloud data actions', {
        get: 'L17',
        post: 'L100',
        cred: 'L153',
        put: 'L173',
        patch: 'L186',
        draft: 'L213',
        draftPatch: 'L220',
        publish: 'L222',
        del: 'L59',
        delCred: 'L68',
      }),
    ),
    'data-table': module('data-table.js', [
      ['getExisting', 'L17', 'GET /api/v2/flows/datatables', 'find the app data tables'],
      // The POST body has no division (l.82–94): the table is created in Home.
      [
        'create',
        'L82-L94,L122',
        'POST /api/v2/flows/datatables',
        'create the data table (no division in the body: in Home)',
        { home: true },
      ],
      [
        'remove',
        'L60-L62',
        'DELETE /api/v2/flows/datatables/{datatableId}',
        'delete the data table (in Home, where the wizard created it)',
        { home: true },
      ],
    ]),
    'byoc-cloud-trunk': module('byoc-cloud-trunk.js', [
      ['getExisting', 'L17', 'GET /api/v2/telephony/providers/edges/trunkbasesettings', 'find the app trunk settings'],
      ['create', 'L81', 'GET /api/v2/organizations/me', 'read the org (for the trunk settings)'],
      [
        'create',
        'L83',
        'GET /api/v2/telephony/providers/edges/trunkbasesettings/template',
        'read the BYOC Cloud trunk template',
      ],
      ['create', 'L92', 'POST /api/v2/telephony/providers/edges/trunkbasesettings', 'create the BYOC Cloud trunk'],
      [
        'remove',
        'L59',
        'DELETE /api/v2/telephony/providers/edges/trunkbasesettings/{trunkBaseSettingsId}',
        'delete the BYOC Cloud trunk',
      ],
    ]),
  };

const core = (file: string, lines: string, call: string, purpose: string, when?: string) =>
  step(call, purpose, wizardCode(file, lines), { org: true, ...(when ? { when } : {}) });

/** Calls the wizard makes on page load whatever the modules (install and uninstall). */
export const WIZARD_PAGE_LOAD: readonly PlannedCall[] = [
  core(
    'main.js',
    'L75',
    'GET /api/v2/integrations/types',
    'check that the premium app integration type is available to the org',
  ),
  core(
    'main.js',
    'L113',
    'GET /api/v2/authorization/products',
    'check the BYOC product',
    'if the config sets checkProductBYOC',
  ),
  core('main.js', 'L674', 'GET /api/v2/users/me', 'read the installing user and its permissions'),
];

/** Calls that end every install: the app's own instance records what was installed. */
export const WIZARD_INSTALL_END: readonly PlannedCall[] = [
  core(
    'wizard.js',
    'L61-L71',
    'GET /api/v2/integrations/clientapps',
    'find the app instance the wizard records the install on',
  ),
  core(
    'wizard.js',
    'L232',
    'GET /api/v2/integrations/{integrationId}/config/current',
    'read the app instance configuration',
  ),
  core(
    'wizard.js',
    'L243',
    'PUT /api/v2/integrations/{integrationId}/config/current',
    'record the installed objects on the app instance',
  ),
];

/** The calls for one premium app (its modules are validated when the resource is read); undefined for `publish`. */
export function planPremiumApp(r: PremiumAppResource): PlannedCall[] | undefined {
  if (r.action === 'publish') return undefined;
  const calls: PlannedCall[] = WIZARD_PAGE_LOAD.map((c) => ({ ...c }));
  const uninstall = r.action === 'delete';
  for (const m of r.details.provision) {
    const entry = WIZARD_MODULE_CALLS[m];
    for (const c of uninstall ? entry.uninstall : entry.install) calls.push({ ...c, purpose: `${m}: ${c.purpose}` });
  }
  if (!uninstall) {
    for (const c of WIZARD_INSTALL_END) calls.push({ ...c });
  }
  return calls;
}
