/**
 * Compression of large snapshots. After compaction and delta encoding
 * (snapshot-compact.ts, snapshot-delta.ts) a 1,000-container lab is still
 * 2.6 MB of JSON, most of it what no encoder can predict: random 64-hex IDs,
 * MACs, ports. A general-purpose compressor shrinks it ~4.7x (~3.5x once in
 * base64: 2.6 MB -> 0.76 MB); the snapshot stays a JSON value, with the
 * state written as `{"$zlib": "<base64>"}`: a zlib stream (RFC 1950:
 * deflate plus an Adler-32 of the JSON) in base64, so it survives JSON,
 * localStorage and a page's <script> element.
 *
 * fflate is pure JS and synchronous in Node and browsers alike (node:zlib
 * is Node's only). Its inflate does not check zlib's Adler-32, so that is
 * checked here: a damaged payload that still inflates is rejected too, not
 * restored as a quietly different lab.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { base64ToBytes, bytesToBase64 } from '../core/base64';

const MARK = '$zlib';

/**
 * States whose JSON is longer than this (in characters) are compressed. The
 * lessons' starting labs are 15-70 KB and a student's few containers add
 * ~3 KB each, so ordinary lesson labs mostly stay readable JSON and cost
 * nothing to save after every command. Above it, saving costs a few ms per
 * 100 KB and the saved lab is ~3.5x smaller: what keeps big labs within
 * localStorage's ~5 MB per site, which every saved lab of the course shares.
 */
export const COMPRESS_ABOVE_CHARS = 64 * 1024;

type Compressed = { [MARK]: string };

export function isCompressed(value: unknown): value is Compressed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === MARK;
}

/** The (already compacted) state as it is, or compressed when its JSON is longer than `above` characters. */
export function compressLarge(state: unknown, above = COMPRESS_ABOVE_CHARS): unknown {
  const json = JSON.stringify(state);
  if (json.length <= above) return state;
  return { [MARK]: bytesToBase64(zlibSync(strToU8(json))) } satisfies Compressed;
}

/** zlib's checksum (RFC 1950 section 8.2), as stored big-endian in the stream's last 4 bytes. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most zlib sums before reducing; here it only keeps the numbers small.
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function inflateChecked(payload: unknown): string {
  if (typeof payload !== 'string') throw new Error('its compressed state is not a string');
  const stream = base64ToBytes(payload);
  if (stream.length < 6) throw new Error('its compressed state is too short to be a zlib stream');
  let bytes: Uint8Array;
  try {
    bytes = unzlibSync(stream);
  } catch (error) {
    throw new Error(`its compressed state does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
  const stored = new DataView(stream.buffer, stream.byteOffset + stream.length - 4, 4).getUint32(0);
  if (adler32(bytes) !== stored) throw new Error('its compressed state fails its checksum');
  return strFromU8(bytes);
}

/**
 * The state a compressed one stands for, freshly parsed (the caller may
 * change it). Throws an Error saying the lab is damaged, and why, for a
 * payload that is not base64, not zlib, truncated, altered or not JSON.
 */
export function decompress(value: Compressed): unknown {
  try {
    return JSON.parse(inflateChecked(value[MARK]));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`This saved lab is damaged and cannot be restored (${why}).`);
  }
}
