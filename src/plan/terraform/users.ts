/**
 * CX-as-Code call table for the users and access family (users, user and group role grants, groups,
 * roles, divisions, OAuth clients, teams, locations): the Platform API calls each resource's create,
 * update and delete make, read from terraform-provider-genesyscloud v1.84.1 (commit in src/plan/sources.ts
 * `PROVIDER`), packages `genesyscloud/{user,user_roles,group,group_roles,auth_role,auth_division,
 * oauth_client,team,location}` and the shared helper `genesyscloud/util/util_divisions.go`.
 * The read-back every create/update ends with and the GET each delete polls are included; list calls
 * used only by the exporter or data sources are not.
 */
import type { ProviderCall, ProviderTable } from './types.js';

const U = 'user/resource_genesyscloud_user.go';
const U_P = 'user/genesyscloud_user_proxy.go';
const U_U = 'user/resource_genesyscloud_user_utils.go';
const DIV = 'util/util_divisions.go';
const UR = 'user_roles/resource_genesyscloud_user_roles.go';
const UR_P = 'user_roles/genesyscloud_user_roles_proxy.go';
const G = 'group/resource_genesyscloud_group.go';
const G_P = 'group/genesyscloud_group_proxy.go';
const GR = 'group_roles/resource_genesyscloud_group_roles.go';
const GR_P = 'group_roles/genesyscloud_group_roles_proxy.go';
const AR = 'auth_role/resource_genesyscloud_auth_role.go';
const AR_P = 'auth_role/genesyscloud_auth_role_proxy.go';
const AD = 'auth_division/resource_genesyscloud_auth_division.go';
const AD_P = 'auth_division/genesyscloud_auth_division_proxy.go';
const OC = 'oauth_client/resource_genesyscloud_oauth_client.go';
const OC_P = 'oauth_client/resource_genesyscloud_oauth_client_proxy.go';
const OC_U = 'oauth_client/resource_genesyscloud_oauth_client_utils.go';
const T = 'team/resource_genesyscloud_team.go';
const T_P = 'team/genesyscloud_team_proxy.go';
const T_U = 'team/resource_genesyscloud_team_utils.go';
const L = 'location/resource_genesyscloud_location.go';
const L_P = 'location/genesyscloud_location_proxy.go';

/** util.GetHomeDivisionID: GET .../divisions/home once per provider run (cached in a sync.Once). */
const HOME = 'GET /api/v2/authorization/divisions/home';

// ---- genesyscloud_user --------------------------------------------------------------------------

const RESTORE = 'a deleted user with this email exists (the provider restores it instead of creating one)';

/** waitForExtensionPoolActivation (user utils L1069-L1098), at the start of create and update. */
function userPoolCheck(via: string): ProviderCall {
  return {
    call: 'GET /api/v2/telephony/providers/edges/extensionpools/{extensionPoolId}',
    purpose: "check each phone number's extension pool was just created (errors only logged)",
    at: `${U_P}#L425`,
    via,
    if: { set: 'addresses.phone_numbers.extension_pool_id' },
    when: 'if a phone number names extension_pool_id',
    org: true,
  };
}

