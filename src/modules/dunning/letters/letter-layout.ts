/**
 * Page geometry of the dunning letter, in millimetres from the top-left corner of an A4 sheet
 * (210 × 297 mm), and the conversion to PDF points (1 pt = 1/72 inch) that pdfkit draws in.
 *
 * The recipient's address is printed for a left-window envelope. The window rectangle is
 * 20 mm from the left edge, 50 mm from the top, 90 × 45 mm: the window of a DL envelope
 * (110 × 220 mm, window 90 × 45 mm at 20 mm from the left and 15 mm above the bottom edge) over
 * an A4 sheet folded at 105 and 210 mm (DIN 5008 form B; the fold marks are printed there). The
 * 105 mm panel can sit up to 5 mm lower in the 110 mm envelope, which shows 45–90 mm of the sheet
 * instead of 50–95 mm, so the address text stays in the band visible either way: 5 mm inside
 * the window's left edge, from 6 mm below its top (the sender's return line sits above that, as
 * in DIN 5008) to 6 mm above its bottom.
 */
const MM_TO_PT = 72 / 25.4;

export const mm = (value: number): number => value * MM_TO_PT;

export const PAGE_MM = { width: 210, height: 297 } as const;

/** The envelope window, as a rectangle on the letter. */
export const ADDRESS_WINDOW_MM = { left: 20, top: 50, width: 90, height: 45 } as const;

/** Where the return line and the recipient's address are printed, inside the window. */
export const ADDRESS_FIELD_MM = {
  left: ADDRESS_WINDOW_MM.left + 5,
  width: ADDRESS_WINDOW_MM.width - 10,
  returnLineTop: ADDRESS_WINDOW_MM.top + 1.5,
  top: ADDRESS_WINDOW_MM.top + 6,
  bottom: ADDRESS_WINDOW_MM.top + ADDRESS_WINDOW_MM.height - 6,
} as const;

/** The information block (place and date, references) to the right of the window. */
export const INFO_BLOCK_MM = { left: 125, top: 50, width: 65 } as const;

export const FOLD_MARKS_MM = [105, 210] as const;
export const HOLE_MARK_MM = 148.5;

/** The text column on every page. */
export const CONTENT_MM = {
  left: 25,
  right: 190,
  /** Page 1: 3 mm below the window. */
  firstPageTop: 98,
  /** Later pages: below the continuation header. */
  nextPageTop: 24,
  bottom: 275,
} as const;

/** Up to three lines of 7 pt: the last one ends about 8 mm above the bottom edge. */
export const FOOTER_MM = { rule: 278.5, top: 280 } as const;
export const CONTINUATION_HEADER_MM = { top: 12, rule: 17 } as const;

/** The EPC QR code, quiet zone included; the symbol itself is always larger than 2 × 2 cm. */
export const QR_SIZE_MM = 28;
export const QR_QUIET_ZONE_MODULES = 4;
