import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Attachment } from '../../../../types/disclosure';
import { fromBrowserFile, fromTempFile, sizeText, type PickedFile } from '../../../services/file-pick';
import { MAX_VOUCHER_BYTES, MAX_VOUCHERS } from './helpers';

/** A picked photo, or the size of one too large to send. */
export type PickedVoucher = PickedFile | { tooLarge: number };

/**
 * Mini-program: a voucher is photographed on the spot or taken from the album. Too large a
 * photo is refused before it is read.
 */
async function pickVoucherInMiniProgram(): Promise<PickedVoucher | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
  const file = res?.tempFiles[0];
  if (!file) return null;
  if (file.size > MAX_VOUCHER_BYTES) return { tooLarge: file.size };
  const ext = /\.(png|jpe?g)$/i.exec(file.path)?.[0] ?? '.jpg';
  return fromTempFile(file.path, `凭证${ext}`, file.size);
}

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
        <View key={v.id} className="ledger__file">
          <Text style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {v.name}，{sizeText(v.size)}
          </Text>
          <Button size="normal" aria-label={`移除凭证：${v.name}`} onClick={() => onRemove(v.id)}>
            移除
          </Button>
        </View>
      ))}
      {vouchers.length < MAX_VOUCHERS &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="file-pick">
            添加凭证照片
            <input
              className="file-pick__input"
              type="file"
              accept="image/*"
              aria-label="添加凭证照片"
              disabled={disabled}
              onChange={async (e) => {
                const input = e.currentTarget;
                const f = input.files?.[0];
                input.value = '';
                if (!f) return;
                await onPick(f.size > MAX_VOUCHER_BYTES ? { tooLarge: f.size } : fromBrowserFile(f));
              }}
            />
          </label>
        ) : (
          <Button size="large" block disabled={disabled} onClick={async () => onPick(await pickVoucherInMiniProgram())}>
            添加凭证照片
          </Button>
        ))}
    </>
  );
}
