/** Shared fake orgs and a requirement table for the genesys tests (facts from the swagger subset). */
import type { FakeOrg, FakeRequirement, RequirementLookup } from '../../test-support/fake-genesys/index.js';

export const SECRET_A = 'sEcReT-a-9f8e7d6c5b4a';
export const SECRET_B = 'sEcReT-b-0a1b2c3d4e5f';
export const USER_TOKEN = 'user-token-3c1d7e0b9a8f';

export const orgA = (): FakeOrg => ({
  id: 'org-a',
  name: 'Org A',
  divisions: [
    { id: 'div-home', name: 'Home', homeDivision: true },
    { id: 'div-support', name: 'Support' },
    { id: 'div-sales', name: 'Sales' },
  ],
  roles: [
    {
      id: 'role-flow',
      name: 'Flow Deployer',
      permissionPolicies: [
        { domain: 'architect', entityName: 'flow', actionSet: ['*'] },
        { domain: 'architect', entityName: 'job', actionSet: ['create', 'view'] },
      ],
    },
    {
      id: 'role-view',
      name: 'Architect Viewer',
      permissionPolicies: [{ domain: 'architect', entityName: '*', actionSet: ['view'] }],
    },
    {
      id: 'role-sched',
      name: 'Scheduler',
      permissionPolicies: [
        { domain: 'routing', entityName: 'scheduleGroup', actionSet: ['view', 'add'], conditions: 'queue in [q1]' },
      ],
    },
    {
      id: 'role-groups',
      name: 'Group Adder',
      permissionPolicies: [{ domain: 'directory', entityName: 'group', actionSet: ['add'] }],
    },
  ],
  clients: [
    {
      clientId: 'cid-a',
      clientSecret: SECRET_A,
      name: 'Deployer A',
      roleDivisions: [
        { roleId: 'role-flow', divisionId: 'div-support' },
        { roleId: 'role-view', divisionId: '*' },
        { roleId: 'role-groups', divisionId: 'div-home' },
      ],
    },
  ],
  users: [
    {
      id: 'user-1',
      name: 'Ursula',
      accessToken: USER_TOKEN,
      scopes: ['architect'],
      grants: [
        { roleId: 'role-flow', divisionId: 'div-home' },
        { roleId: 'role-sched', divisionId: 'div-sales' },
      ],
    },
  ],
  integrationTypes: ['premium-app-example'],
  products: ['purecloud', 'wem'],
  objects: {
    flows: [
      { id: 'flow-support', name: 'Main IVR', type: 'inboundcall', division: 'Support' },
      { id: 'flow-sales', name: 'Sales IVR', type: 'inboundcall', division: 'div-sales' },
    ],
    scripts: [{ id: 'script-1', name: 'Sales Script', division: 'Sales' }],
    scheduleGroups: [{ id: 'sg-1', name: 'Holiday Hours' }],
  },
});

export const orgB = (): FakeOrg => ({
  id: 'org-b',
  name: 'Org B',
  homeOrgId: 'org-a',
  divisions: [{ id: 'b-home', name: 'Home' }],
  roles: [{ id: 'b-admin', name: 'Admin', permissionPolicies: [{ domain: '*', entityName: '*', actionSet: ['*'] }] }],
  clients: [
    {
      clientId: 'cid-b',
      clientSecret: SECRET_B,
      name: 'Deployer B',
      roleDivisions: [{ roleId: 'b-admin', divisionId: '*' }],
    },
  ],
});

/** `METHOD template` → requirement, as in publicapi-v2-permissions.swagger.json. */
const TABLE: Record<string, FakeRequirement> = {
  'GET /api/v2/flows': {
    mode: 'ANY',
    permissions: ['architect:flow:view'],
    scopes: ['architect', 'architect:readonly'],
  },
  'POST /api/v2/flows': { mode: 'ANY', permissions: ['architect:flow:add'], scopes: ['architect'] },
  'PUT /api/v2/flows/{flowId}': { mode: 'ANY', permissions: ['architect:flow:edit'], scopes: ['architect'] },
  'DELETE /api/v2/flows/{flowId}': { mode: 'ANY', permissions: ['architect:flow:delete'], scopes: ['architect'] },
  'POST /api/v2/flows/actions/checkout': { mode: 'ANY', permissions: ['architect:flow:edit'], scopes: ['architect'] },
  'POST /api/v2/flows/actions/checkin': {
    mode: 'ANY',
    permissions: ['architect:flow:edit', 'architect:flow:unlock'],
    scopes: ['architect'],
  },
  'POST /api/v2/flows/{flowId}/versions': { mode: 'ANY', permissions: ['architect:flow:edit'], scopes: ['architect'] },
  'POST /api/v2/flows/actions/publish': {
    mode: 'ANY',
    permissions: ['architect:flow:unlock', 'architect:flow:publish'],
    scopes: ['architect'],
  },
  'POST /api/v2/flows/jobs': { mode: 'ALL', permissions: ['architect:job:create'], scopes: ['architect'] },
  'GET /api/v2/flows/jobs/{jobId}': {
    mode: 'ALL',
    permissions: ['architect:job:view'],
    scopes: ['architect', 'architect:readonly'],
  },
  'GET /api/v2/scripts': {
    mode: 'ANY',
    permissions: ['scripter:script:view'],
    scopes: ['scripts', 'scripts:readonly'],
  },
  'POST /api/v2/architect/schedulegroups': {
    mode: 'ALL',
    permissions: ['routing:scheduleGroup:add'],
    scopes: ['architect'],
  },
  'GET /api/v2/architect/schedulegroups': {
    mode: 'ALL',
    permissions: ['routing:scheduleGroup:view'],
    scopes: ['architect', 'architect:readonly'],
  },
  'GET /api/v2/integrations/types/{typeId}': {
    mode: 'ANY',
    permissions: ['integrations:integration:view'],
    scopes: ['integrations', 'integrations:readonly'],
  },
  'POST /api/v2/groups': { mode: 'ANY', permissions: ['directory:group:add'], scopes: ['groups'] },
};

export const requirements: RequirementLookup = (method, template) => TABLE[`${method} ${template}`] ?? null;
