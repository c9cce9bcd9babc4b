import { describe, expect, it } from 'vitest';
import { amountCell, csvLine, plainCell, textCell, unescapeFormulaGuard } from './csv-escape.js';

describe('CSV cells for spreadsheets', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+31 20 123 4567', "'+31 20 123 4567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['Jansen; Zn', '"Jansen; Zn"'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('guards text %j as %j', (input, expected) => {
    expect(textCell(input)).toBe(expected);
    expect(unescapeFormulaGuard(textCell(input).replace(/^"|"$/g, '').replace(/""/g, '"'))).toBe(input);
  });

  it('keeps amounts numbers with a decimal comma, negative ones too', () => {
    expect(amountCell(-123450)).toBe('-1234,50');
    expect(amountCell(5)).toBe('0,05');
    expect(amountCell(null)).toBe('');
    expect(plainCell(-5)).toBe('-5');
    expect(plainCell('2026-03-01')).toBe('2026-03-01');
    expect(plainCell('=1')).toBe("'=1");
    expect(csvLine(['a', '-1,00'])).toBe('a;-1,00\r\n');
  });
});
