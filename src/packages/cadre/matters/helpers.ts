import type { MatterStatus, MatterSummary } from '../../../../types/matters';

/* The words and choices the 书记's and 主任's 一事一议 cards share. */

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

export const CAPS_TEXT = '本省上限：每人每年 15 元、每个劳动力 10 个工日；低保户免交、现役军人免除、只向劳动年龄村民筹劳。';

const STATUS_TEXT: Record<MatterStatus, string> = {
  cosigning: '村民联名中',
  active: '进行中',
  filing: '等待镇里审核备案',
  done: '已办结',
  stopped: '已终止',
};

export const STATUS_TAG: Record<MatterStatus, TagType> = { cosigning: 'info', active: 'primary', filing: 'warning', done: 'success', stopped: 'default' };

export function statusText(status: MatterStatus, voting: boolean): string {
  return status === 'active' && voting ? '正在表决' : STATUS_TEXT[status];
}

/** What the 书记 or 主任 does next, in words, so the list alone says where each matter waits. */
export function nextText(m: MatterSummary): string | null {
  if (m.status !== 'active') return null;
  if (m.voting) return '等待表决结束（监委会登记现场投票并结束表决）';
  switch (m.stage) {
    case '商议':
      return '下一步：记录两委联席会议商议结果';
    case '审议':
      return '下一步：召开党员大会表决';
    case '决议':
      return '下一步：召开村民会议或村民代表会议表决';
    case '决议公开':
      return '下一步：公开决议';
    case '实施结果公开':
      return '下一步：公开实施结果';
    default:
      return null;
  }
}
