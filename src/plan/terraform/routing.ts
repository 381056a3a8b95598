/**
 * CX-as-Code call table for the routing family (queue, skill, skill group, language, wrap-up code,
 * utilization, email domain, email route): the Platform API calls terraform-provider-genesyscloud
 * v1.84.1 (commit f955430e6bd4c0b56708d3abc06fb25a1e9031b7) makes in each resource's create, update
 * and delete, read by hand from `genesyscloud/routing_*` and the shared helpers in
 * `genesyscloud/util/util_divisions.go`. Each call is listed once per action, at its first use,
 * with the broadest condition under which the action makes it (later repeats, e.g. in the
 * read-back, are named in `purpose`).
 */
import type { CallCondition, ProviderTable } from './types.js';

/** `ignore_members` is not true: the queue's user members are managed. */
const MANAGES_MEMBERS: CallCondition = { not: { equals: ['ignore_members', true] } };

/** Some member's `ring_num` is not 1 (the schema allows 1 to 6). */
const RING_NOT_ONE: CallCondition = {
  any: [2, 3, 4, 5, 6].map((n): CallCondition => ({ equals: ['members.ring_num', n] })),
};

export const ROUTING: ProviderTable = {
  genesyscloud_routing_queue: {
    file: 'routing_queue/resource_genesyscloud_routing_queue.go',
    create: [
      {
        call: 'POST /api/v2/routing/queues',
        purpose: 'create the queue (division, member groups, flows, scripts in the body)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L213',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L150',
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}',
        purpose: "read the queue's member count before listing members; read the queue back",
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L228',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L339',
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}/members',
        purpose: 'list user members (and group members when members is set); read members back',
        at: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L196-L204',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L63',
        if: MANAGES_MEMBERS,
        when: 'unless ignore_members is true (and the queue reports a member count)',
      },
      {
        call: 'POST /api/v2/routing/queues/{queueId}/members',
        purpose: 'add the configured users as members (chunks of 100)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L348',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L282',
        if: { set: 'members' },
        when: 'if members is set',
      },
      {
        call: 'PATCH /api/v2/routing/queues/{queueId}/members/{memberId}',
        purpose: "set a member's ring number",
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L356',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L177',
        if: RING_NOT_ONE,
        when: "if a member's ring_num is not 1",
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}/wrapupcodes',
        purpose: "list the queue's wrap-up codes; read them back",
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L281',
        via: 'routing_queue/resource_genesyscloud_routing_queue_utils.go#L1127',
      },
      {
        call: 'DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
        purpose: 'remove wrap-up codes not in wrapup_codes',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L335',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L690',
        if: { all: [{ changed: 'wrapup_codes' }, { server: 'the queue holds wrap-up codes not in wrapup_codes' }] },
        when: 'if wrapup_codes is set and the new queue already holds other codes',
      },
      {
        call: 'POST /api/v2/routing/queues/{queueId}/wrapupcodes',
        purpose: 'add the wrap-up codes (chunks of 100)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L327',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L658',
        if: { changed: 'wrapup_codes' },
        when: 'if wrapup_codes is set',
      },
    ],
    update: [
      {
        call: 'GET /api/v2/routing/queues/{queueId}',
        purpose: 'read the current queue (keep CGR/CGA/OEA managed elsewhere); member count; read back',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L228',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L576',
      },
      {
        call: 'PUT /api/v2/routing/queues/{queueId}',
        purpose: 'update the queue (first clearing bullseye ring member groups when rings are removed)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L258',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L545',
      },
      {
        call: 'GET /api/v2/authorization/divisions/home',
        purpose: 'look up the home division (once per provider run)',
        at: 'util/util_divisions.go#L36',
        via: 'util/util_divisions.go#L56',
        if: { all: [{ changed: 'division_id' }, { unset: 'division_id' }] },
        when: 'if division_id changed to empty',
        org: true,
      },
      {
        call: 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}',
        purpose: 'move the queue (QUEUE) to division_id',
        at: 'util/util_divisions.go#L63',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L550',
        if: { changed: 'division_id' },
        when: 'if division_id changed',
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}/members',
        purpose: 'list user members (and group members when members is set); read members back',
        at: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L196-L204',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L63',
        if: MANAGES_MEMBERS,
        when: 'on every update unless ignore_members is true (and the queue reports a member count)',
      },
      {
        call: 'POST /api/v2/routing/queues/{queueId}/members',
        purpose: 'remove user members not in members (all of them when members is empty)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L348',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L274',
        if: {
          all: [MANAGES_MEMBERS, { changed: 'members' }, { server: 'the queue has user members not in members' }],
        },
        when: 'if members changed (unless ignore_members) and the queue has users not listed',
      },
      {
        call: 'POST /api/v2/routing/queues/{queueId}/members',
        purpose: 'add configured users that are not yet members',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L348',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L282',
        if: { all: [{ changed: 'members' }, { set: 'members' }] },
        when: 'if members changed and lists users not yet on the queue',
      },
      {
        call: 'PATCH /api/v2/routing/queues/{queueId}/members/{memberId}',
        purpose: "set a member's ring number",
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L356',
        via: 'routing_queue/resource_genesyscloud_routing_queue_members.go#L177',
        if: { all: [{ changed: 'members' }, { set: 'members' }] },
        when: "if members changed and a ring_num differs from the queue's (or a new member's is not 1)",
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}/wrapupcodes',
        purpose: "list the queue's wrap-up codes; read them back",
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L281',
        via: 'routing_queue/resource_genesyscloud_routing_queue_utils.go#L1127',
      },
      {
        call: 'DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
        purpose: 'remove wrap-up codes not in wrapup_codes',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L335',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L690',
        if: { all: [{ changed: 'wrapup_codes' }, { server: 'the queue holds wrap-up codes not in wrapup_codes' }] },
        when: 'if wrapup_codes changed and the queue holds codes no longer listed',
      },
      {
        call: 'POST /api/v2/routing/queues/{queueId}/wrapupcodes',
        purpose: 'add new wrap-up codes (chunks of 100)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L327',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L658',
        if: { all: [{ changed: 'wrapup_codes' }, { set: 'wrapup_codes' }] },
        when: 'if wrapup_codes changed and lists codes not on the queue',
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/queues/{queueId}',
        purpose: 'delete the queue (forceDelete=true)',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L266',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L623',
      },
      {
        call: 'GET /api/v2/routing/queues/{queueId}',
        purpose: 'poll until the queue is gone (404), up to 120 s',
        at: 'routing_queue/genesyscloud_routing_queue_proxy.go#L228',
        via: 'routing_queue/resource_genesyscloud_routing_queue.go#L638',
      },
    ],
    notes:
      'Members are reconciled against the org on every create/update unless ignore_members is true (no HasChange ' +
      'check in updateQueueMembers): the member GETs always happen; the POST/PATCH conditions assume a refreshed ' +
      'plan (with -refresh=false, drift in the org can make them happen without a planned change). members is not ' +
      'Computed, so an unset members removes every user member on update. On create, removing members is reachable ' +
      'only if the brand-new queue already has user members, so that POST (delete=true) is left out of create. ' +
      'When bullseye_rings changes to unset and the queue has rings with member groups, update makes an extra ' +
      'GET+PUT of the queue first (resource_genesyscloud_routing_queue_utils.go#L1142, #L1174), same operations ' +
      'as listed. The member list GET is a raw request through custom_api_client, not the SDK. The home-division ' +
      'lookup is practically unreachable (division_id is Computed). After a failed member/wrap-up step the same ' +
      'GETs as the read-back run (syncRoutingQueueStateFromAPI). Feature toggles for CGR/CGA/OEA only change the ' +
      'request bodies.',
  },

  genesyscloud_routing_skill: {
    file: 'routing_skill/resource_genesyscloud_routing_skill.go',
    create: [
      {
        call: 'POST /api/v2/routing/skills',
        purpose: 'create the skill',
        at: 'routing_skill/genesyscloud_routing_skill_proxy.go#L127',
        via: 'routing_skill/resource_genesyscloud_routing_skill.go#L48',
      },
      {
        call: 'GET /api/v2/routing/skills/{skillId}',
        purpose: 'read the skill back',
        at: 'routing_skill/genesyscloud_routing_skill_proxy.go#L137',
        via: 'routing_skill/resource_genesyscloud_routing_skill.go#L67',
      },
    ],
    update: [],
    delete: [
      {
        call: 'DELETE /api/v2/routing/skills/{skillId}',
        purpose: 'delete the skill',
        at: 'routing_skill/genesyscloud_routing_skill_proxy.go#L169',
        via: 'routing_skill/resource_genesyscloud_routing_skill.go#L92',
      },
      {
        call: 'GET /api/v2/routing/skills/{skillId}',
        purpose: 'poll until 404 or state deleted, up to 30 s',
        at: 'routing_skill/genesyscloud_routing_skill_proxy.go#L137',
        via: 'routing_skill/resource_genesyscloud_routing_skill.go#L98',
      },
    ],
    notes: 'No update function: name is ForceNew.',
  },

  genesyscloud_routing_skill_group: {
    file: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go',
    create: [
      {
        call: 'POST /api/v2/routing/skillgroups',
        purpose: 'create the skill group (division, skill conditions in the body)',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L144',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L65',
      },
      {
        call: 'GET /api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
        purpose: "list the group's member divisions; read them back",
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L206',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L236',
      },
      {
        call: 'GET /api/v2/authorization/divisions/home',
        purpose: 'look up the home division to keep it out of the removals (once per provider run)',
        at: 'util/util_divisions.go#L36',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group_utils.go#L58',
        if: {
          all: [
            { unset: 'division_id' },
            { unset: 'member_division_ids' },
            { server: 'the new group already has member divisions' },
          ],
        },
        when: 'if division_id and member_division_ids are unset/empty and the group has member divisions',
        org: true,
      },
      {
        call: 'POST /api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
        purpose: 'add member_division_ids (or remove existing member divisions when empty)',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L199',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L221',
        if: {
          any: [{ set: 'member_division_ids' }, { server: 'the new group has member divisions other than its own' }],
        },
        when: 'if member_division_ids is set, or (empty) the new group has other member divisions',
      },
      {
        call: 'GET /api/v2/routing/skillgroups/{skillGroupId}',
        purpose: 'read the skill group back',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L152',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L89',
      },
    ],
    update: [
      {
        call: 'PATCH /api/v2/routing/skillgroups/{skillGroupId}',
        purpose: 'update name, description, division, skill conditions',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L184',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L149',
      },
      {
        call: 'GET /api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
        purpose: "list the group's member divisions; read them back",
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L206',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L236',
      },
      {
        call: 'GET /api/v2/authorization/divisions/home',
        purpose: 'look up the home division to keep it out of the removals (once per provider run)',
        at: 'util/util_divisions.go#L36',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group_utils.go#L58',
        if: { all: [{ unset: 'division_id' }, { server: 'member divisions are to be removed' }] },
        when: 'if division_id is empty and member divisions are to be removed',
        org: true,
      },
      {
        call: 'POST /api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
        purpose: 'add/remove member divisions to match member_division_ids',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L199',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L221',
        if: {
          any: [
            { changed: 'member_division_ids' },
            { server: "the group's member divisions differ from member_division_ids" },
          ],
        },
        when: "if member_division_ids differs from the group's member divisions",
      },
      {
        call: 'GET /api/v2/routing/skillgroups/{skillGroupId}',
        purpose: 'read the skill group back',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L152',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L89',
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/skillgroups/{skillGroupId}',
        purpose: 'delete the skill group',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L192',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L169',
      },
      {
        call: 'GET /api/v2/routing/skillgroups/{skillGroupId}',
        purpose: 'poll until 404, up to 30 s',
        at: 'routing_skill_group/genesyscloud_routing_skill_group_proxy.go#L152',
        via: 'routing_skill_group/resource_genesyscloud_routing_skill_group.go#L175',
      },
    ],
    notes:
      'Member divisions are reconciled against the org on every create/update (no HasChange check): the list GET ' +
      'always happens; the POST happens when the computed add/remove lists are not empty (with "*" it always adds ' +
      '"*"; an empty/unset member_division_ids removes every member division except the group\'s own). The home ' +
      'division GET (util.GetHomeDivisionID, sync.Once) runs only when removals exist and division_id is empty; ' +
      'division_id is Optional+Computed, so on update it is practically unreachable.',
  },

  genesyscloud_routing_language: {
    file: 'routing_language/resource_genesyscloud_routing_language.go',
    create: [
      {
        call: 'POST /api/v2/routing/languages',
        purpose: 'create the language',
        at: 'routing_language/genesyscloud_routing_language_proxy.go#L127',
        via: 'routing_language/resource_genesyscloud_routing_language.go#L52',
      },
      {
        call: 'GET /api/v2/routing/languages/{languageId}',
        purpose: 'read the language back',
        at: 'routing_language/genesyscloud_routing_language_proxy.go#L138',
        via: 'routing_language/resource_genesyscloud_routing_language.go#L72',
      },
    ],
    update: [],
    delete: [
      {
        call: 'DELETE /api/v2/routing/languages/{languageId}',
        purpose: 'delete the language',
        at: 'routing_language/genesyscloud_routing_language_proxy.go#L169',
        via: 'routing_language/resource_genesyscloud_routing_language.go#L97',
      },
      {
        call: 'GET /api/v2/routing/languages/{languageId}',
        purpose: 'poll until 404 or state deleted, up to 30 s',
        at: 'routing_language/genesyscloud_routing_language_proxy.go#L138',
        via: 'routing_language/resource_genesyscloud_routing_language.go#L103',
      },
    ],
    notes: 'No update function: name is ForceNew.',
  },

  genesyscloud_routing_wrapupcode: {
    file: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go',
    create: [
      {
        call: 'POST /api/v2/routing/wrapupcodes',
        purpose: 'create the wrap-up code (division_id in the body when set)',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L127',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L48',
      },
      {
        call: 'GET /api/v2/routing/wrapupcodes/{codeId}',
        purpose: 'read the wrap-up code back',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L135',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L67',
      },
    ],
    update: [
      {
        call: 'PUT /api/v2/routing/wrapupcodes/{codeId}',
        purpose: 'update name, description, division',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L143',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L94',
      },
      {
        call: 'GET /api/v2/routing/wrapupcodes/{codeId}',
        purpose: 'read the wrap-up code back',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L135',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L67',
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/wrapupcodes/{codeId}',
        purpose: 'delete the wrap-up code',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L151',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L111',
      },
      {
        call: 'GET /api/v2/routing/wrapupcodes/{codeId}',
        purpose: 'poll until 404, up to 30 s',
        at: 'routing_wrapupcode/genesyscloud_routing_wrapupcode_proxy.go#L135',
        via: 'routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go#L117',
      },
    ],
    notes: 'A division change goes in the PUT body; no separate division move.',
  },

  genesyscloud_routing_utilization: {
    file: 'routing_utilization/resource_genesyscloud_routing_utilization.go',
    create: [
      {
        call: 'PUT /api/v2/routing/utilization',
        purpose: 'set the org-wide utilization (media and label utilizations); create calls update',
        at: 'routing_utilization/genesyscloud_routing_utilization_proxy.go#L66',
        via: 'routing_utilization/resource_genesyscloud_routing_utilization.go#L95',
        org: true,
      },
      {
        call: 'GET /api/v2/routing/utilization',
        purpose: 'read the utilization back',
        at: 'routing_utilization/genesyscloud_routing_utilization_proxy.go#L59',
        via: 'routing_utilization/resource_genesyscloud_routing_utilization.go#L57',
        org: true,
      },
    ],
    update: [
      {
        call: 'PUT /api/v2/routing/utilization',
        purpose: 'set the org-wide utilization (retried on 409)',
        at: 'routing_utilization/genesyscloud_routing_utilization_proxy.go#L66',
        via: 'routing_utilization/resource_genesyscloud_routing_utilization.go#L95',
        org: true,
      },
      {
        call: 'GET /api/v2/routing/utilization',
        purpose: 'read the utilization back',
        at: 'routing_utilization/genesyscloud_routing_utilization_proxy.go#L59',
        via: 'routing_utilization/resource_genesyscloud_routing_utilization.go#L57',
        org: true,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/utilization',
        purpose: 'reset the org utilization to defaults',
        at: 'routing_utilization/genesyscloud_routing_utilization_proxy.go#L73',
        via: 'routing_utilization/resource_genesyscloud_routing_utilization.go#L121',
        org: true,
      },
    ],
    notes: 'A singleton org setting (id "routing_utilization"): every call is org-wide. Delete does not poll.',
  },

  genesyscloud_routing_email_domain: {
    file: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go',
    create: [
      {
        call: 'POST /api/v2/routing/email/domains',
        purpose: 'create the domain (domain_id, subdomain)',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L137',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L54',
      },
      {
        call: 'GET /api/v2/routing/email/domains',
        purpose: 'find the existing domain to adopt (all pages)',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L102',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L61',
        if: { server: 'the POST answers 400 "domain already exists"' },
        when: 'if the create reports that the domain already exists',
        org: true,
      },
      {
        call: 'PATCH /api/v2/routing/email/domains/{domainId}',
        purpose: 'set MAIL FROM domain and custom SMTP server (create calls update)',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L202',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L148',
        if: { any: [{ set: 'mail_from_domain' }, { set: 'custom_smtp_server_id' }] },
        when: 'if mail_from_domain or custom_smtp_server_id is set',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainId}',
        purpose: 'read the domain back',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L147',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L102',
      },
    ],
    update: [
      {
        call: 'PATCH /api/v2/routing/email/domains/{domainId}',
        purpose: 'set MAIL FROM domain and custom SMTP server',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L202',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L148',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainId}',
        purpose: 'read the domain back',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L147',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L102',
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/email/domains/{domainId}',
        purpose: 'delete the domain (404 counts as deleted)',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L209',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L169',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainId}',
        purpose: 'poll until 404, up to 90 s',
        at: 'routing_email_domain/genesyscloud_routing_email_domain_proxy.go#L147',
        via: 'routing_email_domain/resource_genesyscloud_routing_email_domain.go#L179',
      },
    ],
    notes:
      'domain_id and subdomain are ForceNew; update always PATCHes both mail_from_domain and custom_smtp_server_id ' +
      '(it fails locally, before any call, if mail_from_domain is not a subdomain of domain_id). After adopting an ' +
      'existing domain the read-back may be served from the list cache (no GET by id).',
  },

  genesyscloud_routing_email_route: {
    file: 'routing_email_route/resource_genesyscloud_routing_email_route.go',
    create: [
      {
        call: 'GET /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: "read the reply route's pattern (reply_email_address.domain_id/route_id)",
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L205',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L73',
        if: { set: 'reply_email_address.route_id' },
        when: 'if reply_email_address names another route (self_reference_route false)',
        org: true,
      },
      {
        call: 'POST /api/v2/routing/email/domains/{domainName}/routes',
        purpose: 'create the route',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L169',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L81',
      },
      {
        call: 'PUT /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'point the reply address at the new route itself',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L181',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L92',
        if: { equals: ['reply_email_address.self_reference_route', true] },
        when: 'if reply_email_address.self_reference_route is true',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'read the route back',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L205',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L111',
      },
    ],
    update: [
      {
        call: 'GET /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: "read the reply route's pattern (reply_email_address.domain_id/route_id)",
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L205',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L180',
        if: { set: 'reply_email_address.route_id' },
        when: 'if reply_email_address names another route (self_reference_route false)',
        org: true,
      },
      {
        call: 'PUT /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'update the route',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L181',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L189',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'read the route back',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L205',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L111',
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'delete the route (404 counts as deleted)',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L193',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L204',
      },
      {
        call: 'GET /api/v2/routing/email/domains/{domainName}/routes/{routeId}',
        purpose: 'poll until 404, up to 180 s',
        at: 'routing_email_route/genesyscloud_routing_email_route_proxy.go#L205',
        via: 'routing_email_route/resource_genesyscloud_routing_email_route.go#L214',
      },
    ],
    notes:
      'The reply-route GET may read a route of another domain (reply_email_address.domain_id). Queue, flow, ' +
      'language, skill and spam-flow ids only go in the request body (no lookups).',
  },
};