/** executeAllUpdates (user utils L94-L134) minus the division move; `via` = its call in create/update. */
function userSubObjects(via: string, restored: boolean): ProviderCall[] {
  const held = (what: string): string =>
    restored ? `the user already holds ${what} (only a restored deleted user)` : `the user holds ${what}`;
  return [
    {
      call: 'GET /api/v2/users/{userId}/routingskills',
      purpose: "read the user's current skills (all pages)",
      at: `${U_U}#L482`,
      via,
      if: { changed: 'routing_skills' },
      when: 'if routing_skills changed',
    },
    {
      call: 'DELETE /api/v2/users/{userId}/routingskills/{skillId}',
      purpose: 'remove each skill not in routing_skills',
      at: `${U_U}#L165`,
      via,
      if: { all: [{ changed: 'routing_skills' }, { server: held('skills not in routing_skills') }] },
      when: `if routing_skills changed and ${held('skills not in routing_skills')}`,
    },
    {
      call: 'PATCH /api/v2/users/{userId}/routingskills/bulk',
      purpose: 'add skills and update proficiencies (50 a call; one call even when nothing is new)',
      at: `${U_U}#L409`,
      via,
      if: { all: [{ changed: 'routing_skills' }, { set: 'routing_skills' }] },
      when: 'if routing_skills changed and is not empty',
    },
    {
      call: 'GET /api/v2/users/{userId}/routinglanguages',
      purpose: "read the user's current languages (all pages)",
      at: `${U_U}#L465`,
      via,
      if: { changed: 'routing_languages' },
      when: 'if routing_languages changed',
    },
    {
      call: 'DELETE /api/v2/users/{userId}/routinglanguages/{languageId}',
      purpose: 'remove each language not in routing_languages',
      at: `${U_U}#L228`,
      via,
      if: { all: [{ changed: 'routing_languages' }, { server: held('languages not in routing_languages') }] },
      when: `if routing_languages changed and ${held('languages not in routing_languages')}`,
    },
    {
      call: 'PATCH /api/v2/users/{userId}/routinglanguages/bulk',
      purpose: 'add languages and update proficiencies (50 a call; one call even when nothing is new)',
      at: `${U_U}#L444`,
      via,
      if: { all: [{ changed: 'routing_languages' }, { set: 'routing_languages' }] },
      when: 'if routing_languages changed and is not empty',
    },
    {
      call: 'PUT /api/v2/users/{userId}/profileskills',
      purpose: "replace the user's profile skills",
      at: `${U_U}#L267`,
      via,
      if: { changed: 'profile_skills' },
      when: 'if profile_skills changed',
    },
    {
      call: 'PUT /api/v2/routing/users/{userId}/utilization',
      purpose: "set the user's utilization with label utilizations (raw request)",
      at: `${U_U}#L316-L321`,
      via,
      if: { all: [{ changed: 'routing_utilization' }, { set: 'routing_utilization.label_utilizations' }] },
      when: 'if routing_utilization changed and has label_utilizations',
    },
    {
      call: 'PUT /api/v2/routing/users/{userId}/utilization',
      purpose: "set the user's media utilization",
      at: `${U_U}#L330`,
      via,
      if: {
        all: [
          { changed: 'routing_utilization' },
          { set: 'routing_utilization' },
          { unset: 'routing_utilization.label_utilizations' },
        ],
      },
      when: 'if routing_utilization changed, is not empty and has no label_utilizations',
    },
    ...(restored
      ? []
      : [
          {
            call: 'DELETE /api/v2/routing/users/{userId}/utilization',
            purpose: 'reset the user to the org-wide utilization',
            at: `${U_U}#L340`,
            via,
            if: { all: [{ changed: 'routing_utilization' }, { unset: 'routing_utilization' }] },
            when: 'if routing_utilization changed to an empty list',
          },
        ]),
    {
      call: 'PATCH /api/v2/voicemail/userpolicies/{userId}',
      purpose: "update the user's voicemail policy",
      at: `${U_U}#L289`,
      via,
      if: { changed: 'voicemail_userpolicies' },
      when: 'if voicemail_userpolicies changed',
    },
    {
      call: 'POST /api/v2/users/{userId}/password',
      purpose: "set the user's password (retried once after a 'cannot be changed until' 400)",
      at: `${U_P}#L358`,
      via,
      if: { all: [{ changed: 'password' }, { set: 'password' }] },
      when: 'if password changed and is not empty',
    },
  ];
}

/** readUser (user L137-L201). */
function userReadBack(via: string): ProviderCall[] {
  return [
    {
      call: 'GET /api/v2/users/{userId}',
      purpose: 'read the user back (expand skills, languages, locations, profileSkills, certifications, employerInfo)',
      at: `${U_P}#L204`,
      via,
    },
    {
      call: 'GET /api/v2/telephony/providers/edges/extensionpools',
      purpose: 'find the pool of each pool-mapped extension (all pages; errors only logged)',
      at: `${U_P}#L370`,
      via,
      if: { set: 'addresses.phone_numbers.extension' },
      when: 'if a phone number has an extension (the user returns it as a pool-mapped extension)',
      org: true,
    },
    {
      call: 'GET /api/v2/voicemail/userpolicies/{userId}',
      purpose: "read the user's voicemail policy back",
      at: `${U_P}#L350`,
      via,
    },
    {
      call: 'GET /api/v2/routing/users/{userId}/utilization',
      purpose: "read the user's utilization back (raw request)",
      at: `${U_U}#L549-L550`,
      via,
    },
  ];
}

const userDivisionMove = (via: string, cond: ProviderCall['if'], when: string): ProviderCall => ({
  call: 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}',
  purpose: 'move the user to division_id (objectType USER)',
  at: `${DIV}#L63`,
  via,
  if: cond,
  when,
});

// ---- genesyscloud_user_roles / genesyscloud_group_roles -------------------------------------------

