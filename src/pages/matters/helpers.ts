import Taro from '@tarojs/taro';
import type { Choice, MatterStatus, Stage } from '../../../types/matters';
import { STAGES } from '../../../types/matters';

/*
 * The words the villagers' 一事一议 cards share: a matter's status and step read the same on the
 * list and on the matter itself.
 */

export const CHOICES: Choice[] = ['同意', '不同意', '弃权'];

export const STATUS_TEXT: Record<MatterStatus, string> = {
  cosigning: '征集联名中',
  active: '进行中',
  filing: '等待镇里审核备案',
  done: '已完成',
  stopped: '已终止',
};

export const STATUS_TAG: Record<MatterStatus, 'primary' | 'warning' | 'success' | 'default'> = {
  cosigning: 'warning',
  active: 'primary',
  filing: 'warning',
  done: 'success',
  stopped: 'default',
};

/** What each of the 四议两公开 steps is, for someone who has never heard the term. */
export const STAGE_HINT: Record<Stage, string> = {
  提议: '党组织提议，或村民联名提议',
  商议: '村党组织和村委会一起商议',
  审议: '党员大会审议表决',
  决议: '村民会议或村民代表会议表决',
  决议公开: '公开表决的结果',
  实施结果公开: '事情办完后公开结果',
};

export const go = (url: string) => () => Taro.navigateTo({ url });
export const verifyUrl = (villageId: string) => `/pages/verify/index?villageId=${villageId}`;

/** Where a matter stands, in words: the list and the detail say it the same way. */
export function stageWords(stage: Stage, status: MatterStatus): string {
  const n = STAGES.indexOf(stage) + 1;
  if (status === 'done') return '六个步骤都已完成，实施结果已公开';
  if (status === 'stopped') return `在第 ${n} 步“${stage}”终止`;
  return `现在是第 ${n} 步（共 6 步）：${stage}——${STAGE_HINT[stage]}`;
}
