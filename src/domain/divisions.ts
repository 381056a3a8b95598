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
