// The team database's design document `_design/planner`: the rules CouchDB checks on every
// write, whoever writes (the app, a script, a replication from another server).
// Installed by `node couchdb/install.mjs` (see docs/sync.md); kept in the repository so that
// a change of the rules is reviewed like code. CouchDB runs it as a plain function: no
// modules, no `let` in old SpiderMonkey (CouchDB 3 ships QuickJS or SpiderMonkey 91: `var`
// works in both).
function (newDoc, oldDoc, userCtx, secObj) {
  // The newest schema version this design document accepts: raise it with the app's.
  var SCHEMA_VERSION = 3;
  var roles = userCtx.roles || [];
  var isAdmin = roles.indexOf('_admin') !== -1;
  var isLeader = isAdmin || roles.indexOf('leader') !== -1;

  function forbid(why) {
    throw({ forbidden: why });
  }

  var id = newDoc._id;
  var kind = id.indexOf('account:') === 0 ? 'account'
    : id.indexOf('member:') === 0 ? 'member'
    : id === 'settings' ? 'settings'
    : null;
  if (kind === null) forbid('Unknown document id “' + id + '”: ids start with account:, member: or are settings.');
  if (kind !== 'settings' && id.indexOf(':') === id.length - 1) forbid('The document id “' + id + '” names no entity.');

  // Only the owner of an account (its owner's CouchDB user) or a leader changes or deletes it.
  if (kind === 'account' && oldDoc && !oldDoc._deleted && oldDoc.owner && !isLeader && oldDoc.owner !== userCtx.name) {
    forbid('Only the account\'s owner (' + oldDoc.owner + ') or a leader may change this account.');
  }
  if (newDoc._deleted) return;
  if (kind === 'account' && oldDoc && !oldDoc._deleted && oldDoc.owner && !isLeader
      && (newDoc.owner || '') !== oldDoc.owner) {
    forbid('Only a leader may hand an account to another owner.');
  }

  if (typeof newDoc.schema_version !== 'number' || newDoc.schema_version < 1 || newDoc.schema_version > SCHEMA_VERSION) {
    forbid('schema_version must be a number from 1 to ' + SCHEMA_VERSION + '.');
  }
  var body = newDoc[kind];
  if (!body || typeof body !== 'object') forbid('The document has no “' + kind + '” object.');
  if (kind !== 'settings' && body.id !== id.slice(kind.length + 1)) {
    forbid('The ' + kind + '’s id does not match the document id “' + id + '”.');
  }
  if (kind === 'settings' && !isLeader && oldDoc && !oldDoc._deleted) {
    // Everyone may create the settings once; afterwards leaders keep them.
    forbid('Only a leader may change the team\'s settings.');
  }
}
