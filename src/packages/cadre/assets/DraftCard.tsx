import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Alert from '../../../components/Alert';
import ChoiceRow from '../../../components/ChoiceRow';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { currentQuarterKey } from '../../../services/china-time';
import { quarterText } from '../../../services/labels';
import { shiftQuarter } from '../../../services/quarters';

/** This quarter and the three before it: a late disclosure is still drafted for its own quarter. */
const QUARTERS_BACK = 4;

/**
 * 生成本季度三资公开: the quarter's 固定资产台账, 资产出租出借与承包收益, 资源台账 and 资源发包合同与收益,
 * drafted from the registers in one tap. They go to the 监委会 from 起草季度公开, like any draft.
 */
export default function DraftCard({ villageId }: { villageId: string }) {
  const calendar = currentQuarterKey();
  const [quarter, setQuarter] = useState(calendar);
  const [drafted, setDrafted] = useState<{ quarter: string; titles: string[] } | null>(null);
  const action = useAction();
  const choices = Array.from({ length: QUARTERS_BACK }, (_, i) => shiftQuarter(calendar, -i)).map((key) => ({
    value: key,
    label: `${quarterText(key)}${key === calendar ? '（本季度）' : ''}`,
  }));

  function choose(key: string) {
    setQuarter(key);
    action.setError(null);
  }

  async function draft() {
    const asked = quarter;
    await action.run(() => assetsApi.draftDisclosure(villageId, asked), {
      done: (out) => `已生成 ${out.drafted.length} 项草稿，请到“起草季度公开”提交审核`,
      failed: '没有生成成功，请稍后再试。',
      onDone: (out) => setDrafted({ quarter: asked, titles: out.drafted.map((d) => d.title) }),
    });
  }

  const shown = drafted?.quarter === quarter ? drafted : null;
  return (
    <View className="card" aria-label="生成三资公开">
      <Text className="cadre-assets__label" style={{ marginTop: 0 }}>
        生成三资公开
      </Text>
      <ChoiceRow className="cadre-assets__choices" label="选择季度" choices={choices} current={quarter} onPick={choose} />
      <Text className="cadre-assets__hint">
        按资产台账、资源台账和合同，起草{quarterText(quarter)}
        的固定资产台账、资产出租出借与承包收益、土地林地水面等资源台账、资源发包租赁合同与收益四项。监委会审核后才向村民公开。
      </Text>
      <View className="cadre-assets__buttons">
        <Button type="primary" size="large" block loading={action.busy} disabled={action.busy} onClick={draft}>
          {quarter === calendar ? '生成本季度三资公开' : `生成${quarterText(quarter)}三资公开`}
        </Button>
      </View>
      {action.error && <Alert text={action.error} />}
      {shown && (
        <View aria-label="已生成的草稿">
          <Text className="cadre-assets__line">已起草 {shown.titles.length} 项：</Text>
          {shown.titles.map((t) => (
            <Text key={t} className="cadre-assets__line">
              · {t}
            </Text>
          ))}
          <View className="cadre-assets__buttons">
            <Button
              size="large"
              block
              onClick={() => Taro.navigateTo({ url: `/packages/cadre/disclose/index?villageId=${villageId}&quarter=${shown.quarter}` })}
            >
              去“起草季度公开”提交审核
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
