import { describe, expect, it } from 'vitest';
import { imageTypeOf, MAX_PHOTO_BYTES, photoOfLine } from './photo.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('photos in vCards', () => {
  it('knows a picture by its own first bytes, not by what the card claims', () => {
    expect(imageTypeOf(PNG)).toBe('image/png');
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageTypeOf(new TextEncoder().encode('GIF89a'))).toBe('image/gif');
    expect(imageTypeOf(new TextEncoder().encode('RIFF....WEBPVP8 '))).toBe('image/webp');
    expect(imageTypeOf(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
  });

  it('reads the 2.1, 3.0 and 4.0 ways of embedding one', () => {
    const data = b64(PNG);
    for (const line of [
      `PHOTO;ENCODING=BASE64;PNG:${data}`,
      `PHOTO;ENCODING=b;TYPE=JPEG:${data}`,
      `PHOTO;BASE64: ${data.slice(0, 8)} ${data.slice(8)}`,
      `PHOTO:data:image/png;base64,${data}`,
    ])
      expect(photoOfLine(line), line).toEqual({ photo: { mime: 'image/png', data } });
  });

  it('never fetches a photo given as an address, and refuses what is not a picture or too large', () => {
    expect(photoOfLine('PHOTO;VALUE=uri:https://example.com/me.jpg')).toEqual({
      skipped: 'remote',
    });
    expect(photoOfLine(`PHOTO;ENCODING=b:${btoa('<svg/>')}`)).toEqual({ skipped: 'not an image' });
    expect(photoOfLine('PHOTO;ENCODING=b:@@@not base64@@@')).toEqual({ skipped: 'unreadable' });
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    let binary = '';
    for (let i = 0; i < big.length; i += 0x8000)
      binary += String.fromCharCode(...big.subarray(i, i + 0x8000));
    expect(photoOfLine(`PHOTO;ENCODING=b:${btoa(binary)}`)).toEqual({ skipped: 'too large' });
  });
});
