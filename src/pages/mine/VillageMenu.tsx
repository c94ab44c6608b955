import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyVillage } from '../../../types/identity';
import type { Role } from '../../../types/roles';
import { previousQuarterKey } from '../../services/china-time';
import { AUDIT_ROLES, CADRE_ROLES, REBINDERS, roleText } from '../../services/labels';

const has = (roles: Role[], wanted: Role[]) => roles.some((r) => wanted.includes(r));

/** Who the 监委会 can hand a 小事 to in 三事分流: the 两委, the 监委会 and the 民主理财小组. */
const ASSIGNEE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];

const go = (url: string) => () => Taro.navigateTo({ url });

/** One village I belong to: who I am there and the work my roles open. */
export default function VillageMenu({ v }: { v: MyVillage }) {
  return (
    <View>
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
  );
}
