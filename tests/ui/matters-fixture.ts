/**
 * What the 一事一议 villager-page tests share: a seeded host, the page opened as someone, calls to
 * the matters function as any persona, a matter taken to an open vote, and the page's own phrases.
 */
import { screen, within } from '@testing-library/react';
import MattersPage from '../../src/pages/matters';
import type { Choice, MatterView, MeetingView, ProposeInput } from '../../types/matters';
import { proposedToVote } from '../helpers/matters-flow';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 10:00 China time. In each demo village the 村民 persona is
// a 村民代表 but not a party member; the 书记 is both.
export const ui = pagesOnTestHost();
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
export const RECEIPT = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/;
export const NOT_LISTED = '您不在这次表决的名单里（名单在表决开始时确定）。';
export const COSIGN_NOTE = '提交后需要本村 18 周岁以上村民的十分之一、或村民代表的五分之一联名，才会交给两委商议。您自己算第一位联名人。';
export const SECRET_NOTE = '不记名投票：系统只记录您投过票，不记录您投了什么。投票后会给您一个回执号，请抄下或截图保存，表决结束后可以用它核对。';

export const openAs = (persona: string | null, params: Record<string, string>) => openPage(MattersPage, '/pages/matters/index', params, persona);

export const ok = (action: string, data: unknown, persona?: string) => ui.host.ok('matters', action, data, persona);

export const inThreeDays = () => new Date(ui.host.clock.now().getTime() + 3 * DAY).toISOString();
export const get = (villageId: string, matterId: string, persona?: string): Promise<MatterView> => ok('get', { villageId, matterId }, persona);

/** A branch proposal taken through 商议 to an open 党员大会 vote. */
export function atReview(input: Omit<ProposeInput, 'decisionBody'> & { decisionBody?: ProposeInput['decisionBody'] }): Promise<MatterView> {
  return proposedToVote(
    ok,
    { decisionBody: 'representatives', ...input },
    { discussedBy: `${input.villageId}-director`, record: '两委联席会议一致同意，提交党员大会审议。', closesAt: inThreeDays() },
  );
}

/** The 监委会 records everyone who has not voted yet as present, agreeing (open) or just present (secret). */
export async function everyoneElse(villageId: string, meetingId: string, choice?: Choice) {
  const { people } = await ok('electorate', { villageId, meetingId }, `${villageId}-supervisor`);
  const rest = people.filter((p: { voted: boolean }) => !p.voted);
  for (const p of rest) await ok('recordInPerson', { villageId, meetingId, personId: p.personId, ...(choice ? { choice } : {}) }, `${villageId}-supervisor`);
  return rest.length as number;
}

export { answerModal as confirmModal } from './modals';

export const turnoutOf = (x: MeetingView) => `应到 ${x.eligible} 人，已参加 ${x.present} 人（网上 ${x.online}，现场 ${x.inPerson}）`;
export const meetingCard = (x: MeetingView) => screen.findByLabelText(`表决：${x.stage} ${x.bodyName}`);
export const buttonOf = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;

const realNow = Date.now.bind(Date);

/**
 * The page compares closing times with the phone's clock: it runs on the host's clock (which
 * the tests move), and still ticks, so the votes opened here stay open whatever today is.
 */
export function phoneOnHostClock(): void {
  beforeEach(() => {
    const started = realNow();
    jest.spyOn(Date, 'now').mockImplementation(() => ui.host.clock.now().getTime() + (realNow() - started));
  });
  afterEach(() => jest.restoreAllMocks());
}