/** updateUserRolesFn / updateGroupRolesFn and the read-back that follows; all only when roles changed. */
function grantCalls(o: {
  proxy: string;
  res: string;
  subject: string;
  firstGet: number;
  againGet: number;
  del: number;
  add: number;
  via: number;
  readVia: number;
}): ProviderCall[] {
  const changed = { changed: 'roles' } as const;
  return [
    {
      call: 'GET /api/v2/authorization/subjects/{subjectId}',
      purpose: `read the ${o.subject}'s current grants`,
      at: `${o.proxy}#L${o.firstGet}`,
      via: `${o.res}#L${o.via}`,
      if: changed,
      when: 'if roles changed',
    },
    {
      call: HOME,
      purpose: 'find the home division, used for roles without division_ids (once per provider run)',
      at: `${DIV}#L36`,
      via: `${o.res}#L${o.via}`,
      if: changed,
      when: 'if roles changed (first use in the provider run)',
      org: true,
    },
    {
      call: 'DELETE /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}',
      purpose: 'remove each role/division grant not in roles (404s ignored)',
      at: `${o.proxy}#L${o.del}`,
      via: `${o.res}#L${o.via}`,
      if: { all: [changed, { server: `the ${o.subject} holds grants not in roles` }] },
      when: `if roles changed and the ${o.subject} holds grants not in roles`,
    },
    {
      call: 'POST /api/v2/authorization/subjects/{subjectId}/bulkadd',
      purpose: 'add the missing role/division grants (retried on 404)',
      at: `${o.proxy}#L${o.add}`,
      via: `${o.res}#L${o.via}`,
      if: { all: [changed, { set: 'roles' }] },
      when: `if roles changed and lists a grant the ${o.subject} does not hold yet`,
    },
    {
      call: 'GET /api/v2/authorization/subjects/{subjectId}',
      purpose: 'read the grants again before the diff, and read them back after',
      at: `${o.proxy}#L${o.againGet}`,
      via: `${o.res}#L${o.readVia}`,
      if: changed,
      when: 'if roles changed',
    },
  ];
}

// ---- genesyscloud_group -----------------------------------------------------------------------------

function groupMembers(): ProviderCall[] {
  const changed = { changed: 'member_ids' } as const;
  return [
    {
      call: 'GET /api/v2/groups/{groupId}/individuals',
      purpose: "read the group's current members",
      at: `${G_P}#L171`,
      via: `${G}#L349`,
      if: changed,
      when: 'if member_ids changed',
    },
    {
      call: 'DELETE /api/v2/groups/{groupId}/members',
      purpose: 'remove members not in member_ids (50 a call)',
      at: `${G_P}#L164`,
      via: `${G}#L300`,
      if: { all: [changed, { server: 'the group has members not in member_ids (e.g. owners included as members)' }] },
      when: 'if member_ids changed and the group has members not in member_ids',
    },
    {
      call: 'GET /api/v2/groups/{groupId}',
      purpose: "read the group's version before adding members",
      at: `${G_P}#L150`,
      via: `${G}#L360`,
      if: { all: [changed, { set: 'member_ids' }] },
      when: 'if member_ids changed and lists users not yet members',
    },
    {
      call: 'POST /api/v2/groups/{groupId}/members',
      purpose: 'add the new members (50 a call)',
      at: `${G_P}#L157`,
      via: `${G}#L369`,
      if: { all: [changed, { set: 'member_ids' }] },
      when: 'if member_ids changed and lists users not yet members',
    },
  ];
}

const groupVoicemail = (via: string): ProviderCall => ({
  call: 'PATCH /api/v2/voicemail/groups/{groupId}/policy',
  purpose: "set the group's voicemail policy (enabled=false when voicemail_policy is not set)",
  at: `${G_P}#L261`,
  via,
});

function groupReadBack(via: string): ProviderCall[] {
  return [
    { call: 'GET /api/v2/groups/{groupId}', purpose: 'read the group back', at: `${G_P}#L150`, via },
    {
      call: 'GET /api/v2/groups/{groupId}/individuals',
      purpose: "read the group's members back",
      at: `${G_P}#L171`,
      via,
    },
    {
      call: 'GET /api/v2/voicemail/groups/{groupId}/policy',
      purpose: "read the group's voicemail policy back",
      at: `${G_P}#L268`,
      via,
    },
  ];
}

// ---- genesyscloud_auth_role / auth_division / oauth_client / team / location ------------------------

const rolePermissions = (via: string): ProviderCall => ({
  call: 'GET /api/v2/authorization/permissions',
  purpose: "check each permission policy's domain exists (all pages, per policy; errors only logged)",
  at: `${AR_P}#L273`,
  via,
  if: { set: 'permission_policies' },
  when: 'if permission_policies is set',
  org: true,
});

const readRole = (via: string): ProviderCall => ({
  call: 'GET /api/v2/authorization/roles/{roleId}',
  purpose: 'read the role back',
  at: `${AR_P}#L209`,
  via,
});

