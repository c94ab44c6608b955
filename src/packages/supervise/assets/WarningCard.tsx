import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WarningAnswerKind, WarningView } from '../../../../types/assets';
import AssetWarning, { recordLink } from '../../../components/AssetWarning';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { AnswerForm, CloseForm } from './AnswerForm';

/** One warning with what the caller may do about it: answer (两委 and 监委会), close (监委会). */
export default function WarningCard({ w, canAnswer, canClose, onChanged }: { w: WarningView; canAnswer: boolean; canClose: boolean; onChanged: () => void }) {
  const answering = useAction();
  const closing = useAction();
  const open = w.state !== 'closed';

  function answer(kind: WarningAnswerKind, text: string) {
    closing.setError(null);
    return answering.run(() => assetsApi.answerWarning(w.villageId, w.id, kind, text), { done: '已答复', failed: '没有答复成功', onDone: onChanged });
  }
  function close(text: string) {
    return closing.run(() => assetsApi.closeWarning(w.villageId, w.id, text), {
      done: { title: '已销号', icon: 'success' },
      failed: '没有销号成功',
      onDone: onChanged,
    });
  }

  return (
    <AssetWarning w={w} onSubject={() => Taro.navigateTo({ url: recordLink(w) })}>
      {open && (canAnswer || canClose) && (
        <View className="sv-assets__actions">
          {canAnswer && <AnswerForm action={answering} answered={w.answers.length > 0} onSend={answer} />}
          {canClose && <CloseForm action={closing} answered={w.answers.length > 0} onSend={close} />}
        </View>
      )}
    </AssetWarning>
  );
}
