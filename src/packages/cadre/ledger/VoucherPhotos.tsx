import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Attachment } from '../../../../types/disclosure';
import FilePick from '../../../components/FilePick';
import { fromBrowserFileWithin, sizeText, takePhotos, type PickedFile, type TooLarge } from '../../../services/file-pick';
import { MAX_VOUCHER_BYTES, MAX_VOUCHERS } from './helpers';

/** A picked photo, or the size of one too large to send. */
export type PickedVoucher = PickedFile | TooLarge;

/** The row's voucher photos so far, each removable, and the picker for one more. */
export default function VoucherPhotos({
  vouchers,
  disabled,
  onRemove,
  onPick,
}: {
  vouchers: Attachment[];
  disabled: boolean;
  onRemove: (id: string) => void;
  onPick: (picked: PickedVoucher | null) => Promise<void>;
}) {
  return (
    <>
      <Text className="ledger__label">
        凭证照片（可不传，{vouchers.length} / {MAX_VOUCHERS}）
      </Text>
      {vouchers.map((v) => (
        <View key={v.id} className="file-row ledger__file">
          <Text style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {v.name}，{sizeText(v.size)}
          </Text>
          <Button size="normal" aria-label={`移除凭证：${v.name}`} onClick={() => onRemove(v.id)}>
            移除
          </Button>
        </View>
      ))}
      {vouchers.length < MAX_VOUCHERS && (
        <FilePick
          text="添加凭证照片"
          accept="image/*"
          disabled={disabled}
          onFiles={async ([f]) => {
            if (f) await onPick(fromBrowserFileWithin(f, MAX_VOUCHER_BYTES));
          }}
          // A voucher is photographed on the spot or taken from the album.
          onTap={async () => onPick((await takePhotos(1, MAX_VOUCHER_BYTES, () => '凭证'))[0] ?? null)}
        />
      )}
    </>
  );
}
