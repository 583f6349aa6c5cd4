/**
 * Narration: each sentence is synthesised separately with espeak-ng, measured
 * with `soxi -D`, and the sentences are joined with short pauses by sox into
 * one mono Ogg Vorbis file; the WebVTT captions get one cue per sentence with
 * the measured timings. If espeak-ng or sox is missing, existing files are
 * kept (a note is printed) and nothing is re-encoded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VOICES: Record<string, string> = { en: 'en', it: 'it' };
const RATE = '150'; // words per minute: unhurried, museum-guide pace
const PAUSE = 0.45; // seconds between sentences
const LEAD_IN = 0.3;
const SAMPLE_RATE = '22050';
/** -R: repeatable randomness (Ogg serial numbers), -D: no dither; together the output is byte-for-byte deterministic. */
const SOX = ['-R', '-D'];

function installed(bin: string, args: string[]): boolean {
  try {
    execFileSync(bin, args, { stdio: 'ignore' });
  } catch (e) {
    // a non-zero exit still means the program is there; only a missing binary matters
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
  }
  return true;
}

export function toolsAvailable(): boolean {
  return installed('espeak-ng', ['--version']) && installed('sox', ['--version']) && installed('soxi', []);
}

const duration = (file: string): number => Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());

function timestamp(s: number): string {
  const ms = Math.round(s * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(sec)}.${p(rest, 3)}`;
}

/** Break a caption into lines of at most ~42 characters (two lines per cue at most where possible). */
function wrap(text: string, width = 42): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export interface NarrationResult {
  audio: string;
  captions: string;
  seconds: number;
  skipped: boolean;
}

/**
 * Synthesise `sentences` in `lang` to <dir>/<id>.<lang>.ogg and .vtt.
 * Returns file names relative to `dir`.
 */
export function narrate(dir: string, id: string, lang: string, sentences: string[], tools: boolean): NarrationResult {
  const audio = `${id}.${lang}.ogg`;
  const captions = `${id}.${lang}.vtt`;
  const audioPath = join(dir, audio);
  const vttPath = join(dir, captions);
  if (!tools) {
    if (existsSync(audioPath) && existsSync(vttPath)) return { audio, captions, seconds: NaN, skipped: true };
    throw new Error(`espeak-ng/sox are not installed and ${audio} does not exist yet`);
  }
  const voice = VOICES[lang];
  if (!voice) throw new Error(`no espeak-ng voice for ${lang}`);
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), `narration-${id}-${lang}-`));
  try {
    const silence = join(tmp, 'pause.wav');
    execFileSync('sox', [...SOX, '-n', '-r', SAMPLE_RATE, '-c', '1', '-b', '16', silence, 'trim', '0', String(PAUSE)]);
    const lead = join(tmp, 'lead.wav');
    execFileSync('sox', [...SOX, '-n', '-r', SAMPLE_RATE, '-c', '1', '-b', '16', lead, 'trim', '0', String(LEAD_IN)]);
    const parts: string[] = [lead];
    const cues: string[] = [];
    let t = duration(lead);
    sentences.forEach((sentence, i) => {
      const raw = join(tmp, `s${i}-raw.wav`);
      const wav = join(tmp, `s${i}.wav`);
      execFileSync('espeak-ng', ['-v', voice, '-s', RATE, '-w', raw, sentence]);
      // normalise to the common format (espeak-ng already speaks at 22.05 kHz mono)
      execFileSync('sox', [...SOX, raw, '-r', SAMPLE_RATE, '-c', '1', '-b', '16', wav]);
      const d = duration(wav);
      cues.push(`${i + 1}\n${timestamp(t)} --> ${timestamp(t + d)}\n${wrap(sentence)}`);
      parts.push(wav);
      t += d;
      if (i < sentences.length - 1) {
        parts.push(silence);
        t += duration(silence);
      }
    });
    const joined = join(tmp, 'joined.wav');
    execFileSync('sox', [...SOX, ...parts, joined]);
    execFileSync('sox', [...SOX, joined, '-r', SAMPLE_RATE, '-c', '1', '-C', '2', audioPath]);
    const total = duration(audioPath);
    if (Math.abs(total - t) > 0.05) throw new Error(`${audio}: encoded length ${total.toFixed(3)} s differs from the cue timeline ${t.toFixed(3)} s`);
    writeFileSync(vttPath, `WEBVTT\n\n${cues.join('\n\n')}\n`);
    return { audio, captions, seconds: total, skipped: false };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