const readDivision = (via: string): ProviderCall => ({
  call: 'GET /api/v2/authorization/divisions/{divisionId}',
  purpose: 'read the division back',
  at: `${AD_P}#L142`,
  via,
});

const oauthHome = (via: string, when: string): ProviderCall => ({
  call: HOME,
  purpose: 'find the home division for roles without division_id (once per provider run)',
  at: `${DIV}#L36`,
  via,
  if: { set: 'roles' },
  when,
  org: true,
});

const readOauthClient = (via: string, purpose = 'read the client back'): ProviderCall => ({
  call: 'GET /api/v2/oauth/clients/{clientId}',
  purpose,
  at: `${OC_P}#L178`,
  via,
});

const PROVIDER_USER = "the provider runs as a user (its token's OAuth client belongs to purecloud-builtin)";

function teamMembers(via: string): ProviderCall[] {
  const changed = { changed: 'member_ids' } as const;
  return [
    {
      call: 'GET /api/v2/teams/{teamId}/members',
      purpose: "read the team's current members (all pages)",
      at: `${T_P}#L262`,
      via,
      if: changed,
      when: 'if member_ids changed',
    },
    {
      call: 'DELETE /api/v2/teams/{teamId}/members',
      purpose: 'remove members not in member_ids (25 a call)',
      at: `${T_P}#L291`,
      via,
      if: { all: [changed, { server: 'the team has members not in member_ids' }] },
      when: 'if member_ids changed and the team has members not in member_ids',
    },
    {
      call: 'POST /api/v2/teams/{teamId}/members',
      purpose: 'add the new members (25 a call)',
      at: `${T_P}#L241`,
      via,
      if: { all: [changed, { set: 'member_ids' }] },
      when: 'if member_ids changed and lists users not yet members',
    },
  ];
}

function teamReadBack(via: string): ProviderCall[] {
  return [
    { call: 'GET /api/v2/teams/{teamId}', purpose: 'read the team back', at: `${T_P}#L204`, via },
    {
      call: 'GET /api/v2/teams/{teamId}/members',
      purpose: "read the team's members back (all pages)",
      at: `${T_P}#L262`,
      via,
    },
  ];
}

const readLocation = (via: string, purpose = 'read the location back'): ProviderCall => ({
  call: 'GET /api/v2/locations/{locationId}',
  purpose,
  at: `${L_P}#L135`,
  via,
});

