/**
 * The vote burst of bench:votes on the CloudBase emulator: the matters function through the
 * CloudBase adapter and the real SDK, every API request paying the emulator's round trip. One
 * village, its 村民会议 open, `clients` voters voting at once. Functions, the SDK and the
 * emulator share this one process here, where CloudBase would give each concurrent call its own
 * instance: the figure is a floor, and its use is comparing designs (one tally document or
 * sixteen), not predicting production.
 */
import { generateKeyPairSync } from 'node:crypto';
import { C } from '../../cloudfunctions/core/collections';
import type { ElectorDoc } from '../../cloudfunctions/core/matters/model';
import { FULL_SCALE, SCALE_META, seedScale, scaleVillages } from '../../cloudfunctions/host/scale-seed';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import { readAll } from '../../cloudfunctions/ports/docstore';
import { startCloudWorld } from '../../tests/emulator/cloudbase/world';

const DAY = 24 * 3600 * 1000;

export interface CloudVotes {
  clients: number;
  latencyMs: number;
  votesPerSecond: number;
  accepted: number;
  refused: Map<string, number>;
  recountMatches: boolean;
}

export async function cloudVotes(o: { now: Date; roster: number; clients: number; latencyMs?: number }): Promise<CloudVotes> {
  const latencyMs = o.latencyMs ?? 8;
  const idKey = 'bench-cloud-id-key';
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const clock = new MovableClock(o.now);
  const scale = { ...FULL_SCALE, villages: 1, years: 0, tickets: 0, votes: 0, rosterMin: o.roster, rosterMax: o.roster, boundShare: 1 };
  // The seed's own bookkeeping collection exists too (never in production).
  const world = await startCloudWorld({ clock, idKey, signingKey, seed: (store) => seedScale(store, o.now, idKey, scale), seedCollections: [SCALE_META] });
  const { emu, fns, store } = world;
  try {
    const v = scaleVillages(scale)[0].id;
    const as = async (key: string, action: string, data: unknown) => {
      const out = await fns.invoke('matters', action, data, `scale-openid-${v}-${key}`);
      if (!out.ok) throw new Error(`matters.${action}: ${JSON.stringify(out.error)}`);
      return out.data;
    };
    const m = await as('secretary', 'propose', { villageId: v, title: '硬化村内主街', summary: '主街 1.2 公里硬化。', decisionBody: 'villagers' });
    await as('director', 'discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委同意，提交党员大会审议。' });
    const reviewed = await as('secretary', 'openVote', { villageId: v, matterId: m.id, closesAt: new Date(o.now.getTime() + 3 * DAY).toISOString() });
    const party = await readAll(store.collection<ElectorDoc>(C.voteElectors), { where: { meetingId: reviewed.meetings[0].id } });
    for (const p of party) await as('supervisor', 'recordInPerson', { villageId: v, meetingId: reviewed.meetings[0].id, personId: p.personId, choice: '同意' });
    await as('supervisor', 'close', { villageId: v, meetingId: reviewed.meetings[0].id });
    const deciding = await as('secretary', 'openVote', { villageId: v, matterId: m.id, closesAt: new Date(o.now.getTime() + 5 * DAY).toISOString() });
    const meetingId = deciding.meetings[1].id;
    const voters = (await readAll(store.collection<ElectorDoc>(C.voteElectors), { where: { meetingId } })).filter((e) => e.openid).slice(0, o.clients);

    emu.latencyMs = latencyMs;
    const refused = new Map<string, number>();
    let accepted = 0;
    const t0 = performance.now();
    await Promise.all(
      voters.map(async (e, i) => {
        const out = await fns.invoke('matters', 'vote', { villageId: v, meetingId, choice: i % 4 === 1 ? '不同意' : '同意' }, e.openid);
        if (out.ok) accepted += 1;
        else refused.set(out.error.code, (refused.get(out.error.code) ?? 0) + 1);
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    emu.latencyMs = 0;
    const recount = await fns.invoke('matters', 'recount', { villageId: v, meetingId }, `scale-openid-${v}-supervisor`);
    return {
      clients: voters.length,
      latencyMs,
      votesPerSecond: accepted / secs,
      accepted,
      refused,
      recountMatches: recount.ok && recount.data.matches === true,
    };
  } finally {
    await world.stop();
  }
}
