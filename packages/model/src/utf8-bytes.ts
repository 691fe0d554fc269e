// UTF-8 counted and streamed byte by byte, so that a large document is never copied into a buffer.

/** Calls `emit` with each byte of the UTF-8 encoding of `text`; a lone surrogate counts as U+FFFD, as TextEncoder does. */
export function forEachUtf8Byte(text: string, emit: (byte: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      emit(code);
      continue;
    }
    if (code < 0x800) {
      emit(0xc0 | (code >> 6));
      emit(0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        emit(0xf0 | (code >> 18));
        emit(0x80 | ((code >> 12) & 0x3f));
        emit(0x80 | ((code >> 6) & 0x3f));
        emit(0x80 | (code & 0x3f));
        continue;
      }
      code = 0xfffd;
    }
    emit(0xe0 | (code >> 12));
    emit(0x80 | ((code >> 6) & 0x3f));
    emit(0x80 | (code & 0x3f));
  }
}

/** The length of `text` in UTF-8 bytes, counted without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
