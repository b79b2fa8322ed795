// The team database's design document (couchdb/validate_doc_update.js), run in node as
// CouchDB runs it: the id prefixes, the schema version, and that only an account's owner
// or a leader changes it. (The sync journeys run it inside the test server too.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
// eslint-disable-next-line no-new-func
const validate = new Function(`return ${source.slice(source.search(/^function \(/m))}`)();
const ann = { name: 'ann@example.com', roles: ['leader'] };
const bob = { name: 'bob@example.com', roles: ['member'] };
const cy = { name: 'cy@example.com', roles: ['member'] };

/** The reason a write is refused, or null when it is accepted. */
function refusal(newDoc, oldDoc, user) {
  try {
    validate(newDoc, oldDoc, user, {});
    return null;
  } catch (e) {
    return e.forbidden ?? String(e);
  }
}

const account = (id, owner, extra = {}) => ({
  _id: `account:${id}`, schema_version: 2, owner, account: { id, name: 'Acme', ...extra },
});

test('documents are accounts, members or the settings, with matching ids', () => {
  assert.equal(refusal(account('acc-1', 'bob@example.com'), null, bob), null);
  assert.equal(refusal({ _id: 'member:tm-1', schema_version: 2, member: { id: 'tm-1' } }, null, bob), null);
  assert.equal(refusal({ _id: 'settings', schema_version: 2, settings: {} }, null, bob), null);
  assert.match(refusal({ _id: 'note:1', schema_version: 2 }, null, ann), /Unknown document id/);
  assert.match(refusal({ _id: 'account:acc-1', schema_version: 2, account: { id: 'acc-2' } }, null, ann), /does not match/);
  assert.match(refusal({ _id: 'account:', schema_version: 2, account: { id: '' } }, null, ann), /names no entity/);
  assert.match(refusal({ _id: 'member:tm-1', schema_version: 2 }, null, ann), /no “member”/);
});

test('the schema version is a number no newer than the app this document was installed with', () => {
  assert.match(refusal({ ...account('acc-1'), schema_version: 99 }, null, ann), /schema_version/);
  assert.match(refusal({ ...account('acc-1'), schema_version: '2' }, null, ann), /schema_version/);
  assert.equal(refusal({ ...account('acc-1'), schema_version: 1 }, null, ann), null);
});

test("only an account's owner or a leader changes or deletes it", () => {
  const old = { ...account('acc-1', 'bob@example.com'), _rev: '1-a' };
  assert.equal(refusal(account('acc-1', 'bob@example.com', { notes: 'x' }), old, bob), null, 'the owner');
  assert.equal(refusal(account('acc-1', 'bob@example.com', { notes: 'x' }), old, ann), null, 'a leader');
  assert.match(refusal(account('acc-1', 'bob@example.com', { notes: 'x' }), old, cy), /owner \(bob@example.com\) or a leader/);
  assert.match(refusal({ _id: 'account:acc-1', _deleted: true }, old, cy), /owner/);
  assert.equal(refusal({ _id: 'account:acc-1', _deleted: true }, old, bob), null);
  assert.match(refusal(account('acc-1', 'cy@example.com'), old, bob), /Only a leader may hand/);
  assert.equal(refusal(account('acc-1', 'cy@example.com'), old, ann), null);
  // An account without an owner is the team's: any member changes it.
  assert.equal(refusal(account('acc-2', undefined, { notes: 'x' }), { ...account('acc-2'), _rev: '1-b' }, cy), null);
});

test('anyone creates the settings once; then only leaders change them', () => {
  const settings = { _id: 'settings', schema_version: 2, settings: { currency: 'EUR' } };
  assert.equal(refusal(settings, null, bob), null);
  assert.match(refusal(settings, { ...settings, _rev: '1-a' }, bob), /Only a leader/);
  assert.equal(refusal(settings, { ...settings, _rev: '1-a' }, ann), null);
});
