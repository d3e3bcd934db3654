/** Error factories of the documents module that other modules answer with too (through the door). */
import { AppError, ErrorCode, notFoundText } from '../../shared/errors.js';

/** A missing (or someone else's) id inside an input list: NOT_FOUND with the field at fault. */
export const notFoundField = (field: string, what: string) =>
  new AppError(ErrorCode.NOT_FOUND, notFoundText(what), { fields: [{ field, message: notFoundText(what) }] });
