import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Role } from '../../../types/roles';
import DevPersonaSwitcher from '../../components/DevPersonaSwitcher';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { previousQuarterKey } from '../../services/china-time';
import { identityApi, staffApi } from '../../services/identity';
import { ApiCallError } from '../../services/transport';
import { AUDIT_ROLES, CADRE_ROLES, REBINDERS, roleText } from '../../services/labels';
import { forgetVillage, lastVillage } from '../../services/memory';
import { useElderMode } from '../../services/elder';
import { LimitedInput } from '../../components/Limited';
import Messages from './Messages';
import { StillNeeded } from '../../components/FormHints';

const has = (roles: Role[], wanted: Role[]) => roles.some((r) => wanted.includes(r));

/** Who the 监委会 can hand a 小事 to in 三事分流: the 两委, the 监委会 and the 民主理财小组. */
const ASSIGNEE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];

const go = (url: string) => () => Taro.navigateTo({ url });


/** Township staff join with a one-time code from the 镇管理员. */
function ClaimInvite({ onClaimed }: { onClaimed: () => void }) {
  const [code, setCode] = useState('');
  const [open, setOpen] = useState(false);
  async function claim() {
    try {
      await staffApi.claim(code.trim());
      Taro.showToast({ title: '已加入', icon: 'success' });
      setOpen(false);
      onClaimed();
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '操作失败', icon: 'none', duration: 3000 });
    }
  }
  if (!open) return <Cell title="我有镇里的邀请码" extra="›" onClick={() => setOpen(true)} />;
  return (
    <View style={{ padding: '12px 16px' }}>
      <LimitedInput value={code} onChange={setCode} placeholder="8 位邀请码" maxLength={8} name="inviteCode" />
      <StillNeeded items={[code.trim().length !== 8 && `填完 8 位邀请码（已填 ${code.trim().length} 位）`]} />
      <Button type="primary" size="large" block disabled={code.trim().length !== 8} onClick={claim}>
        使用邀请码
      </Button>
    </View>
  );
}

/**
 * 长辈模式 first and large, above everything that waits for the network: the person who needs it
 * is the one least likely to scroll for it. The whole row toggles (a bigger target than the
 * switch), and the switch says 开/关 in words as well as by colour and position.
 */
function ElderModeSetting() {
  const [elder, setElder] = useElderMode();
  function toggle(on: boolean) {
    setElder(on);
    Taro.showToast({ title: on ? '已打开长辈模式' : '已关闭长辈模式', icon: 'none' });
  }
  return (
    <Cell.Group title="设置">
      <Cell
        className="elder-setting"
        title="长辈模式"
        description="字更大、按钮更大，首页只留最常用的三件事"
        onClick={() => toggle(!elder)}
        extra={
          // Drawn here rather than with NutUI's Switch, which writes an `aria-role` attribute
          // browsers reject; the row is the tap target, the state is said in words too.
          <View role="switch" aria-checked={elder} aria-label="长辈模式" className={`elder-toggle${elder ? ' elder-toggle--on' : ''}`}>
            <Text className="elder-toggle__text">{elder ? '开' : '关'}</Text>
          </View>
        }
      />
    </Cell.Group>
  );
}

