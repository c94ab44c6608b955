import type { Block } from '../../types/disclosure';
import { quarterLabel } from '../core/shared/time';
import { demoRoadContractFen, ROAD_PROJECT } from './demo-ledger';
import { numbers } from './demo-numbers';
import { demoLandMu, months, rowsOf, sum, yuan, type Maker } from './demo-items-kit';

/** 党务 and 村务 items (categories 1 and 2): the party branch, the 两委's decisions, subsidies and lists. */
export const AFFAIRS_ITEMS: Record<string, Maker> = {
  '1-1': (c) => {
    const [organiser, publicity] = c.partyMembers;
    return {
      title: `${c.village}党支部班子成员及分工`,
      body: [
        { type: 'paragraph', text: `${c.village}党支部现有党员 ${c.partyMembers.length + 1} 名，支部委员 3 名，本季度班子成员无变动。` },
        {
          type: 'table',
          columns: ['姓名', '职务', '分工'],
          rows: [
            [c.secretary, '党支部书记', '主持党支部全面工作'],
            [organiser ?? '', '组织委员', '党员发展、组织关系转接'],
            [publicity ?? '', '宣传委员', '三会一课、主题党日'],
          ],
        },
      ],
    };
  },
  '1-2': (c) => {
    const k = c.n(0, 2);
    return {
      title: `${quarterLabel(c.q)}党员发展与组织关系转接`,
      body: [
        { type: 'paragraph', text: k ? `本季度确定入党积极分子 ${k} 名，已在党员大会上公示，无异议。` : '本季度无新发展党员。' },
        { type: 'paragraph', text: `组织关系转入 ${c.n(0, 1)} 人，转出 0 人。` },
      ],
    };
  },
  '1-3': (c) => {
    // Dues go straight to the township's party committee, not through the village's books.
    const fen = c.n(18, 32) * 5000;
    return {
      title: `${quarterLabel(c.q)}党费收缴与使用`,
      body: [{ type: 'paragraph', text: `本季度应缴党费 ${yuan(fen)} 元，实缴 ${yuan(fen)} 元，已全额上缴镇党委。` }],
      amountFen: fen,
    };
  },
  '1-4': (c) => {
    const members = c.partyMembers.length + 1;
    return {
      title: `${quarterLabel(c.q)}三会一课与主题党日`,
      body: [
        {
          type: 'table',
          columns: ['月份', '主题党日内容', '参加人数'],
          // A branch of a few members: attendance is counted against the roster's party members.
          rows: months(c.q).map((m, i) => [
            m,
            ['学习党的二十届三中全会精神', '人居环境整治志愿服务', '走访慰问困难党员'][i],
            `${c.n(Math.max(1, members - 2), members)}/${members}`,
          ]),
        },
        { type: 'paragraph', text: `召开支部委员会 ${c.n(3, 5)} 次、党小组会 3 次，书记讲党课 1 次。` },
      ],
    };
  },
  '2-1': (c) => {
    const road = rowsOf(c, (r) => r.summary.startsWith(ROAD_PROJECT.name));
    return {
      title: '重大事项决策（四议两公开）执行情况',
      body: [
        {
          type: 'paragraph',
          text: road.length
            ? `本季度按“四议两公开”程序实施${ROAD_PROJECT.name} 1 项：经党支部提议、两委商议、党员大会审议、村民代表会议决议，决议和实施结果均已公开。`
            : '本季度没有需要按“四议两公开”程序决策的重大事项。一事一议事项的进展见“议事”栏目。',
        },
      ],
    };
  },
  '2-2': (c) => {
    // 低保 is paid by the district's civil affairs bureau straight to each household's card; the
    // list is the roster's 低保户, each household at a per-person rate that holds for the year.
    const rows = c.lowIncome.map((h) => {
      const perMonthFen = numbers(`dibao:${h.name}:${h.idMasked}:${c.q.year}`)(30, 42) * 1000;
      return [h.name, h.idMasked, '低保', String(h.persons), yuan(perMonthFen * h.persons * 3)];
    });
    return {
      title: `${quarterLabel(c.q)}低保、特困救助发放名单`,
      body: [
        { type: 'paragraph', text: '以下为本季度享受低保的家庭及发放金额（季度合计，由区民政局直接发放到户），如有异议请向村务监督委员会反映。' },
        rows.length
          ? { type: 'table', columns: ['户主', '身份证号', '类别', '保障人数', '金额（元）'], rows }
          : { type: 'paragraph', text: '本村目前没有低保户。' },
      ],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0),
    };
  },
  '2-3': (c) => {
    const rows = c.heads.slice(0, 10).map((h, i) => {
      const mu = demoLandMu(c.villageId, i, h);
      return [h.name, h.idMasked, mu.toFixed(1), yuan(Math.round(mu * 12530))];
    });
    return {
      title: `${c.q.year}年耕地地力保护补贴发放名单（${quarterLabel(c.q)}）`,
      body: [
        { type: 'paragraph', text: '补贴标准 125.30 元/亩，按确权面积发放，已通过“一卡通”直接发放到户。' },
        { type: 'table', columns: ['户主', '身份证号', '面积（亩）', '金额（元）'], rows },
      ],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0),
    };
  },
  '2-4': (c) => {
    const paid = rowsOf(c, (r) => r.summary.startsWith(ROAD_PROJECT.name));
    const body: Block[] = [{ type: 'paragraph', text: `本季度审批宅基地 ${c.n(0, 1)} 宗，均已张榜公示 7 天无异议。` }];
    if (paid.length) {
      const contract = demoRoadContractFen(c.villageId);
      body.push({
        type: 'table',
        columns: ['工程名称', '施工单位', '合同金额（元）', '本季支付（元）', '进度'],
        rows: [[ROAD_PROJECT.name, paid[0].counterparty, yuan(contract), yuan(sum(paid)), '已完工，待验收；尾款验收后支付']],
      });
    } else {
      body.push({ type: 'paragraph', text: '本季度没有村级工程项目支出。' });
    }
    return { title: '宅基地审批与村级工程项目', body };
  },
};
