/**
 * A small, strict WebVTT parser (browser-safe, no dependencies), for narration captions.
 *
 * Accepts: an optional BOM; a first line "WEBVTT" (optionally followed by a space or tab and
 * text); header lines up to the first blank line; then blocks separated by blank lines:
 * NOTE, STYLE and REGION blocks (skipped), and cues — an optional identifier line, a timing line
 * "hh:mm:ss.ttt --> hh:mm:ss.ttt" (hours optional: "mm:ss.ttt"; cue settings may follow), and
 * the cue text. Throws an Error naming the line (1-based) on anything else.
 */

export interface Cue {
  start: number; // seconds
  end: number; // seconds
  text: string;
}

const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;

/** Parses one timestamp ("01:02:03.456" or "02:03.456") to seconds; undefined if malformed. */
export function parseTimestamp(s: string): number | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  const millis = Number(m[4]);
  if (minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds + millis / 1000;
}

function fail(line: number, message: string): never {
  throw new Error(`line ${line}: ${message}`);
}

const TIMING_HELP = 'expected "hh:mm:ss.ttt --> hh:mm:ss.ttt" or "mm:ss.ttt --> mm:ss.ttt"';

export function parseWebVtt(text: string): { cues: Cue[] } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = src.split(/\r\n|\r|\n/);
  const first = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first)) {
    fail(1, `a WebVTT file must start with "WEBVTT" (found ${JSON.stringify(first.slice(0, 40))})`);
  }
  let i = 1;
  // Header: lines up to the first blank line.
  while (i < lines.length && (lines[i] as string).trim() !== '') {
    if ((lines[i] as string).includes('-->')) {
      fail(i + 1, 'a blank line is needed between the "WEBVTT" header and the first cue');
    }
    i++;
  }
  const cues: Cue[] = [];
  let previousStart = -Infinity;
  while (i < lines.length) {
    // Skip blank lines between blocks.
    while (i < lines.length && (lines[i] as string).trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '') block.push(lines[i++] as string);
    const head = block[0] as string;
    if (/^NOTE(?:[ \t]|$)/.test(head) || /^(?:STYLE|REGION)[ \t]*$/.test(head)) {
      if (block.some((l) => l.includes('-->'))) {
        fail(blockStart + 1, `a ${head.split(/[ \t]/)[0]} block must not contain "-->"; end it with a blank line before the next cue`);
      }
      continue;
    }
    let t = 0;
    if (!head.includes('-->')) {
      // An identifier line; the timing line must follow.
      t = 1;
      if (block.length < 2) {
        fail(blockStart + 1, `expected a cue timing line (${TIMING_HELP}), found ${JSON.stringify(head.slice(0, 60))}`);
      }
      if (!(block[1] as string).includes('-->')) {
        fail(blockStart + 2, `expected a cue timing line (${TIMING_HELP}) after the cue identifier ${JSON.stringify(head.slice(0, 40))}, found ${JSON.stringify((block[1] as string).slice(0, 60))}`);
      }
    }
    const timingLineNo = blockStart + t + 1;
    const timing = block[t] as string;
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/.exec(timing);
    if (!m) fail(timingLineNo, `malformed cue timing ${JSON.stringify(timing.slice(0, 60))} (${TIMING_HELP})`);
    const start = parseTimestamp(m[1] as string);
    if (start === undefined) fail(timingLineNo, `invalid start time ${JSON.stringify(m[1])} (${TIMING_HELP})`);
    const end = parseTimestamp(m[2] as string);
    if (end === undefined) fail(timingLineNo, `invalid end time ${JSON.stringify(m[2])} (${TIMING_HELP})`);
    if (!(start < end)) fail(timingLineNo, `cue ends (${m[2]}) before or when it starts (${m[1]}); the end must be later than the start`);
    if (start < previousStart) fail(timingLineNo, `cue starts (${m[1]}) before the previous cue; cues must be in time order`);
    previousStart = start;
    const textLines = block.slice(t + 1);
    const bad = textLines.findIndex((l) => l.includes('-->'));
    if (bad >= 0) fail(timingLineNo + 1 + bad, 'a cue timing line inside the text of the previous cue; separate cues with a blank line');
    cues.push({ start, end, text: textLines.join('\n') });
  }
  return { cues };
}
