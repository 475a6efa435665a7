import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv-cell.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['a, "b"\nc', `"a, ""b""\nc"`],
    ['plain', '"plain"'],
  ])('neutralises and quotes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers, booleans and empties as they are', () => {
    expect(csvRow([-3, 0, true, null, undefined])).toBe('-3,0,true,,\r\n');
  });
});
