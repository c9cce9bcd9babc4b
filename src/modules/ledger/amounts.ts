import { AppError } from '../../core/errors.js';
import { type Cents, parseAmount } from '../../core/money.js';

/** An amount from an API request ("1234.50", already checked by its schema) in cents. */
export function parseAmountInput(text: string, field: string): Cents {
  const parsed = parseAmount(text, { decimalSeparator: '.' });
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', `${field}: ${parsed.reason}`, [
      { field, message: parsed.reason },
    ]);
  return parsed.cents;
}
