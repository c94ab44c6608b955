import { checkCharacter } from '../../cloudfunctions/core/people/idcard';
import { ageFacts, sealAgeFacts } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { TEST_ID_KEY } from './host';

/**
 * Another roster person made from an existing one, as a test sets up a voter or a marker: the
 * sealed age facts are bound to the person's id, so they are sealed again for the new one.
 */
export function personLike(template: PersonDoc, personId: string, fields: Partial<PersonDoc>, idKey = TEST_ID_KEY): Omit<PersonDoc, '_id'> {
  const { _id, ...rest } = template;
  return { ...rest, ...fields, sealed: sealAgeFacts(idKey, personId, ageFacts(idKey, template)) };
}

/** Builds a valid ID from its first 17 digits, as the issuing office would. */
export function withCheck(first17: string): string {
  return first17 + checkCharacter(first17);
}
