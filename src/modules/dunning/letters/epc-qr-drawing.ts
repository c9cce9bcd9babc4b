import QRCode from 'qrcode';
import { AppError } from '../../../core/errors.js';
import { QR_QUIET_ZONE_MODULES } from './letter-layout.js';

/** EPC069-12: error correction level M, at most version 13 (LEGAL.md §6). */
const EPC_QR_MAX_VERSION = 13;

export type QrMatrix = { size: number; isDark: (row: number, column: number) => boolean };

/** The modules of the EPC QR code for a payload from `buildEpcQrPayload`. */
export function createEpcQrMatrix(payload: string): QrMatrix {
  let code: QRCode.QRCode;
  try {
    // One byte-mode segment (UTF-8, as the payload's character set 1 says): what EPC QR readers
    // expect, and it skips the library's search for an optimal mix of modes.
    code = QRCode.create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
    });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'the EPC QR payload cannot be encoded', [
      { field: 'epcQrPayload', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  if (code.version > EPC_QR_MAX_VERSION) {
    throw new AppError('VALIDATION_FAILED', 'the EPC QR payload is too long', [
      { field: 'epcQrPayload', message: `needs QR version ${code.version}; EPC allows at most 13` },
    ]);
  }
  const { size, data } = code.modules;
  return { size, isDark: (row, column) => data[row * size + column] === 1 };
}

/**
 * Draws the QR code as vector squares on a white square of `sizePt` that includes the quiet zone
 * of four modules. Dark modules in a row are merged into one rectangle and all rectangles are
 * filled as one path, so rasterizers leave no hairline seams between neighbouring modules.
 */
export function drawQrMatrix(
  doc: PDFKit.PDFDocument,
  matrix: QrMatrix,
  box: { x: number; y: number; sizePt: number },
): void {
  const modulePt = box.sizePt / (matrix.size + 2 * QR_QUIET_ZONE_MODULES);
  const origin = QR_QUIET_ZONE_MODULES * modulePt;
  doc.save();
  doc.rect(box.x, box.y, box.sizePt, box.sizePt).fill('#ffffff');
  for (let row = 0; row < matrix.size; row++) {
    let runStart = -1;
    for (let column = 0; column <= matrix.size; column++) {
      const isDark = column < matrix.size && matrix.isDark(row, column);
      if (isDark && runStart < 0) runStart = column;
      if (!isDark && runStart >= 0) {
        doc.rect(
          box.x + origin + runStart * modulePt,
          box.y + origin + row * modulePt,
          (column - runStart) * modulePt,
          modulePt,
        );
        runStart = -1;
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}
