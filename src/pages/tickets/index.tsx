import { Button, Image, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../types/disclosure';
import type { AnswerRating, ReportCategory, TicketState, TicketStats, TicketView } from '../../../types/tickets';
import Alert from '../../components/Alert';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { dateText } from '../../services/china-time';
import { ticketsApi } from '../../services/disclosure';
import { fromBrowserFile, fromTempFile, type PickedFile } from '../../services/file-pick';
import { identityApi } from '../../services/identity';
import { quarterText } from '../../services/labels';
import { openAttachment } from '../../services/open-file';
import { ApiCallError } from '../../services/transport';
import { askToBeTold } from '../../services/subscribe';
import { useElderMode } from '../../services/elder';
import './index.scss';
import { LimitedTextArea } from '../../components/Limited';
import { FieldLabel } from '../../components/FormHints';

type Tab = 'report' | 'suggestion' | 'mine' | 'board';
type FormKind = 'report' | 'suggestion';

const TABS: { key: Tab; label: string }[] = [
  { key: 'report', label: '我要反映问题' },
  { key: 'suggestion', label: '我要提建议' },
  { key: 'mine', label: '我提过的' },
  { key: 'board', label: '公开的建议' },
];

/** The route's `tab`: links from messages open 我提过的, the notice-board poster opens the board. */
const tabOf = (p: string | undefined): Tab => (p === 'mine' ? 'mine' : p === 'board' ? 'board' : 'report');

const CATEGORIES: ReportCategory[] = ['党务类', '村务类', '财务类'];
const RATINGS: AnswerRating[] = ['满意', '基本满意', '不满意'];

// The service's limits, checked before sending so the message can say what to change.
const MAX_PHOTOS = 6;
const MAX_PHOTO_BYTES = 1024 * 1024;
const MIN_TEXT = 4;
const MAX_TEXT = 500;

const STATE_TEXT: Record<TicketState, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已销号',
  escalated: '已转镇里处理',
};

const STATE_TAG: Record<TicketState, 'warning' | 'success' | 'default' | 'danger'> = {
  open: 'warning',
  answered: 'success',
  closed: 'default',
  escalated: 'danger',
};

const ESCALATED_TEXT: Record<NonNullable<TicketView['escalated']>['why'], string> = {
  overdue: '超过答复期限还没有答复，已转到镇里处理。',
  dissatisfied: '两次答复您都不满意，已转到镇里处理。',
  major: '这件事比较大，由镇里处理。',
};

const KIND_TEXT: Record<TicketView['kind'], string> = { question: '提问', report: '反映问题', suggestion: '建议' };

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
type Picked = PickedFile | { tooLarge: number };

/** Mini-program: a photo of the problem is usually taken on the spot, or is already in the album. */
async function pickInMiniProgram(count: number, firstNumber: number): Promise<Picked[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
  const out: Picked[] = [];
  for (const [i, file] of (res?.tempFiles ?? []).entries()) {
    // Too large a photo is refused before it is read.
    if (file.size > MAX_PHOTO_BYTES) {
      out.push({ tooLarge: file.size });
      continue;
    }
    const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
    out.push(fromTempFile(file.path, `照片${firstNumber + i}${ext}`, file.size));
  }
  return out;
}


function Photos({ list }: { list: Attachment[] }) {
  if (list.length === 0) return null;
  return (
    <View className="tickets__thumbs">
      {list.map((a, i) => (
        <View key={a.id} className="tickets__thumb" role="img" aria-label={`照片 ${i + 1}`} onClick={() => openAttachment(a, list)}>
          <Image src={a.url} mode="aspectFill" width="100%" height="100%" />
        </View>
      ))}
    </View>
  );
}

/** The answers, each with how the asker rated it, so a reopened ticket reads as a story. */
function Answers({ t }: { t: TicketView }) {
  return (
    <View>
      {t.answers.map((a, i) => (
        <View key={i} className="tickets__answer">
          <Text className="keep-lines" style={{ display: 'block' }}>答复：{a.text}</Text>
          <Text className="tickets__meta">
            {dateText(a.at)}
            {t.answers.length > 1 ? ` · 第 ${i + 1} 次答复` : ''}
            {t.ratings[i] ? ` · 评价：${t.ratings[i].rating}` : ''}
          </Text>
        </View>
      ))}
      {t.closed && <Text className="tickets__closed">销号：{t.closed.result}</Text>}
    </View>
  );
}