/** 我的: who I am in each village, what I may do there, and what this phone remembers. */
export default function MinePage() {
  const [remembered, setRemembered] = useState<string | null>(() => lastVillage());
  const [shown, setShown] = useState(0);
  useDidShow(() => {
    setRemembered(lastVillage());
    setShown((n) => n + 1);
  });
  const who = useRequest(`whoami:${shown}`, () => identityApi.whoami());
  const inbox = useRequest(`inbox:${shown}`, () => identityApi.inbox());
  const messages = inbox.data?.messages ?? [];
  const me = who.data;
  const verifiedHere = me?.villages.some((v) => v.villageId === remembered) ?? false;
  const townshipRoles = me?.township.flatMap((t) => t.roles) ?? [];
  const [elder] = useElderMode();

  function clearVillage() {
    forgetVillage();
    setRemembered(null);
    Taro.showToast({ title: '已清除', icon: 'success' });
  }

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <ElderModeSetting />
      <PageShell loading={who.loading && !me} error={who.error} onRetry={who.reload}>
        <Cell.Group title="我的身份">
          {me && me.villages.length === 0 && townshipRoles.length === 0 && (
            <Cell title="身份" extra="访客" description="认证村民身份后，可以提问、评议和参加表决。" />
          )}
          {me?.villages.map((v) => (
            <View key={v.villageId}>
              <Cell
                title={`${v.villageName} · ${v.name}`}
                description={
                  <Text>
                    身份证 <Text className="id-masked">{v.idMasked}</Text>
                  </Text>
                }
                extra={roleText(v.roles)}
              />
              {has(v.roles, CADRE_ROLES) && (
                <Cell title="起草季度公开" extra="›" onClick={go(`/packages/cadre/disclose/index?villageId=${v.villageId}`)} />
              )}
              {v.roles.includes('accountant') && (
                <Cell title="记账与月结" extra="›" onClick={go(`/packages/cadre/ledger/index?villageId=${v.villageId}`)} />
              )}
              {has(v.roles, ['finance_panel', ...REBINDERS]) && (
                <Cell title="民主理财审核" extra="›" onClick={go(`/packages/supervise/ledger-review/index?villageId=${v.villageId}`)} />
              )}
              {has(v.roles, CADRE_ROLES) && <Cell title="导入花名册" extra="›" onClick={go(`/packages/cadre/roster/index?villageId=${v.villageId}`)} />}
              {has(v.roles, ['secretary', 'director']) && (
                <Cell title="一事一议（提议、商议、表决、公开）" extra="›" onClick={go(`/packages/cadre/matters/index?villageId=${v.villageId}`)} />
              )}
              {has(v.roles, [...CADRE_ROLES, ...REBINDERS]) && (
                <Cell title="村民与角色" extra="›" onClick={go(`/packages/cadre/people/index?villageId=${v.villageId}`)} />
              )}
              {has(v.roles, REBINDERS) && (
                <>
                  <Cell title="审核公开内容" extra="›" onClick={go(`/packages/supervise/review/index?villageId=${v.villageId}`)} />
                  <Cell title="问题台账（提问、反映、建议）" extra="›" onClick={go(`/packages/supervise/tickets/index?villageId=${v.villageId}`)} />
                  <Cell title="表决现场登记与计票" extra="›" onClick={go(`/packages/supervise/meeting/index?villageId=${v.villageId}`)} />
                  <Cell title="村民提问" extra="›" onClick={go(`/packages/supervise/questions/index?villageId=${v.villageId}`)} />
                  <Cell title="认证申请（当面核对身份）" extra="›" onClick={go(`/packages/supervise/bindings/index?villageId=${v.villageId}`)} />
                  <Cell
                    title="督办事项（正在公开的季度）"
                    extra="›"
                    onClick={go(`/packages/supervise/followups/index?villageId=${v.villageId}&quarter=${previousQuarterKey()}`)}
                  />
                </>
              )}
              {has(v.roles, ASSIGNEE_ROLES) && (
                <Cell title="交给我办理的事项" extra="›" onClick={go(`/packages/cadre/assigned/index?villageId=${v.villageId}`)} />
              )}
              {has(v.roles, AUDIT_ROLES) && <Cell title="审计记录" extra="›" onClick={go(`/packages/supervise/audit/index?villageId=${v.villageId}`)} />}
            </View>
          ))}
          {townshipRoles.length > 0 && (
            <>
              <Cell title="镇级身份" extra={roleText(townshipRoles)} />
              {remembered && <Cell title="审计记录（首页打开的村）" extra="›" onClick={go(`/packages/supervise/audit/index?villageId=${remembered}`)} />}
              {remembered && <Cell title="问题台账（首页打开的村）" extra="›" onClick={go(`/packages/supervise/tickets/index?villageId=${remembered}`)} />}
              {me?.township
                .filter((t) => t.roles.includes('township_admin'))
                .map((t) => (
                  <View key={t.townshipId}>
                    <Cell title="镇级人员与邀请" extra="›" onClick={go(`/packages/township/staff/index?townshipId=${t.townshipId}`)} />
                    <Cell title="公开目录" extra="›" onClick={go(`/packages/township/catalog/index?townshipId=${t.townshipId}`)} />
                    <Cell title="打印全镇各村二维码海报" extra="›" onClick={go(`/packages/board/poster/index?townshipId=${t.townshipId}`)} />
                    <Cell title="一事一议筹资筹劳审核备案" extra="›" onClick={go(`/packages/township/filings/index?townshipId=${t.townshipId}`)} />
                    <Cell title="各村二维码（停用与重新发码）" extra="›" onClick={go(`/packages/township/codes/index?townshipId=${t.townshipId}`)} />
                  </View>
                ))}
              {me?.township.map((t) => (
                <View key={`overview-${t.townshipId}`}>
                  <Cell title="各村公开与监督情况" extra="›" onClick={go(`/packages/township/overview/index?townshipId=${t.townshipId}`)} />
                  <Cell title="镇里的设置（民主理财签字等）" extra="›" onClick={go(`/packages/township/settings/index?townshipId=${t.townshipId}`)} />
                  <Cell
                    title={t.roles.includes('township_admin') ? '花名册：导入确认与一人多村' : '花名册：在几个村花名册上的人'}
                    extra="›"
                    onClick={go(`/packages/township/rosters/index?townshipId=${t.townshipId}`)}
                  />
                </View>
              ))}
              {remembered && townshipRoles.includes('township_admin') && (
                <Cell title="村民与角色（首页打开的村）" extra="›" onClick={go(`/packages/cadre/people/index?villageId=${remembered}`)} />
              )}
            </>
          )}
        </Cell.Group>
        {me?.signedIn && <ClaimInvite onClaimed={() => setShown((n) => n + 1)} />}
        {me?.signedIn && remembered && !verifiedHere && (
          <View style={{ padding: '16px' }}>
            <Button type="primary" size="large" block onClick={go(`/pages/verify/index?villageId=${remembered}`)}>
              认证村民身份
            </Button>
          </View>
        )}
      </PageShell>
      <Messages messages={messages} onChanged={inbox.reload} />
      <Cell.Group title="本机记录">
        <Cell
          title="首页打开的村"
          extra={remembered ? '清除' : '未记录'}
          description={remembered ? '首页会直接打开上次扫码的村' : '扫村里的二维码后会记住'}
          onClick={remembered ? clearVillage : undefined}
        />
      </Cell.Group>
      {process.env.TARO_ENV === 'h5' && <DevPersonaSwitcher />}
    </View>
  );
}
