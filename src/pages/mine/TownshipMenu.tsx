import { Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WhoAmI } from '../../../types/identity';
import { roleText } from '../../services/labels';

const go = (url: string) => () => Taro.navigateTo({ url });

/** Township staff: their township's pages, and the village the phone last opened. */
export default function TownshipMenu({ me, remembered }: { me: WhoAmI; remembered: string | null }) {
  const townshipRoles = me.township.flatMap((t) => t.roles);
  if (townshipRoles.length === 0) return null;
  return (
    <>
      <Cell title="镇级身份" extra={roleText(townshipRoles)} />
      {remembered && <Cell title="审计记录（首页打开的村）" extra="›" onClick={go(`/packages/supervise/audit/index?villageId=${remembered}`)} />}
      {remembered && <Cell title="问题台账（首页打开的村）" extra="›" onClick={go(`/packages/supervise/tickets/index?villageId=${remembered}`)} />}
      {me.township
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
      {me.township.map((t) => (
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
  );
}
