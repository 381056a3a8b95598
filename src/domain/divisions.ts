/**
 * Genesys Cloud facts about divisions, shared by every stage (each with its source).
 */

/**
 * The default division's name: objects created without a division belong to it (Resource Center,
 * access-control overview, {@link RC_HOME_DEFAULT}: "By default, all objects belong to the Home
 * division."), and a role granted without a division list is granted in it.
 */
export const HOME = 'Home';
/** Resource Center page stating that objects default to the Home division. */
export const RC_HOME_DEFAULT = 'https://help.mypurecloud.com/?p=169725';
/** The sentence of {@link RC_HOME_DEFAULT}, quoted. */
export const RC_HOME_QUOTE = 'By default, all objects belong to the Home division.';

/**
 * Resource Center, "Move objects from one division to another": moving an object needs its
 * object-based (edit) permission in the division it leaves and in the one it enters.
 */
export const RC_MOVE_OBJECTS = 'https://help.mypurecloud.com/articles/move-objects-from-one-division-to-another/';
/** The prerequisite {@link RC_MOVE_OBJECTS} states, quoted. */
export const RC_MOVE_QUOTE =
  'All divisions you are moving objects to and from assigned to the role that contains the object-based permissions';

/**
 * The division-move operation (`postAuthorizationDivisionObject`, "Assign a list of objects to a
 * division"); the swagger gives it no permission: the object's edit permission applies
 * ({@link RC_MOVE_OBJECTS}).
 */
export const MOVE_PATH = '/api/v2/authorization/divisions/{divisionId}/objects/{objectType}';

/**
 * Types whose objects live in a division: without `division_id` they are created in (and found
 * in) the Home division.
 *
 * Source: Genesys Cloud Resource Center, "Divisions overview"
 * (https://help.mypurecloud.com/articles/divisions-overview/), "You can configure a division with
 * these object types": call routing objects (IVR configurations), contact lists, data tables, Do
 * Not Contact lists, emergencies (emergency groups), flows, flow milestones, flow outcomes,
 * learning modules, management units, outbound campaigns, queues, schedules, schedule groups,
 * users; and "Move objects between divisions" (https://help.mypurecloud.com/?p=177143): business
 * units. Scripts, skill groups, teams, workbins and worktypes are division-aware through their
 * `division_id` argument (provider docs; design card §3 puts scripts in divisions).
 *
 * Deliberately absent: wrap-up codes and secondary statuses, which Genesys may place in the "All"
 * division when none is given (https://help.mypurecloud.com/?p=309599): without `division_id`
 * their division is unknown, so they are not division-bound. When a plan states a `division_id`
 * for any type, that division is used.
 */
export const DIVISION_AWARE_TYPES: ReadonlySet<string> = new Set([
  'genesyscloud_architect_datatable',
  'genesyscloud_architect_emergencygroup',
  'genesyscloud_architect_ivr',
  'genesyscloud_architect_schedulegroups',
  'genesyscloud_architect_schedules',
  'genesyscloud_flow',
  'genesyscloud_flow_milestone',
  'genesyscloud_flow_outcome',
  'genesyscloud_learning_modules',
  'genesyscloud_outbound_campaign',
  'genesyscloud_outbound_contact_list',
  'genesyscloud_outbound_dnclist',
  'genesyscloud_outbound_messagingcampaign',
  'genesyscloud_routing_queue',
  'genesyscloud_routing_skill_group',
  'genesyscloud_script',
  'genesyscloud_task_management_workbin',
  'genesyscloud_task_management_worktype',
  'genesyscloud_team',
  'genesyscloud_user',
  'genesyscloud_workforcemanagement_businessunits',
  'genesyscloud_workforcemanagement_managementunit',
]);
