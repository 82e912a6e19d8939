import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { recipientsAmong } from './recipients.rule';

function organisation(id: string, contacts: DirectoryOrganisation['contacts']): DirectoryOrganisation {
  return {
    id,
    type: 'SSTI',
    name: id,
    regions: ['53'],
    contacts,
    caisseId: null,
    version: 1,
    updatedAt: new Date(0),
  };
}

describe('recipients of a notification', () => {
  it('keeps only the contacts who accept notifications', () => {
    const recipients = recipientsAmong([
      organisation('a', [
        { name: 'Ana', email: 'ana@a.example', function: null, receivesNotifications: true },
        { name: 'Bo', email: 'bo@a.example', function: 'DRH', receivesNotifications: false },
      ]),
    ]);
    assert.deepEqual(recipients, [
      { email: 'ana@a.example', name: 'Ana', organisationId: 'a', organisationName: 'a' },
    ]);
  });

  it('writes each person once, in lower case, for the first organisation that lists them', () => {
    const recipients = recipientsAmong([
      organisation('a', [
        { name: 'Ana', email: 'Ana@Example.org', function: null, receivesNotifications: true },
      ]),
      organisation('b', [
        { name: 'Ana M.', email: 'ana@example.org', function: null, receivesNotifications: true },
        { name: 'Cy', email: 'cy@example.org', function: null, receivesNotifications: true },
      ]),
    ]);
    assert.deepEqual(recipients, [
      { email: 'ana@example.org', name: 'Ana', organisationId: 'a', organisationName: 'a' },
      { email: 'cy@example.org', name: 'Cy', organisationId: 'b', organisationName: 'b' },
    ]);
  });
});
