import { describe, expect, it } from 'vitest';
import { parseTimestamp, parseWebVtt } from './webvtt';

describe('parseWebVtt', () => {
  it('parses cues with hh:mm:ss.ttt and mm:ss.ttt timings, identifiers, settings and multi-line text', () => {
    const vtt = [
      'WEBVTT - narration',
      'Kind: captions',
      '',
      'NOTE written by hand',
      'over two lines',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.500',
      'The morning light',
      'over the sea.',
      '',
      '00:05.000 --> 01:02.250 align:start line:90%',
      'Second cue.',
      '',
    ].join('\n');
    expect(parseWebVtt(vtt).cues).toEqual([
      { start: 1, end: 4.5, text: 'The morning light\nover the sea.' },
      { start: 5, end: 62.25, text: 'Second cue.' },
    ]);
  });

  it('accepts a BOM, CRLF line endings and STYLE blocks', () => {
    const vtt = '\uFEFFWEBVTT\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\n00:00.000 --> 00:01.000\r\nHi\r\n';
    expect(parseWebVtt(vtt).cues).toEqual([{ start: 0, end: 1, text: 'Hi' }]);
  });

  it('returns no cues for a header-only file', () => {
    expect(parseWebVtt('WEBVTT\n').cues).toEqual([]);
  });

  it('rejects a missing WEBVTT header, naming line 1', () => {
    expect(() => parseWebVtt('00:00.000 --> 00:01.000\nHi')).toThrow(/^line 1: a WebVTT file must start with "WEBVTT"/);
    expect(() => parseWebVtt('WEBVTTX\n')).toThrow(/^line 1:/);
  });

  it('rejects a malformed timestamp, naming the line', () => {
    expect(() => parseWebVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:02.0 --> 00:03.000\nbad')).toThrow(/^line 6: invalid start time "00:02.0"/);
    expect(() => parseWebVtt('WEBVTT\n\n00:00.000 --> 00:61.000\nbad')).toThrow(/^line 3: invalid end time "00:61.000"/);
  });

  it('rejects a cue that ends before it starts', () => {
    expect(() => parseWebVtt('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbackwards')).toThrow(/^line 3: cue ends \(00:00:04.000\) before or when it starts/);
    expect(() => parseWebVtt('WEBVTT\n\n00:05.000 --> 00:05.000\nzero')).toThrow(/^line 3:/);
  });

  it('rejects cues out of time order', () => {
    expect(() => parseWebVtt('WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb')).toThrow(/^line 6: cue starts .* before the previous cue/);
  });

  it('rejects an identifier not followed by a timing line', () => {
    expect(() => parseWebVtt('WEBVTT\n\nintro\nHello there')).toThrow(/^line 4: expected a cue timing line/);
    expect(() => parseWebVtt('WEBVTT\n\njust text')).toThrow(/^line 3: expected a cue timing line/);
  });

  it('rejects a timing line without spaces around the arrow', () => {
    expect(() => parseWebVtt('WEBVTT\n\n00:00.000-->00:01.000\nx')).toThrow(/^line 3: malformed cue timing/);
  });

  it('rejects a cue glued to the header or to the previous cue', () => {
    expect(() => parseWebVtt('WEBVTT\n00:00.000 --> 00:01.000\nx')).toThrow(/^line 2: a blank line is needed/);
    expect(() => parseWebVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nx\n00:02.000 --> 00:03.000\ny')).toThrow(/^line 5: a cue timing line inside the text/);
  });
});

describe('parseTimestamp', () => {
  it('reads hours, minutes, seconds and milliseconds', () => {
    expect(parseTimestamp('01:02:03.456')).toBeCloseTo(3723.456);
    expect(parseTimestamp('02:03.456')).toBeCloseTo(123.456);
    expect(parseTimestamp('100:00:00.000')).toBe(360000);
  });
  it('rejects malformed values', () => {
    for (const s of ['1:02.000', '00:60.000', '00:00.00', '00:00,000', 'abc']) expect(parseTimestamp(s), s).toBeUndefined();
  });
});
