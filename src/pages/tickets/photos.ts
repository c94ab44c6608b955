import { takePhotos, type PickedFile, type TooLarge } from '../../services/file-pick';
import { TICKET_PHOTOS } from '../../../common/limits';

// The service's limits, checked before sending so the message can say what to change.
export const MAX_PHOTOS = TICKET_PHOTOS.max;
export const MAX_PHOTO_BYTES = 1024 * 1024;

export type Picked = PickedFile | TooLarge;

/** Mini-program: a photo of the problem is usually taken on the spot, or is already in the album. */
export const pickInMiniProgram = (count: number, firstNumber: number): Promise<Picked[]> => takePhotos(count, MAX_PHOTO_BYTES, (i) => `照片${firstNumber + i}`);
