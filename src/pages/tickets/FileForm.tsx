import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../types/disclosure';
import type { ReportCategory } from '../../../types/tickets';
import Alert from '../../components/Alert';
import { FieldLabel } from '../../components/FormHints';
import { LimitedTextArea } from '../../components/Limited';
import { useAction } from '../../hooks/useAction';
import { ticketsApi } from '../../services/disclosure';
import { askToBeTold } from '../../services/subscribe';
import { CATEGORIES, MAX_TEXT, MIN_TEXT, type FormKind, type Me } from './helpers';
import PhotoField from './PhotoField';

interface FormProps {
  villageId: string;
  kind: FormKind;
  me: Me | null;
  onFiled: () => void;
}

/** 反映 and 建议: one form, as they differ only in the category a report needs. */
export default function FileForm({ villageId, kind, me, onFiled }: FormProps) {
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Attachment[]>([]);
  // No default: whether one's name goes with a report is for the villager to decide, not the app.
  const [anonymous, setAnonymous] = useState<boolean | null>(null);
  // Uploading and sending are busy apart (only an upload says 正在上传照片…), but the form shows one message.
  const upload = useAction();
  const send = useAction();
  const busy = upload.busy || send.busy;
  const error = upload.error ?? send.error;
  const { setError: setUploadError } = upload;
  const { setError: setSendError } = send;

  // A message about the other kind's form would only confuse.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `kind` is not read; switching between 反映 and 建议 is what clears the messages
  useEffect(() => {
    setUploadError(null);
    setSendError(null);
  }, [kind, setUploadError, setSendError]);

  function problem(): string | null {
    if (kind === 'report' && !category) return '请选择反映的类别：党务类、村务类或财务类。';
    const t = text.trim();
    if (t.length < MIN_TEXT) return kind === 'report' ? `请写一写是什么事，至少 ${MIN_TEXT} 个字。` : `请写一写您的建议，至少 ${MIN_TEXT} 个字。`;
    if (t.length > MAX_TEXT) return `最多写 ${MAX_TEXT} 个字，现在有 ${t.length} 个字。`;
    if (anonymous === null) return '请选择“实名”还是“匿名”。';
    return null;
  }

  async function submit() {
    const wrong = problem();
    upload.setError(null);
    if (wrong) return send.setError(wrong);
    const body = {
      villageId,
      kind,
      ...(kind === 'report' && category ? { category } : {}),
      text: text.trim(),
      photos: photos.map((p) => p.id),
      anonymous: anonymous === true,
    };
    await send.run(
      async () => {
        // The answer comes back by WeChat message too, if they allow it.
        await askToBeTold('ticket');
        await ticketsApi.file(body);
      },
      {
        done: '已提交，答复会出现在“我提过的”里',
        failed: '没有提交成功，请稍后再试。',
        onDone: () => {
          setCategory(null);
          setText('');
          setPhotos([]);
          setAnonymous(null);
          onFiled();
        },
      },
    );
  }

  return (
    <View className="card" aria-label={kind === 'report' ? '反映问题' : '提建议'}>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{kind === 'report' ? '反映问题' : '提建议'}</Text>
      <Text className="tickets__hint">
        {kind === 'report' ? '村里有不对的地方，可以告诉村务监督委员会，他们会核实并答复您。' : '对村里的事有好想法，可以告诉村务监督委员会，他们会答复您。'}
      </Text>

      {me && !me.signedIn && <Text className="tickets__notice">请在微信里打开阳光村务，才能反映问题或提建议。</Text>}
      {me?.signedIn && !me.verified && (
        <View className="tickets__notice">
          <Text style={{ display: 'block' }}>您还没有认证村民身份：可以匿名提交；想实名，请先认证。</Text>
          <Button size="normal" style={{ marginTop: '8px' }} onClick={() => Taro.navigateTo({ url: `/pages/verify/index?villageId=${villageId}` })}>
            认证村民身份
          </Button>
        </View>
      )}

      {kind === 'report' && (
        <View>
          <FieldLabel className="tickets__label" required text="是哪一类事？" />
          <View className="choice-row tickets__choices" aria-label="反映的类别">
            {CATEGORIES.map((c) => (
              <View key={c} className="tickets__choice">
                <Button size="large" block type={c === category ? 'primary' : 'default'} aria-pressed={c === category} onClick={() => setCategory(c)}>
                  {c}
                </Button>
              </View>
            ))}
          </View>
          <Text className="tickets__hint">党务类：党员、党费、党组织的事。村务类：低保、宅基地、修路等村里办的事。财务类：村里的钱和账。</Text>
        </View>
      )}

      <FieldLabel className="tickets__label" required text={kind === 'report' ? '是什么事' : '您的建议'} />
      <LimitedTextArea value={text} onChange={setText} placeholder="请写清楚是什么事、在哪里、什么时候" maxLength={MAX_TEXT} autoSize name="ticketText" />

      <PhotoField villageId={villageId} photos={photos} setPhotos={setPhotos} upload={upload} busy={busy} onStart={() => send.setError(null)} />

      <FieldLabel className="tickets__label" required text="留不留名字？" />
      <View className="choice-row tickets__choices" aria-label="实名还是匿名">
        <View className="tickets__choice">
          <Button size="large" block type={anonymous === false ? 'primary' : 'default'} aria-pressed={anonymous === false} onClick={() => setAnonymous(false)}>
            实名
          </Button>
        </View>
        <View className="tickets__choice">
          <Button size="large" block type={anonymous === true ? 'primary' : 'default'} aria-pressed={anonymous === true} onClick={() => setAnonymous(true)}>
            匿名
          </Button>
        </View>
      </View>
      <Text className="tickets__hint">实名：村务监督委员会能看到您的名字，方便找您了解情况。需要先认证村民身份。</Text>
      <Text className="tickets__hint">匿名：村干部和监委会都看不到是谁反映的，只有镇纪委在核查需要时可以查看，并会留下记录。</Text>
      {kind === 'suggestion' && <Text className="tickets__hint">监委会可能把建议公开到“公开的建议”里，让村民附议；公开时不显示是谁提的。</Text>}

      {error && <Alert text={error} />}

      <View className="tickets__actions">
        <Button type="primary" size="large" block loading={send.busy} disabled={busy} onClick={submit}>
          提交
        </Button>
      </View>
    </View>
  );
}