/** The users and access family. */
export const USERS: ProviderTable = {
  genesyscloud_user: {
    file: U,
    create: [
      userPoolCheck(`${U}#L67`),
      {
        call: 'POST /api/v2/users/search',
        purpose: 'look for a deleted user with this email (errors ignored here; again after a 409 conflict)',
        at: `${U_U}#L496`,
        via: `${U}#L70`,
        org: true,
      },
      {
        call: 'GET /api/v2/users/{userId}',
        purpose: 'read the deleted user (state=deleted) for its version, then again before each PATCH',
        at: `${U_P}#L204`,
        via: `${U}#L73`,
        if: { server: RESTORE },
        when: `if ${RESTORE}`,
      },
      {
        call: 'PATCH /api/v2/users/{userId}',
        purpose: 'restore the deleted user (state), then the full update (updateUser) PATCHes it again',
        at: `${U_P}#L240`,
        via: `${U}#L73`,
        if: { server: RESTORE },
        when: `if ${RESTORE}`,
      },
      userDivisionMove(
        `${U}#L73`,
        { all: [{ server: RESTORE }, { set: 'division_id' }] },
        `if ${RESTORE} and division_id is set (the restore runs updateUser)`,
      ),
      {
        call: 'POST /api/v2/users',
        purpose: 'create the user (division_id in the body; skipped when a deleted user is restored)',
        at: `${U_P}#L196`,
        via: `${U}#L92`,
      },
      {
        call: 'PATCH /api/v2/users/{userId}',
        purpose: 'set manager, acd_auto_answer, locations, certifications, employer_info',
        at: `${U_P}#L240`,
        via: `${U}#L114`,
        if: {
          any: [
            { changed: 'manager' },
            { changed: 'locations' },
            { changed: 'acd_auto_answer' },
            { changed: 'profile_skills' },
            { changed: 'certifications' },
            { changed: 'employer_info' },
          ],
        },
        when: 'if manager, locations, acd_auto_answer, profile_skills, certifications or employer_info is set',
      },
      ...userSubObjects(`${U}#L128`, true),
      ...userReadBack(`${U}#L134`),
    ],
    update: [
      userPoolCheck(`${U}#L213`),
      {
        call: 'GET /api/v2/users/{userId}',
        purpose: "read the user's version before each PATCH",
        at: `${U_P}#L204`,
        via: `${U}#L243`,
      },
      {
        call: 'PATCH /api/v2/users/{userId}',
        purpose: 'update the user (a separate state-only PATCH first when state changed)',
        at: `${U_P}#L247`,
        via: `${U}#L243`,
      },
      {
        call: HOME,
        purpose: 'find the home division when division_id is emptied (once per provider run)',
        at: `${DIV}#L36`,
        via: `${U}#L248`,
        if: { all: [{ changed: 'division_id' }, { unset: 'division_id' }] },
        when: 'if division_id changed to empty',
        org: true,
      },
      userDivisionMove(`${U}#L248`, { changed: 'division_id' }, 'if division_id changed'),
      ...userSubObjects(`${U}#L248`, false),
      ...userReadBack(`${U}#L254`),
    ],
    delete: [
      {
        call: 'DELETE /api/v2/users/{userId}',
        purpose: 'delete the user (retried on version conflicts)',
        at: `${U_P}#L228`,
        via: `${U}#L266`,
      },
      {
        call: 'POST /api/v2/users/search',
        purpose: 'poll until the user shows as deleted in search (up to 3 min)',
        at: `${U_U}#L496`,
        via: `${U}#L279`,
        org: true,
      },
    ],
    notes:
      'Create first searches for a deleted user with the same email (the error of that first search is ignored); ' +
      'if one exists, or POST /users fails with general.conflict and a second search finds one, the provider ' +
      'restores it (GET ?state=deleted, PATCH state) and runs the whole update function with the create diff: ' +
      'state PATCH, full PATCH, division move when division_id is set, sub-object writes, read-back. Create sets ' +
      'the division in the POST body; only update (and a restore) moves it through ' +
      'POST /authorization/divisions/{divisionId}/objects/USER. util.GetHomeDivisionID uses ' +
      'platformclientv2.NewAuthorizationApi() (the default configuration, not the pooled client). The extension ' +
      'pool GETs swallow errors, so a 403 there does not fail the apply. Skill/language DELETEs on create only ' +
      'happen for a restored user. DELETE utilization on create is left out: create diffs never see an empty ' +
      'routing_utilization as a change (ConfigModeAttr list, empty = zero value). getUserById serves from a cache ' +
      'filled only by the exporter.',
  },

  genesyscloud_user_roles: {
    file: UR,
    create: grantCalls({
      proxy: UR_P,
      res: UR,
      subject: 'user',
      firstGet: 78,
      againGet: 134,
      del: 108,
      add: 119,
      via: 68,
      readVia: 75,
    }),
    update: grantCalls({
      proxy: UR_P,
      res: UR,
      subject: 'user',
      firstGet: 78,
      againGet: 134,
      del: 108,
      add: 119,
      via: 68,
      readVia: 75,
    }),
    delete: [],
    notes:
      'Create is update with the user id as resource id; with roles unset nothing is called at all (no read-back). ' +
      'The grant diff is against every grant the user holds, so grants given outside Terraform (e.g. the default ' +
      'Employee role of a new user) are removed. Delete makes no call (the grants stay). The home division GET ' +
      'goes through util.GetHomeDivisionID (default SDK configuration, once per provider run).',
  },

  genesyscloud_group: {
    file: G,
    create: [
      {
        call: 'POST /api/v2/groups',
        purpose: 'create the group',
        at: `${G_P}#L120`,
        via: `${G}#L74`,
      },
      {
        call: 'GET /api/v2/groups/{groupId}',
        purpose: "read the group's version (description can only be set by PUT)",
        at: `${G_P}#L150`,
        via: `${G}#L84`,
        if: { set: 'description' },
        when: 'if description is set',
      },
      {
        call: 'PUT /api/v2/groups/{groupId}',
        purpose: 'set the description (runs the whole update function)',
        at: `${G_P}#L127`,
        via: `${G}#L84`,
        if: { set: 'description' },
        when: 'if description is set',
      },
      ...groupMembers(),
      groupVoicemail(`${G}#L95`),
      ...groupReadBack(`${G}#L101`),
    ],
    update: [
      {
        call: 'GET /api/v2/groups/{groupId}',
        purpose: "read the group's version",
        at: `${G_P}#L150`,
        via: `${G}#L177`,
      },
      {
        call: 'PUT /api/v2/groups/{groupId}',
        purpose: 'update the group',
        at: `${G_P}#L127`,
        via: `${G}#L209`,
      },
      ...groupMembers(),
      groupVoicemail(`${G}#L225`),
      ...groupReadBack(`${G}#L231`),
    ],
    delete: [
      {
        call: 'DELETE /api/v2/groups/{groupId}',
        purpose: 'delete the group (repeated inside the poll while it still exists)',
        at: `${G_P}#L134`,
        via: `${G}#L243`,
      },
      {
        call: 'GET /api/v2/groups/{groupId}',
        purpose: 'poll until 404 or state deleted (up to 60 s)',
        at: `${G_P}#L150`,
        via: `${G}#L251`,
      },
    ],
    notes:
      'With description set, create runs the whole update function (GET, PUT, members, voicemail policy, ' +
      'read-back) and then the members, voicemail and read-back steps again. The voicemail policy PATCH is made ' +
      'on every create and update. getGroupById serves from a cache filled only by the exporter.',
  },

  genesyscloud_group_roles: {
    file: GR,
    create: grantCalls({
      proxy: GR_P,
      res: GR,
      subject: 'group',
      firstGet: 80,
      againGet: 135,
      del: 109,
      add: 120,
      via: 70,
      readVia: 76,
    }),
    update: grantCalls({
      proxy: GR_P,
      res: GR,
      subject: 'group',
      firstGet: 80,
      againGet: 135,
      del: 109,
      add: 120,
      via: 70,
      readVia: 76,
    }),
    delete: [],
    notes:
      'Create is update with the group id as resource id; with roles unset nothing is called at all. ' +
      'Grants the group holds outside the config are removed. Delete makes no call (the grants stay).',
  },

  genesyscloud_auth_role: {
    file: AR,
    create: [
      rolePermissions(`${AR}#L55`),
      {
        call: 'GET /api/v2/authorization/roles',
        purpose: 'find the existing default role (defaultRoleIds filter, pageSize 1)',
        at: `${AR_P}#L222`,
        via: `${AR}#L69`,
        if: { set: 'default_role_id' },
        when: 'if default_role_id is set',
        org: true,
      },
      {
        call: 'PUT /api/v2/authorization/roles/{roleId}',
        purpose: 'overwrite the default role (runs the update function)',
        at: `${AR_P}#L237`,
        via: `${AR}#L172`,
        if: { set: 'default_role_id' },
        when: 'if default_role_id is set',
      },
      {
        call: 'POST /api/v2/authorization/roles',
        purpose: 'create the role',
        at: `${AR_P}#L134`,
        via: `${AR}#L84`,
        if: { unset: 'default_role_id' },
        when: 'unless default_role_id is set',
      },
      readRole(`${AR}#L91`),
    ],
    update: [
      rolePermissions(`${AR}#L155`),
      {
        call: 'PUT /api/v2/authorization/roles/{roleId}',
        purpose: 'update the role',
        at: `${AR_P}#L237`,
        via: `${AR}#L172`,
      },
      readRole(`${AR}#L178`),
    ],
    delete: [
      {
        call: 'PUT /api/v2/authorization/roles/default',
        purpose: 'restore the default role to its defaults instead of deleting it',
        at: `${AR_P}#L261`,
        via: `${AR}#L193`,
        if: { set: 'default_role_id' },
        when: 'if default_role_id is set',
      },
      {
        call: 'DELETE /api/v2/authorization/roles/{roleId}',
        purpose: 'delete the role',
        at: `${AR_P}#L249`,
        via: `${AR}#L205`,
        if: { unset: 'default_role_id' },
        when: 'unless default_role_id is set',
      },
      {
        call: 'GET /api/v2/authorization/roles/{roleId}',
        purpose: 'poll until 404 (up to 60 s)',
        at: `${AR_P}#L209`,
        via: `${AR}#L211`,
        if: { unset: 'default_role_id' },
        when: 'unless default_role_id is set',
      },
    ],
    notes:
      'PUT /authorization/roles/default is only made by delete of a role with default_role_id (instead of ' +
      'DELETE, no poll); create and update never call it. The permission-policy check GETs only log errors ' +
      '(a 403 there does not fail the apply). getAuthRoleById serves from a cache filled only by the exporter.',
  },

  genesyscloud_auth_division: {
    file: AD,
    create: [
      {
        call: HOME,
        purpose: 'find the home division to manage (once per provider run)',
        at: `${DIV}#L36`,
        via: `${AD}#L51`,
        if: { equals: ['home', true] },
        when: 'if home is true',
        org: true,
      },
      {
        call: 'PUT /api/v2/authorization/divisions/{divisionId}',
        purpose: 'update the home division (runs the update function)',
        at: `${AD_P}#L174`,
        via: `${AD}#L108`,
        if: { equals: ['home', true] },
        when: 'if home is true',
      },
      {
        call: 'POST /api/v2/authorization/divisions',
        purpose: 'create the division',
        at: `${AD_P}#L128`,
        via: `${AD}#L61`,
        if: { not: { equals: ['home', true] } },
        when: 'unless home is true',
      },
      readDivision(`${AD}#L71`),
    ],
    update: [
      {
        call: 'PUT /api/v2/authorization/divisions/{divisionId}',
        purpose: 'update the division',
        at: `${AD_P}#L174`,
        via: `${AD}#L108`,
      },
      readDivision(`${AD}#L117`),
    ],
    delete: [
      {
        call: 'DELETE /api/v2/authorization/divisions/{divisionId}',
        purpose: 'delete the division (retried on 400 while objects detach; 404 accepted)',
        at: `${AD_P}#L181`,
        via: `${AD}#L137`,
        if: { not: { equals: ['home', true] } },
        when: 'unless home is true (the home division is never deleted)',
      },
      {
        call: 'GET /api/v2/authorization/divisions/{divisionId}',
        purpose: 'poll until 404 (up to 5 min)',
        at: `${AD_P}#L142`,
        via: `${AD}#L153`,
        if: { not: { equals: ['home', true] } },
        when: 'unless home is true',
      },
    ],
    notes:
      'The read-back GET is skipped when the division is in the proxy cache, which only the exporter and the ' +
      'division data source (lookup by name) fill. Delete of the home division makes no call.',
  },

  genesyscloud_oauth_client: {
    file: OC,
    create: [
      oauthHome(`${OC}#L58`, 'if roles is set and a role has no division_id (first use in the provider run)'),
      {
        call: 'GET /api/v2/tokens/me',
        purpose: "read the provider's own token to see whether it runs as a user",
        at: `${OC_P}#L239`,
        via: `${OC}#L208`,
        org: true,
      },
      {
        call: 'GET /api/v2/users/me',
        purpose: 'find the user the provider runs as',
        at: `${OC_P}#L243`,
        via: `${OC}#L220`,
        if: { server: PROVIDER_USER },
        when: `if ${PROVIDER_USER}`,
        org: true,
      },
      {
        call: 'GET /api/v2/users/{subjectId}/roles',
        purpose: "read that user's roles",
        at: `${OC_P}#L247`,
        via: `${OC}#L230`,
        if: { server: PROVIDER_USER },
        when: `if ${PROVIDER_USER}`,
        org: true,
      },
      {
        call: 'PUT /api/v2/users/{subjectId}/roles',
        purpose: "give that user the client's roles too (its roles + roles.role_id), then sleep 10 s",
        at: `${OC_P}#L251`,
        via: `${OC}#L256`,
        if: { server: PROVIDER_USER },
        when: `if ${PROVIDER_USER}`,
        org: true,
      },
      {
        call: 'POST /api/v2/oauth/clients',
        purpose: 'create the OAuth client',
        at: `${OC_P}#L227`,
        via: `${OC}#L84`,
      },
      {
        call: 'POST /api/v2/integrations/credentials',
        purpose: 'create the pureCloudOAuthClient integration credential (error ignored)',
        at: `${OC_P}#L231`,
        via: `${OC}#L354`,
        if: { set: 'integration_credential_name' },
        when: 'if integration_credential_name is set',
      },
      readOauthClient(`${OC}#L107`),
    ],
    update: [
      oauthHome(`${OC}#L279`, 'if roles is set and a role has no division_id (first use in the provider run)'),
      {
        call: 'PUT /api/v2/oauth/clients/{clientId}',
        purpose: 'update the OAuth client',
        at: `${OC_P}#L235`,
        via: `${OC}#L285`,
      },
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'read the existing integration credential (then again before a delete)',
        at: `${OC_P}#L207`,
        via: `${OC}#L311`,
        if: { set: 'integration_credential_id' },
        when: 'if the client has an integration credential (integration_credential_id in state)',
      },
      {
        call: 'PUT /api/v2/integrations/credentials/{credentialId}',
        purpose: 'update the integration credential (error ignored)',
        at: `${OC_P}#L214`,
        via: `${OC}#L391`,
        if: { all: [{ set: 'integration_credential_id' }, { set: 'integration_credential_name' }] },
        when: 'if the client has an integration credential and integration_credential_name is set',
      },
      {
        call: 'DELETE /api/v2/integrations/credentials/{credentialId}',
        purpose: 'delete the integration credential (error ignored)',
        at: `${OC_P}#L223`,
        via: `${OC}#L415`,
        if: { all: [{ set: 'integration_credential_id' }, { unset: 'integration_credential_name' }] },
        when: 'if the client has an integration credential and integration_credential_name is not set',
      },
      {
        call: 'POST /api/v2/integrations/credentials',
        purpose: 'create the integration credential (error ignored)',
        at: `${OC_P}#L231`,
        via: `${OC}#L354`,
        if: { all: [{ unset: 'integration_credential_id' }, { set: 'integration_credential_name' }] },
        when: 'if the client has no integration credential yet and integration_credential_name is set',
      },
      readOauthClient(`${OC}#L329`),
    ],
    delete: [
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'read the integration credential before deleting it (error ignored)',
        at: `${OC_P}#L207`,
        via: `${OC}#L411`,
        if: { set: 'integration_credential_id' },
        when: 'if the client has an integration credential',
      },
      {
        call: 'DELETE /api/v2/integrations/credentials/{credentialId}',
        purpose: 'delete the integration credential (error ignored)',
        at: `${OC_P}#L223`,
        via: `${OC}#L415`,
        if: { set: 'integration_credential_id' },
        when: 'if the client has an integration credential',
      },
      oauthHome(`${OC}#L279`, 'if roles is set and a role has no division_id in state (normally never)'),
      {
        call: 'PUT /api/v2/oauth/clients/{clientId}',
        purpose: 'set the client inactive (required before delete)',
        at: `${OC_P}#L235`,
        via: `${OC}#L174`,
      },
      readOauthClient(`${OC}#L329`, 'read the inactive client back'),
      {
        call: 'DELETE /api/v2/oauth/clients/{clientId}',
        purpose: 'delete the OAuth client',
        at: `${OC_P}#L218`,
        via: `${OC}#L179`,
      },
      readOauthClient(`${OC}#L185`, 'poll until 404 or state deleted (up to 30 s)'),
    ],
    notes:
      'The user-role calls of create depend on how the provider itself authenticates, not on this resource: ' +
      'GET /tokens/me is always made, and GET /users/me, GET and PUT /users/{id}/roles follow only when the ' +
      "provider's token comes from a purecloud-builtin client (a user login); with the provider on a " +
      'client-credentials grant they are skipped. authorized_grant_type of the new client plays no part. ' +
      'Update and delete make no user-role calls. Credential calls need integration_credential_name (create) or ' +
      'integration_credential_id in state (update/delete); their errors are ignored except the GET in update. ' +
      `Delete PUTs state inactive first and reads the client back. Secrets for a credential come from a cache ` +
      `(${OC_U}), not an API call.`,
  },

  genesyscloud_team: {
    file: T,
    create: [
      {
        call: 'POST /api/v2/teams',
        purpose: 'create the team (division_id in the body)',
        at: `${T_P}#L126`,
        via: `${T}#L49`,
      },
      ...teamMembers(`${T}#L56`),
      ...teamReadBack(`${T}#L67`),
    ],
    update: [
      {
        call: 'PATCH /api/v2/teams/{teamId}',
        purpose: 'update the team (name, division, description)',
        at: `${T_P}#L217`,
        via: `${T}#L110`,
      },
      ...teamMembers(`${T}#L115`),
      ...teamReadBack(`${T}#L126`),
    ],
    delete: [
      {
        call: 'DELETE /api/v2/teams/{teamId}',
        purpose: 'delete the team',
        at: `${T_P}#L229`,
        via: `${T}#L135`,
      },
      {
        call: 'GET /api/v2/teams/{teamId}',
        purpose: 'poll until 404 (up to 180 s)',
        at: `${T_P}#L204`,
        via: `${T}#L140`,
      },
    ],
    notes:
      `Member changes go through updateTeamMembers (${T_U}#L45-L101); a failed member add still reads the team ` +
      'back. The division changes through the PATCH body, not a division move.',
  },

  genesyscloud_location: {
    file: L,
    create: [
      {
        call: 'POST /api/v2/locations',
        purpose: 'create the location',
        at: `${L_P}#L125`,
        via: `${L}#L71`,
      },
      readLocation(`${L}#L79`),
    ],
    update: [
      readLocation(`${L}#L123`, "read the location's version"),
      {
        call: 'PATCH /api/v2/locations/{locationId}',
        purpose: 'update the location (address only when it changed)',
        at: `${L_P}#L160`,
        via: `${L}#L153`,
      },
      readLocation(`${L}#L163`),
    ],
    delete: [
      {
        call: 'DELETE /api/v2/locations/{locationId}',
        purpose: 'delete the location (retried on version conflicts)',
        at: `${L_P}#L167`,
        via: `${L}#L175`,
      },
      readLocation(`${L}#L185`, 'poll until 404 or state deleted (up to 30 s)'),
    ],
    notes:
      'shouldIncludeAddress makes one more GET /locations/{locationId} only when MRMO is active (outside ' +
      'Terraform); in a Terraform run it uses d.HasChange("address"). getLocationById serves from a cache filled ' +
      'only by the exporter.',
  },
};
