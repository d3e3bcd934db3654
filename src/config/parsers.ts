/** The parsers every configuration file shares: an integer with a default and a floor, a yes/no flag. */
import { z } from 'zod';

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
