const utf8 = new TextDecoder('utf-8', { fatal: true })

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €...). Node 20's TextDecoder decodes
// 'windows-1252' as Latin-1, so those 32 code points are mapped here; 0 marks the five bytes the encoding leaves unused.
const windows1252High = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/**
 * The text of a downloaded or imported file. UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped);
 * otherwise Windows-1252, the encoding of older US government files such as the IPEDS directory, where Latin-1
 * letters (é = 0xE9) are not valid UTF-8.
 */
export function decodeSourceText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const chunk = 0x8000
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] || byte : byte,
    )
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}
