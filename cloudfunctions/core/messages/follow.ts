import type { InboxMessage } from '../../../types/identity';
import type { Ports } from '../../ports';
import { cmd, type Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import { local, parseQuarterKey, quarterLabel } from '../shared/time';
import type { VillageName } from './inbox';

/**
 * Following a village: anyone may subscribe to a village's publications, and reads one notice per
 * village, quarter and day in the inbox. Kept with messages, not disclosure, because the inbox
 * (identity) and matters' publications read and send these too; disclosure only reports that it
 * published (notePublication, inside its transaction).
 */

export const subscriptionPolicy = {
  // Anyone who opened the village code from WeChat may follow it: many who care live far away
  // and have not verified.
  subscribe: { allow: 'anyone' },
  subscription: { allow: 'anyone' },
} satisfies Record<string, Rule>;

interface SubscriptionDoc {
  /** `${villageId}:${openid}` */
  _id: string;
  villageId: string;
  openid: string;
  since: string;
  [k: string]: unknown;
}

/** One notice per village, quarter and day: approving 24 items in a sitting says so once. */
interface NoticeDoc {
  _id: string;
  villageId: string;
  quarter: string;
  text: string;
  link: string;
  at: string;
  [k: string]: unknown;
}

const quarterPage = (villageId: string, quarter: string) => `/pages/quarter/index?villageId=${villageId}&quarter=${quarter}`;

function quarterName(quarter: string): string {
  const q = parseQuarterKey(quarter);
  return q ? quarterLabel(q) : quarter;
}

/** Inside the publishing transaction: records the day's notice; true when it is new. */
export async function notePublication(tx: Transaction, village: VillageName, quarter: string, now: Date): Promise<boolean> {
  const id = `${village._id}:${quarter}:${local(now).format('YYYYMMDD')}`;
  if (await tx.get<NoticeDoc>(C.villageNotices, id)) return false;
  await tx.add(C.villageNotices, {
    _id: id,
    villageId: village._id,
    quarter,
    text: `${village.name}公开了${quarterName(quarter)}的村务，点开查看。`,
    link: quarterPage(village._id, quarter),
    at: now.toISOString(),
  });
  return true;
}

/** After the publication committed: tells subscribers outside the app (the inbox already has it). */
export async function announcePublication(ports: Ports, village: VillageName, quarter: string): Promise<void> {
  const subs = ports.store.collection<SubscriptionDoc>(C.subscriptions);
  const date = local(ports.clock.now()).format('YYYY年M月D日');
  for (let skip = 0; ; skip += 1000) {
    const page = await subs.find({ where: { villageId: village._id }, skip, limit: 1000 });
    await ports.notifier.send(
      page.map((s) => s.openid),
      {
        kind: 'disclosure.published',
        page: quarterPage(village._id, quarter).slice(1),
        fields: { title: `${quarterName(quarter)}村务公开`, village: village.name, date },
      },
    );
    if (page.length < 1000) break;
  }
}

function needOpenid(ports: Ports): string {
  if (!ports.caller.openid) throw fail.unauthenticated();
  return ports.caller.openid;
}

async function enabledVillage(ports: Ports, villageId: string): Promise<VillageName> {
  const village = await ports.store.collection<VillageName>(C.villages).get(villageId);
  if (!village?.enabled) throw fail.notFound('没有找到这个村，可能已停用。');
  return village;
}

export async function subscribe(ports: Ports, input: { villageId: string; on: boolean }): Promise<{ subscribed: boolean }> {
  const openid = needOpenid(ports);
  await enabledVillage(ports, input.villageId);
  const id = `${input.villageId}:${openid}`;
  const subs = ports.store.collection<SubscriptionDoc>(C.subscriptions);
  if (input.on) {
    // `set` keeps a second tap harmless; the first subscription's date is kept.
    const existing = await subs.get(id);
    await subs.set(id, { villageId: input.villageId, openid, since: existing?.since ?? ports.clock.now().toISOString() });
  } else {
    await subs.remove(id);
  }
  return { subscribed: input.on };
}

export async function subscription(ports: Ports, input: { villageId: string }): Promise<{ subscribed: boolean }> {
  const openid = ports.caller.openid;
  if (!openid) return { subscribed: false };
  return { subscribed: (await ports.store.collection(C.subscriptions).get(`${input.villageId}:${openid}`)) !== null };
}

/** Publication notices of the villages this account follows, since it began following each. */
export async function publicationNotices(ports: Ports, openid: string): Promise<Omit<InboxMessage, 'villageName' | 'stale'>[]> {
  const subs = await ports.store.collection<SubscriptionDoc>(C.subscriptions).find({ where: { openid }, limit: 20 });
  const lists = await Promise.all(
    subs.map((s) =>
      ports.store.collection<NoticeDoc>(C.villageNotices).find({
        where: { villageId: s.villageId, at: cmd.gte(s.since) },
        orderBy: [['at', 'desc']],
        limit: 20,
      }),
    ),
  );
  return lists.flat().map((n) => ({ id: `notice:${n._id}`, villageId: n.villageId, text: n.text, at: n.at, read: false, link: n.link }));
}
