// Windows-1252 puts printable characters at 0x80-0x9F, where Latin-1 has control codes (unassigned bytes are absent).
const windows1252: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
}

/**
 * Text of a Windows-1252 file (the encoding NCES publishes IPEDS in) however it was decoded. Read as Latin-1, the
 * bytes 0x80-0x9F arrive as C1 control codes and are mapped back to the characters they stand for (`’`, `–`);
 * read as UTF-8, each accented letter arrives as U+FFFD and is dropped, which costs only the accent when names are
 * folded for matching (`Juana Díaz` becomes `Juana Daz` in the worst case). Decoding as Latin-1 is the lossless choice.
 */
export function repairWindows1252(text: string): string {
  if (!/[\u0080-\u009f\uFFFD]/.test(text)) return text
  return text
    .replace(/[\u0080-\u009f]/g, (control) => windows1252[control.charCodeAt(0)] ?? '')
    .replace(/ \uFFFD(?= )/g, '')
    .replace(/\uFFFD/g, '')
}
