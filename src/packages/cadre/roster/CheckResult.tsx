import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { RosterImportMode, RosterPreview } from '../../../../types/roster';
import { personLine } from './helpers';

/**
 * What the file would do: counts, the columns read under other names, every row to fix, what was
 * done while reading, people also on another village's roster or losing their vote here, and for
 * 全量替换 everyone it removes by name. The way to import comes last, as `children`.
 */
export default function CheckResult({
  preview,
  fileName,
  mode,
  children,
}: {
  preview: RosterPreview;
  fileName?: string;
  mode: RosterImportMode;
  children: ReactNode;
}) {
  const renamed = preview.columns.filter((c) => c.header !== c.as);
  return (
    <View aria-label="检查结果">
      <View className="card roster-import__summary">
        <Text>
          {fileName}：共 {preview.total} 人（表头在第 {preview.headerRow} 行）。新增 {preview.added} 人，更新 {preview.updated} 人，不变 {preview.unchanged}{' '}
          人。
          {mode === 'merge'
            ? preview.notListed > 0
              ? `花名册上另有 ${preview.notListed} 人不在这份文件里，补充与更新不移出他们。`
              : ''
            : `全量替换将移出 ${preview.notListed} 人。`}
        </Text>
        {renamed.length > 0 && (
          <Text className="roster-import__columns">{`\n按这些列名读：${renamed.map((c) => `“${c.header}”当作“${c.as}”`).join('，')}。`}</Text>
        )}
      </View>
      {preview.errors.length > 0 && (
        <Cell.Group title={`有 ${preview.errors.length} 处需要修改（改好后重新选择文件）`}>
          {preview.errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} title={`第 ${e.row} 行${e.column ? ` · ${e.column}` : ''}`} description={e.message} />
          ))}
        </Cell.Group>
      )}
      {preview.notes.length > 0 && (
        <Cell.Group title={`读表时做了这些处理（${preview.notes.length} 处）`}>
          {preview.notes.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} title={`第 ${n.row} 行${n.column ? ` · ${n.column}` : ''}`} description={n.message} />
          ))}
        </Cell.Group>
      )}
      {preview.crossVillage.length > 0 && (
        <Cell.Group title={`也在本镇其他村花名册上的人（${preview.crossVillage.length}）：一个人只在户籍所在的村参加村民会议表决`}>
          {preview.crossVillage.map((c, i) => (
            <Cell
              // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
              key={i}
              title={`第 ${c.row} 行 ${c.name}（${c.idMasked}）`}
              description={`也在${c.otherVillageName}的花名册上${c.sameName ? '' : '（但那里登记的姓名不一样，请核对）'}。户籍：${c.hukouHere ? '本村' : c.otherHukouHere ? c.otherVillageName : '不在本村'}。`}
            />
          ))}
        </Cell.Group>
      )}
      {preview.losingVote.length > 0 && (
        <Cell.Group title={`户籍改为不在本村、以后不参加本村村民会议表决的人（${preview.losingVote.length}）`}>
          {preview.losingVote.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} {...personLine(p)} />
          ))}
        </Cell.Group>
      )}
      {mode === 'replace' && preview.notListed > 0 && (
        <Cell.Group title={`将移出花名册的 ${preview.notListed} 人`}>
          {preview.notListedPeople.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} {...personLine(p)} />
          ))}
          {preview.notListed > preview.notListedPeople.length && <Cell title={`还有 ${preview.notListed - preview.notListedPeople.length} 人没有列出`} />}
        </Cell.Group>
      )}
      {children}
    </View>
  );
}
