/**
 * One CODA movement as it is assembled from its records: the 2.1 record, the 2.2/2.3 records that
 * continue its communication and name the counterparty, and the 3.x information records after
 * them. `toBankEntry` turns a finished movement into the entry a collector sees.
 */
import type { BankEntry } from './bank-statement.js';
import type { CodaInformation, CodaMovement, CodaMovementPart2, CodaMovementPart3 } from './coda-records.js';

export type CodaMovementParts = {
  line: number;
  movement: CodaMovement;
  part2: CodaMovementPart2 | null;
  part3: CodaMovementPart3 | null;
  /** Each 3.1 record starts a block; 3.2 and 3.3 continue the last one. */
  information: CodaInformation[];
};

/** Runs of spaces (fixed-width padding) become one; empty text becomes null. */
function tidy(text: string): string | null {
  const value = text.replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

/**
 * The whole communication: the zone of 2.1 continues in 2.2 and then 2.3. The zones are joined
 * as written, without a separator, because banks cut words at the record boundary.
 */
function fullCommunication(parts: CodaMovementParts): string {
  return (
    parts.movement.communication + (parts.part2?.communication ?? '') + (parts.part3?.communication ?? '')
  );
}

type SepaDirectDebit = {
  creditorId: string | null;
  mandateReference: string | null;
  communication: string | null;
  rTransactionType: string | null;
  returnReason: string | null;
};

/** Structured type 127: settlement date (6), type, scheme, paid/refused (1 each), creditor id (35), mandate (35), communication (62), R type (1), reason (4). */
function sepaDirectDebit(zone: string): SepaDirectDebit {
  const at = (from: number, length: number) => tidy(zone.slice(from, from + length));
  const rType = at(141, 1);
  return {
    creditorId: at(9, 35),
    mandateReference: at(44, 35),
    communication: at(79, 62),
    rTransactionType: rType === '0' ? null : rType,
    returnReason: at(142, 4),
  };
}

/** The reference of a structured 101/102 communication: 12 digits, also when written `123/4567/89002`. */
function ogmOf(zone: string): string | null {
  const shaped = zone.match(/^[\s+*]*(\d{3})\s*\/\s*(\d{4})\s*\/\s*(\d{5})/);
  if (shaped) return `${shaped[1]}${shaped[2]}${shaped[3]}`;
  return tidy(zone.slice(0, 12).replace(/[^0-9A-Za-z]/g, ''));
}

/**
 * Counterparty data of an information record of structured type 001: name (70), then street and
 * place (35 each) on the 3.2 record. Street and place are kept as one text: banks do not all
 * start the place at the standard's position.
 */
function counterpartyInformation(block: CodaInformation): { name: string | null; address: string | null } {
  const zone = block.communication;
  return { name: tidy(zone.slice(0, 70)), address: tidy(zone.slice(70, 140)) };
}

type CodaEntryContext = { place: string; currency: string };

/**
 * The entry for one movement. `extraTexts` are the free texts of the detail records of a movement
 * whose details only break its amount down (type 3), so that nothing written is lost.
 */
export function toBankEntry(
  parts: CodaMovementParts,
  context: CodaEntryContext,
  extraTexts: readonly string[] = [],
): BankEntry {
  const { movement, part2, part3 } = parts;
  const zone = fullCommunication(parts);
  let structuredReference: string | null = null;
  let sepa: SepaDirectDebit | null = null;
  const texts: string[] = [];
  switch (movement.communicationType) {
    case null:
      texts.push(zone);
      break;
    case '101':
    case '102':
      structuredReference = ogmOf(zone);
      break;
    case '127':
      sepa = sepaDirectDebit(zone);
      if (sepa.communication) texts.push(sepa.communication);
      break;
    default:
      // Other structured types (card payments, amount details …) are kept as the bank wrote them.
      texts.push(zone);
  }
  let infoName: string | null = null;
  let address: string | null = null;
  for (const block of parts.information) {
    if (block.communicationType === '001') {
      const counterparty = counterpartyInformation(block);
      infoName ??= counterparty.name;
      address ??= counterparty.address;
    }
  }
  const rType = part2?.rTransactionType ?? sepa?.rTransactionType ?? null;
  const remittance = tidy([...texts, informationText(parts), ...extraTexts].join(' '));
  return {
    place: context.place,
    bookingDate: movement.entryDate,
    valueDate: movement.valueDate,
    amountCents: movement.amountCents,
    currency: context.currency,
    isReversal: rType !== null && rType !== '0',
    returnReason: part2?.returnReason ?? sepa?.returnReason ?? null,
    counterpartyName: part3?.name ?? infoName,
    counterpartyIban: part3?.account.iban ?? null,
    counterpartyBic: part2?.counterpartyBic ?? null,
    structuredReference,
    remittance,
    endToEndId: part2?.endToEndId ?? null,
    bankReference: movement.bankReference,
    transactionCode: movement.transactionCode,
    counterpartyAccountNumber: part3?.account.number ?? null,
    counterpartyAddress: address,
    creditorId: sepa?.creditorId ?? null,
    mandateReference: sepa?.mandateReference ?? null,
  };
}

/**
 * The free text of the information records. Consecutive records are one text cut at the record
 * boundary (a word can continue on the next 3.1), so they are joined without a separator.
 */
function informationText(parts: CodaMovementParts): string {
  return parts.information
    .filter((block) => block.communicationType === null)
    .map((block) => block.communication)
    .join('');
}

/** The free text a detail record adds to its movement (details of type 3 movements). */
export function detailText(parts: CodaMovementParts): string | null {
  const own = parts.movement.communicationType === null ? fullCommunication(parts) : '';
  return tidy(`${own} ${informationText(parts)}`);
}
