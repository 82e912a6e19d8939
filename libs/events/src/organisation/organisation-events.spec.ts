import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { z } from 'zod';
import { readPayload } from '../payload-reading';
import {
  caisseKinds,
  organisationRegistered,
  organisationSnapshotSchema,
  organisationSnapshotV1Schema,
  organisationSnapshotV1ToV2,
  organisationTypes,
  organisationUpdated,
} from './organisation-events';

type SnapshotV1 = z.output<typeof organisationSnapshotV1Schema>;

const base: SnapshotV1 = {
  organisationId: '0b6f3d1e-2a4c-4e8f-9d1b-7c5a3e2f1a0b',
  type: 'SSTI',
  name: 'AST 35',
  regions: ['53'],
  contacts: [{ name: 'Anne', email: 'anne@example.org', function: null, receivesNotifications: true }],
};

const profile = { employeesFollowed: 48_000, memberCompanies: 3_900, btp: false, sectors: ['Rennes'] };

/** Any payload version 1 accepted: each optional field absent, null or set. */
const snapshotV1 = fc.record(
  {
    organisationId: fc.uuid({ version: 4 }),
    type: fc.constantFrom(...organisationTypes),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    regions: fc.array(fc.constantFrom('11', '53', '93', '94', '01'), { minLength: 1, maxLength: 3 }),
    contacts: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 20 }),
        email: fc.constantFrom('anne@example.org', 'contact@ast35.fr'),
        function: fc.option(fc.string({ maxLength: 20 })),
        receivesNotifications: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    caisseKind: fc.option(fc.constantFrom(...caisseKinds)),
    siret: fc.option(fc.stringMatching(/^\d{14}$/)),
    service: fc.option(
      fc.record({
        employeesFollowed: fc.nat(),
        memberCompanies: fc.nat(),
        btp: fc.boolean(),
        sectors: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
      }),
    ),
  },
  { requiredKeys: ['organisationId', 'type', 'name', 'regions', 'contacts'] },
);

describe('organisation snapshot, version 1 to version 2 (ADR 0011)', () => {
  it('makes the fields version 1 could leave out null, and knows no competent Caisse yet', () => {
    assert.deepEqual(organisationSnapshotV1ToV2({ ...base, service: profile }), {
      ...base,
      caisseKind: null,
      siret: null,
      service: { ...profile, caisseId: null },
    });
    assert.deepEqual(organisationSnapshotV1ToV2(base).service, null);
  });

  it('keeps what version 1 said', () => {
    const caisse: SnapshotV1 = {
      ...base,
      type: 'CAISSE',
      caisseKind: 'CARSAT',
      siret: '12345678901234',
      service: null,
    };
    assert.deepEqual(organisationSnapshotV1ToV2(caisse), { ...caisse });
  });

  it('turns every valid version-1 payload into a valid version-2 payload that keeps each of its values', () => {
    fc.assert(
      fc.property(snapshotV1, (input) => {
        const v1 = organisationSnapshotV1Schema.parse(input);
        const v2 = organisationSnapshotSchema.parse(organisationSnapshotV1ToV2(v1));
        assert.equal(v2.organisationId, v1.organisationId);
        assert.deepEqual(v2.contacts, v1.contacts);
        assert.equal(v2.caisseKind, v1.caisseKind ?? null);
        assert.equal(v2.siret, v1.siret ?? null);
        assert.deepEqual(v2.service, v1.service ? { ...v1.service, caisseId: null } : null);
      }),
    );
  });

  it('is the step organisation.registered and organisation.updated take from version 1', () => {
    for (const definition of [organisationRegistered, organisationUpdated]) {
      assert.equal(definition.version, 2);
      assert.deepEqual(
        definition.earlier.map((step) => step.version),
        [1],
      );
      const read = readPayload(definition, 1, { ...base, service: profile });
      assert.deepEqual(read, {
        ok: true,
        payload: organisationSnapshotV1ToV2({ ...base, service: profile }),
      });
    }
  });
});
