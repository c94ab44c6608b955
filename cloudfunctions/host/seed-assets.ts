import { addContract } from '../core/assets/contracts';
import type { WarningDoc } from '../core/assets/model';
import { addAsset, addResource } from '../core/assets/registers';
import { updateSettings } from '../core/assets/settings';
import { scanVillage } from '../core/assets/warnings';
import { C } from '../core/collections';
import { addRow } from '../core/finance/entries';
import { previousMonth } from '../core/finance/rules';
import { findAll } from '../core/shared/paging';
import type { PersonDoc } from '../core/shared/records';
import { addMonths, chinaDay } from '../core/shared/time';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import {
  type AssetStory,
  beijing,
  DEMO_ASSET_SETTINGS,
  demoCommonAssets,
  demoCommonResources,
  demoRentContracts,
  monthStart,
  type RentStream,
  rentStreamOf,
} from './demo-assets';
import { DEMO_ASSET_STORIES } from './demo-asset-stories';
import { demoLedgerMonth } from './demo-ledger';
import { demoPorts } from './demo-ports';
import { demoRosterFacts } from './demo-roster';
import type { DemoVillage } from './demo-villages';
import { demoLedgerMonths } from './seed-ledger';

/*
 * A demo village's 三资 as real use would have left it by `now`: the 会计 enters the registers
 * and contracts, rent is booked against its contract as it comes in, the daily timer raises the
 * warnings (looked at here on the 1st of each month, and once more at the end), the 两委 answer
 * some and the 监委会 closes one. Every step goes through the service the app calls, on a clock
 * moved to the step's moment, so each warning is raised when the rules first saw it.
 */

interface Step {
  at: Date;
  what: string;
  run: () => Promise<unknown>;
}

/** The township sets its reference prices before the 会计s enter anything (a month before the first). */
export async function seedAssetSettings(store: DocStore, now: Date, idKey: string, townshipId: string): Promise<void> {
  const clock = new MovableClock(beijing(`${addMonths(`${firstEntryMonth(now)}-01`, -1).slice(0, 7)}-05`, 9));
  await updateSettings(demoPorts(store, clock, idKey, 'dev-openid-township-admin'), { townshipId, ...DEMO_ASSET_SETTINGS });
}

/** The month the registers were entered: the month before the books' first rent. */
function firstEntryMonth(now: Date): string {
  const first = demoLedgerMonths(now).find((m) => Number(m.slice(5)) % 3 === 1);
  if (!first) throw new Error('the demo books hold no quarter-opening month');
  return previousMonth(first);
}

export async function seedAssets(store: DocStore, d: DemoVillage, villageIndex: number, now: Date, idKey: string): Promise<void> {
  const v = d.village._id;
  const clock = new MovableClock(now);
  const facts = demoRosterFacts(d, villageIndex);
  const people = { accountant: d.accountant, secretary: d.secretary, director: facts.director, landTenants: facts.landTenants, rentTenant: facts.rentTenant };
  const today = chinaDay(now);
  const entryMonth = firstEntryMonth(now);
  const enteredOn = `${entryMonth}-20`;
  const steps: Step[] = [];
  const ids: Record<string, string> = {};
  const as = (key: string) => demoPorts(store, clock, idKey, `dev-openid-${v}-${key}`);
  const accountOf = (name: string) => `${d.village.townshipId}:${name === '经营收入' ? 'in-1' : 'in-2'}`;
  for (const p of await findAll(store.collection<PersonDoc>(C.people), { villageId: v })) if (p.inRoster) ids[p.name] = p._id;

  const story: AssetStory = {
    villageId: v,
    people,
    today,
    enteredOn,
    ids,
    step: (day, hour, what, run) => steps.push({ at: beijing(day, hour), what, run }),
    as,
    async warningOn(kind, subjectKey) {
      const all = await findAll(store.collection<WarningDoc>(C.assetWarnings), { villageId: v });
      const w = all.find((x) => x.kind === kind && x.subject.id === ids[subjectKey]);
      if (!w) throw new Error(`demo ${v}: no ${kind} warning on ${subjectKey} by ${clock.now().toISOString()}`);
      return w;
    },
    async addAsset(key, input) {
      ids[key] = (await addAsset(as('accountant'), { villageId: v, ...input })).id;
    },
    async addResource(key, input) {
      ids[key] = (await addResource(as('accountant'), { villageId: v, ...input })).id;
    },
    async let(key, subject, terms) {
      ids[key] = (await addContract(as('accountant'), { villageId: v, subject: { type: subject.type, id: ids[subject.key] }, ...terms })).id;
    },
    async rent(contractKey, row) {
      await addRow(as('accountant'), {
        villageId: v,
        date: row.date,
        accountId: accountOf(row.account),
        amountFen: row.fen,
        counterparty: row.counterparty,
        summary: row.summary,
        handler: d.accountant,
        contractId: ids[contractKey],
      });
    },
  };

  // The registers and the three contracts the books collect on, entered at a sitting; the
  // 村民代表会议 approved the lets a week before, the auction followed.
  const rentMonths = demoLedgerMonths(now).filter((m) => Number(m.slice(5)) % 3 === 1);
  const start = addMonths(`${rentMonths[0]}-01`, 3);
  story.step(enteredOn, 10, 'registers and the booked contracts', async () => {
    for (const { key, ...a } of demoCommonAssets(people)) await story.addAsset(key, a);
    for (const { key, ...r } of demoCommonResources(v)) await story.addResource(key, r);
    const terms = demoRentContracts(v, people, ids, { meeting: `${entryMonth}-12`, auction: `${entryMonth}-16`, start });
    await story.let('land-0', { type: 'resource', key: 'land-0' }, terms['land-0']);
    await story.let('land-1', { type: 'resource', key: 'land-1' }, terms['land-1']);
    await story.let('warehouse', { type: 'asset', key: 'warehouse' }, terms.warehouse);
  });
  // Their rent, row for row what the books hold, each on the day it came in.
  for (const month of rentMonths) {
    for (const r of demoLedgerMonth(v, month, people)) {
      const stream: RentStream | null = rentStreamOf(r, people.landTenants);
      if (!stream) continue;
      story.step(r.date, 10, `rent ${stream}`, () =>
        story.rent(stream, {
          date: r.date,
          account: r.account === '经营收入' ? '经营收入' : '发包及上交收入',
          fen: Math.round(Number(r.yuan) * 100),
          counterparty: r.counterparty,
          summary: r.summary,
        }),
      );
    }
  }
  // What sets the village apart: the lets and the idle buildings the warnings are about.
  DEMO_ASSET_STORIES[v]?.(story);
  // The daily timer, looked at on the first of each month, then once more a minute before `now`:
  // a message of the very moment a test's own call is made would tie with it in an inbox.
  const timer = { ...demoPorts(store, clock, idKey, 'demo-timer'), caller: { openid: null } };
  for (let m = monthStart(enteredOn, 1); m <= today; m = addMonths(m, 1)) story.step(m, 6, 'timer', () => scanVillage(timer, v));
  const lastLook = new Date(Math.max(beijing(today, 0).getTime(), now.getTime() - 60_000));
  steps.push({ at: lastLook, what: 'timer', run: () => scanVillage(timer, v) });

  // Stable: steps of the same moment run in the order written.
  for (const s of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (s.at > now) {
      if (s.what === 'timer') continue;
      throw new Error(`demo ${v}: "${s.what}" falls after the seed's now (${s.at.toISOString()})`);
    }
    clock.set(s.at);
    await s.run();
  }
}
