import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, type CalendarDate } from '@tripartite/calendar';
import { MAX_PAGE_SIZE } from '@tripartite/http';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient } from './support/agreements-client';

interface ListAnswer {
  items: unknown[];
  page: number;
  pageSize: number;
  total: number;
  errors?: { field: string; rule: string }[];
}

// Issue 9: every list of the agreements service pages, filters its period and refuses bad paging alike.
describe('lists: one paging and one period filter everywhere (platform rule)', () => {
  let client: AgreementsClient;
  let close: () => Promise<void>;
  let today: CalendarDate;
  let token: string;
  /** Each list of the service, the number of items it holds once `before` ran, and whether it has a period. */
  const lists: { path: string; total: number; period: boolean }[] = [];

  before(async () => {
    const started = await startAgreements('agreements_lists');
    close = started.close;
    client = new AgreementsClient(started.app, started.config, started.dataSource);
    today = await client.today();
    token = await client.admin();
    const first = await client.registerService('AST Lists Un');
    const second = await client.registerService('AST Lists Deux');
    const agreement = await client.grantedAgreement(first, today);
    await client.file(second, today);
    const director = await client.token({ roles: ['sst'], region: '53', org: first });
    const drafted = await client.draftServiceProject(first, today, director);
    const [{ deadlines }] = await client.dataSource.query(
      'SELECT count(*)::int AS deadlines FROM deadlines WHERE subject_id = $1',
      [agreement.id],
    );
    lists.push(
      { path: '/api/v1/organisations', total: 2, period: true },
      { path: '/api/v1/agreements', total: 2, period: true },
      { path: '/api/v1/service-projects', total: 1, period: true },
      { path: `/api/v1/organisations/${first}/history`, total: 1, period: true },
      { path: `/api/v1/agreements/${agreement.id}/history`, total: 3, period: true },
      { path: `/api/v1/service-projects/${drafted.json().id}/history`, total: 1, period: true },
      { path: '/api/v1/admin/agreements/parked-messages', total: 0, period: true },
      { path: `/api/v1/agreements/${agreement.id}/deadlines`, total: deadlines, period: false },
    );
  });
  after(() => close?.());

  const get = async (path: string, query: string): Promise<{ status: number; body: ListAnswer }> => {
    const response = await client.request('GET', `${path}?${query}`, token);
    return { status: response.statusCode, body: response.json() as ListAnswer };
  };

  it('answers { items, page, pageSize, total } by pages of at most the page size', async () => {
    for (const { path, total } of lists) {
      const all = await get(path, '');
      assert.equal(all.status, 200, path);
      assert.deepEqual([all.body.page, all.body.pageSize, all.body.total], [1, 50, total], path);
      assert.equal(all.body.items.length, total, path);
      const second = await get(path, 'page=2&pageSize=1');
      assert.deepEqual([second.body.page, second.body.pageSize, second.body.total], [2, 1, total], path);
      assert.deepEqual(second.body.items, total > 1 ? [all.body.items[1]] : [], path);
    }
  });

  it(`refuses a page size over ${MAX_PAGE_SIZE}, the one maximum of the platform (400 naming pageSize)`, async () => {
    for (const { path } of lists) {
      const refused = await get(path, `pageSize=${MAX_PAGE_SIZE + 1}`);
      assert.equal(refused.status, 400, path);
      assert.deepEqual(
        refused.body.errors?.map((e) => [e.field, e.rule]),
        [['pageSize', 'max']],
        path,
      );
      assert.equal((await get(path, `pageSize=${MAX_PAGE_SIZE}`)).status, 200, path);
    }
  });

  it('refuses a period whose from is after its to (400 naming from, rule notAfterTo)', async () => {
    for (const { path } of lists.filter((list) => list.period)) {
      const refused = await get(path, `from=${addDays(today, 1)}&to=${today}`);
      assert.equal(refused.status, 400, path);
      assert.deepEqual(
        refused.body.errors?.map((e) => [e.field, e.rule]),
        [['from', 'notAfterTo']],
        path,
      );
    }
  });

  it('keeps what was recorded within from/to: a day bound covers the whole day in Paris', async () => {
    for (const { path, total } of lists.filter((list) => list.period)) {
      assert.equal((await get(path, `from=${today}&to=${today}`)).body.total, total, path);
      assert.equal((await get(path, `from=${addDays(today, 1)}`)).body.total, 0, path);
      assert.equal((await get(path, `to=${addDays(today, -1)}`)).body.total, 0, path);
    }
  });

  it('refuses a filter it does not know, so a misspelt one never passes for an empty one (400 unknown)', async () => {
    for (const { path } of lists) {
      const refused = await get(path, 'statut=granted');
      assert.equal(refused.status, 400, path);
      assert.deepEqual(
        refused.body.errors?.map((e) => [e.field, e.rule]),
        [['statut', 'unknown']],
        path,
      );
    }
  });
});
