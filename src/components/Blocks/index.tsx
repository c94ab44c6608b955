import { Text, View } from '@tarojs/components';
import type { Block } from '../../../types/disclosure';
import './index.scss';

/** Structured disclosure text: paragraphs and tables, rendered the same on a phone and on paper. */
export default function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <View className="blocks">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <Text key={i} className="blocks__p">
            {b.text}
          </Text>
        ) : (
          <View key={i} className="blocks__table" role="table">
            <View className="blocks__row blocks__row--head" role="row">
              {b.columns.map((c, j) => (
                <View key={j} className="blocks__cell" role="columnheader">
                  <Text>{c}</Text>
                </View>
              ))}
            </View>
            {b.rows.map((r, k) => (
              <View key={k} className="blocks__row" role="row">
                {r.map((c, j) => (
                  <View key={j} className="blocks__cell" role="cell">
                    <Text>{c}</Text>
                  </View>
                ))}
              </View>
            ))}
          </View>
        ),
      )}
    </View>
  );
}