function Counts({ s }: { s: TicketStats }) {
  return (
    <View className="card" aria-label="本村码上监督情况">
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>本村码上监督情况</Text>
      <Text className="tickets__counts">
        {`已收到 ${s.received} 条，已答复 ${s.answered} 条（按时 ${s.answeredOnTime} 条），已销号 ${s.closed} 条，满意 ${s.satisfied} / 评价 ${s.rated}`}
      </Text>
      {s.overdueOpen > 0 && <Text className="tickets__overdue">{`超期未答复 ${s.overdueOpen} 条`}</Text>}
      <Text className="tickets__hint">有问题、有建议，都可以在这里交给村务监督委员会。过了答复期限还没答复的，会转到镇里处理。</Text>
    </View>
  );
}

interface Me {
  signedIn: boolean;
  verified: boolean;
}

interface FormProps {
  villageId: string;
  kind: FormKind;
  me: Me | null;
  onFiled: () => void;
}

/** 反映 and 建议: one form, as they differ only in the category a report needs. */
function FileForm({ villageId, kind, me, onFiled }: FormProps) {
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Attachment[]>([]);
  // No default: whether one's name goes with a report is for the villager to decide, not the app.
  const [anonymous, setAnonymous] = useState<boolean | null>(null);
  const [busy, setBusy] = useState<null | 'upload' | 'submit'>(null);
  const [error, setError] = useState<string | null>(null);

  // A message about the other kind's form would only confuse.
  useEffect(() => setError(null), [kind]);

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
    if (wrong) return setError(wrong);
    setError(null);
    setBusy('submit');
    try {
      // The answer comes back by WeChat message too, if they allow it.
      await askToBeTold('ticket');
      await ticketsApi.file({
        villageId,
        kind,
        ...(kind === 'report' && category ? { category } : {}),
        text: text.trim(),
        photos: photos.map((p) => p.id),
        anonymous: anonymous === true,
      });
      setCategory(null);
      setText('');
      setPhotos([]);
      setAnonymous(null);
      // WeChat cuts a toast with an icon to seven characters: no icon, so the whole sentence shows.
      Taro.showToast({ title: '已提交，答复会出现在“我提过的”里', icon: 'none', duration: 3000 });
      onFiled();
    } catch (e) {
      setError(messageOf(e, '没有提交成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function add(picked: Picked[]) {
    if (picked.length === 0) return;
    setError(null);
    setBusy('upload');
    const room = MAX_PHOTOS - photos.length;
    let refused: string | null = picked.length > room ? `最多添加 ${MAX_PHOTOS} 张照片，多选的没有添加。` : null;
    try {
      for (const p of picked.slice(0, room)) {
        if ('tooLarge' in p) {
          refused = `有一张照片太大（${sizeText(p.tooLarge)}），每张不能超过 1 MB，没有添加。`;
          continue;
        }
        // The server names every photo 照片: the phone's name for it may date it.
        const uploaded = await ticketsApi.upload(villageId, /\.png$/i.test(p.name) ? '照片.png' : '照片.jpg', p);
        setPhotos((list) => [...list, uploaded]);
      }
      if (refused) setError(refused);
    } catch (e) {
      setError(messageOf(e, '照片没有传上去，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function onBrowserFiles(files: File[]) {
    const picked: Picked[] = [];
    for (const f of files) picked.push(f.size > MAX_PHOTO_BYTES ? { tooLarge: f.size } : fromBrowserFile(f));
    await add(picked);
  }

  const full = photos.length >= MAX_PHOTOS;
  return (
    <View className="card" aria-label={kind === 'report' ? '反映问题' : '提建议'}>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{kind === 'report' ? '反映问题' : '提建议'}</Text>
      <Text className="tickets__hint">
        {kind === 'report' ? '村里有不对的地方，可以告诉村务监督委员会，他们会核实并答复您。' : '对村里的事有好想法，可以告诉村务监督委员会，他们会答复您。'}
      </Text>

      {me && !me.signedIn && <Text className="tickets__notice">请在微信里打开阳光村务，才能反映问题或提建议。</Text>}
      {me && me.signedIn && !me.verified && (
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
          <View className="tickets__choices" aria-label="反映的类别">
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

      <Text className="tickets__label">
        照片（可不加，{photos.length} / {MAX_PHOTOS}）
      </Text>
      {/* By number, not by the phone's file name (IMG_20261205_231245.jpg says when it was taken). */}
      {photos.map((p, i) => (
        <View key={p.id} className="tickets__photo">
          <View style={{ flex: 1, minWidth: 0 }}>
            <Text style={{ display: 'block', wordBreak: 'break-all' }}>照片 {i + 1}</Text>
            <Text className="tickets__meta">{sizeText(p.size)}，拍摄地点和手机信息已去掉</Text>
          </View>
          <View style={{ flexShrink: 0 }}>
            <Button size="normal" aria-label={`移除照片 ${i + 1}`} disabled={busy !== null} onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}>
              移除
            </Button>
          </View>
        </View>
      ))}
      {!full &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="file-pick">
            添加照片
            <input
              className="file-pick__input"
              type="file"
              accept="image/jpeg,image/png"
              multiple
              aria-label="添加照片"
              disabled={busy !== null}
              onChange={async (e) => {
                const input = e.currentTarget;
                const files = Array.from(input.files ?? []);
                input.value = '';
                await onBrowserFiles(files);
              }}
            />
          </label>
        ) : (
          <Button size="large" block disabled={busy !== null} onClick={async () => add(await pickInMiniProgram(MAX_PHOTOS - photos.length, photos.length + 1))}>
            添加照片
          </Button>
        ))}
      <Text className="tickets__hint">最多 {MAX_PHOTOS} 张，JPG 或 PNG，每张不超过 1 MB。</Text>
      {busy === 'upload' && <Text className="tickets__hint">正在上传照片…</Text>}

      <FieldLabel className="tickets__label" required text="留不留名字？" />
      <View className="tickets__choices" aria-label="实名还是匿名">
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
        <Button type="primary" size="large" block loading={busy === 'submit'} disabled={busy !== null} onClick={submit}>
          提交
        </Button>
      </View>
    </View>
  );
}

/** One of my own: where it stands, every answer, and the rating the asker owes each answer. */
function MyTicket({ t, villageId, onChanged }: { t: TicketView; villageId: string; onChanged: () => void }) {
  const [rating, setRating] = useState<AnswerRating | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canRate = t.state === 'answered' && t.ratings.length < t.answers.length;

  async function rate(r: AnswerRating) {
    setRating(r);
    setError(null);
    try {
      await ticketsApi.rate(villageId, t.id, r);
      const said = r !== '不满意' ? '谢谢您的评价' : t.reopened === 0 ? '已退回，等待重新答复' : '已转到镇里处理';
      Taro.showToast({ title: said, icon: 'none', duration: 2500 });
      onChanged();
    } catch (e) {
      setError(messageOf(e, '评价没有成功，请稍后再试。'));
    } finally {
      setRating(null);
    }
  }

  return (
    <View className="card" aria-label={`我的：${t.text.slice(0, 20)}`}>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' }}>
        <Tag type="primary">{KIND_TEXT[t.kind]}</Tag>
        {t.category && <Tag type="info">{t.category}</Tag>}
        <Tag type="default">{t.anonymous ? '匿名' : '实名'}</Tag>
        <Text className="tickets__meta">{dateText(t.createdAt)} 提交</Text>
      </View>
      <View className="tickets__state">
        <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
      </View>
      {t.state === 'open' && t.reopened > 0 && <Text className="tickets__hint">您对答复不满意，已退回重新答复。</Text>}
      {t.state === 'escalated' && t.escalated && <Text className="tickets__hint">{ESCALATED_TEXT[t.escalated.why]}</Text>}
      {t.state === 'open' && <Text className="tickets__hint">{`应在 ${dateText(t.dueAt)} 前答复`}</Text>}
      {t.overdue && <Text className="tickets__overdue">已超期</Text>}

      {t.subject && (
        <Text style={{ display: 'block', color: '#1677ff' }} onClick={() => t.link && Taro.navigateTo({ url: t.link })}>
          关于：{t.subject.type === 'disclosure' ? `${quarterText(t.subject.quarter)}公开内容` : '账目'}“{t.subject.title}” ›
        </Text>
      )}
      <Text className="tickets__text">{t.text}</Text>
      <Photos list={t.photos} />
      <Answers t={t} />

      {canRate && (
        <View className="tickets__rate" aria-label="评价答复">
          <Text className="tickets__label" style={{ marginTop: 0 }}>
            您对这次答复满意吗？
          </Text>
          <Text className="tickets__hint">
            {t.reopened === 0
              ? '选“不满意”，会退回去重新答复一次；重新答复后还不满意，会转到镇里处理。'
              : '这是退回后的重新答复。再选“不满意”，会转到镇里处理。'}
          </Text>
          <View className="tickets__choices">
            {RATINGS.map((r) => (
              <View key={r} className="tickets__choice">
                <Button size="large" block type={r === '满意' ? 'primary' : 'default'} loading={rating === r} disabled={rating !== null} onClick={() => rate(r)}>
                  {r}
                </Button>
              </View>
            ))}
          </View>
        </View>
      )}
      {error && <Alert text={error} />}
    </View>
  );
}

function Mine({ villageId, version, me, onChanged }: { villageId: string; version: number; me: Me | null; onChanged: () => void }) {
  const list = useRequest(`tickets-mine:${villageId}:${version}`, () => ticketsApi.mine(villageId));
  const tickets = list.data?.tickets ?? [];
  const unsigned = me !== null && !me.signedIn;
  return (
    <PageShell
      loading={list.loading && !list.data}
      error={list.error}
      onRetry={list.reload}
      empty={tickets.length === 0}
      emptyTitle={unsigned ? '在微信里打开阳光村务，才能看到您提过的' : '您还没有反映过问题或提过建议'}
      emptyDescription={unsigned ? undefined : '点上面的“我要反映问题”或“我要提建议”。'}
    >
      {tickets.map((t) => (
        <MyTicket key={t.id} t={t} villageId={villageId} onChanged={onChanged} />
      ))}
    </PageShell>
  );
}

/** A public suggestion: what was asked, what was answered, and 附议 for those who agree. */
function Suggestion({ t, villageId }: { t: TicketView; villageId: string }) {
  const [seconds, setSeconds] = useState(t.seconds);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function second() {
    setBusy(true);
    setError(null);
    try {
      const out = await ticketsApi.second(villageId, t.id);
      setSeconds(out.seconds);
      Taro.showToast({ title: '已附议', icon: 'success' });
    } catch (e) {
      setError(messageOf(e, '附议没有成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label={`建议：${t.text.slice(0, 20)}`}>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' }}>
        <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
        <Text className="tickets__meta">{dateText(t.createdAt)} 提出</Text>
      </View>
      <Text className="tickets__text">{t.text}</Text>
      <Photos list={t.photos} />
      <Answers t={t} />
      <View className="tickets__actions">
        <Button size="large" block loading={busy} disabled={busy} onClick={second}>
          {`附议（${seconds}）`}
        </Button>
      </View>
      {error && <Alert text={error} />}
    </View>
  );
}

function Board({ villageId }: { villageId: string }) {
  const list = useRequest(`tickets-board:${villageId}`, () => ticketsApi.board(villageId));
  const tickets = list.data?.tickets ?? [];
  return (
    <View>
      <Text className="section-title" style={{ display: 'block' }}>
        监委会公开的村民建议。同意哪条，就点“附议”；认证过的村民每条只能附议一次。
      </Text>
      <PageShell
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        empty={tickets.length === 0}
        emptyTitle="还没有公开的建议"
      >
        {tickets.map((t) => (
          <Suggestion key={t.id} t={t} villageId={villageId} />
        ))}
      </PageShell>
    </View>
  );
}

/**
 * 码上监督 for villagers: the village's public counts, then one thing at a time — report a
 * problem, make a suggestion, follow up on one's own, or second a public suggestion.
 */
export default function TicketsPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [tab, setTab] = useState<Tab>(() => tabOf(params.tab));
  const [formKind, setFormKind] = useState<FormKind>(tab === 'suggestion' ? 'suggestion' : 'report');
  const [version, setVersion] = useState(0);

  const stats = useRequest(villageId ? `tickets-stats:${villageId}:${version}` : null, () => ticketsApi.stats(villageId));
  // Only to say up front who may file what; the server decides, and the page works without it.
  const who = useRequest(villageId ? 'tickets-whoami' : null, () => identityApi.whoami());
  const me: Me | null = who.data ? { signedIn: who.data.signedIn, verified: who.data.villages.some((v) => v.villageId === villageId) } : null;

  function choose(next: Tab) {
    setTab(next);
    if (next === 'report' || next === 'suggestion') setFormKind(next);
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  const formShown = tab === 'report' || tab === 'suggestion';

  return (
    <View className={`page tickets${elder ? ' elder' : ''}`}>
      <PageShell loading={!missingVillage && stats.loading && !stats.data} error={missingVillage ?? (stats.data ? null : stats.error)} onRetry={stats.reload}>
        {stats.data && <Counts s={stats.data} />}
        <View className="tickets__tabs" aria-label="码上监督：选择要做的事">
          {TABS.map((t) => (
            <Button key={t.key} size="large" block type={t.key === tab ? 'primary' : 'default'} aria-pressed={t.key === tab} onClick={() => choose(t.key)}>
              {t.label}
            </Button>
          ))}
        </View>
        {/* Hidden rather than unmounted: a half-written report survives a look at 我提过的. */}
        <View style={{ display: formShown ? 'block' : 'none' }}>
          <FileForm
            villageId={villageId}
            kind={formKind}
            me={me}
            onFiled={() => {
              setTab('mine');
              setVersion((v) => v + 1);
            }}
          />
        </View>
        {tab === 'mine' && <Mine villageId={villageId} version={version} me={me} onChanged={() => setVersion((v) => v + 1)} />}
        {tab === 'board' && <Board villageId={villageId} />}
      </PageShell>
    </View>
  );
}
