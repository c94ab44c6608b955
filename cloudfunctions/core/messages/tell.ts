import type { Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import type { Notice } from '../../ports/notifier';
import { C } from '../collections';
import type { PersonDoc } from '../shared/records';
import { putInbox } from './inbox';

/** Messages outside the app, collected inside a transaction and sent only once it committed. */
export type Outgoing = { openids: string[]; notice: Notice }[];

/**
 * The accounts of whoever holds one of `roles` in the village now, read from the role index the
 * 书记 and the township keep (village_roles). People who left the roster or never bound an
 * account cannot be told and are left out.
 */
export async function holdersOf(tx: Transaction, villageId: string, roles: readonly Role[]): Promise<PersonDoc[]> {
  const index = (await tx.get<{ _id: string; holders: Partial<Record<Role, string[]>> }>(C.villageRoles, villageId))?.holders ?? {};
  const ids = [...new Set(roles.flatMap((r) => index[r] ?? []))];
  const people = await Promise.all(ids.map((id) => tx.get<PersonDoc>(C.people, id)));
  return people.filter((p): p is PersonDoc => !!p && p.villageId === villageId && p.inRoster && !!p.boundOpenid);
}

/**
 * The in-app inbox for each account, in the same transaction as the change it reports (the same
 * record every capability writes), and the subscribe message to send after the commit.
 */
export async function tellIn(
  tx: Transaction,
  a: { openids: string[]; villageId: string; text: string; link: string; at: string; notice: Omit<Notice, 'page'> },
  out: Outgoing,
): Promise<void> {
  const openids = [...new Set(a.openids)];
  if (openids.length === 0) return;
  await putInbox(tx, openids, { villageId: a.villageId, text: a.text, link: a.link, at: a.at });
  out.push({ openids, notice: { ...a.notice, page: a.link.slice(1) } });
}

/** After the commit: a refused or failed WeChat message never undoes the change (the Notifier logs it). */
export async function sendAll(ports: Ports, out: Outgoing): Promise<void> {
  for (const o of out) if (o.openids.length > 0) await ports.notifier.send(o.openids, o.notice);
}
