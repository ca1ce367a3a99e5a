/**
 * An MP4 (ISO BMFF) holding one H.264 track: ftyp, then moov before mdat
 * ("fast start", so a player can begin before the whole file arrives),
 * every sample in one chunk.
 */
import { CONSTRAINT_FLAGS, LEVEL_IDC, PROFILE_IDC } from './h264'

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length + 8, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const vf = Buffer.alloc(4)
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0)
  return box(type, vf, ...parts)
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4)
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4))
  return b
}

function u16(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2)
  values.forEach((v, i) => b.writeUInt16BE(v & 0xffff, i * 2))
  return b
}

const MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000)

export interface Mp4Track {
  width: number
  height: number
  fps: number
  sps: Buffer
  pps: Buffer
  /** One NAL (without start code) a sample. */
  samples: { nal: Buffer; key: boolean }[]
}

export function muxMp4(t: Mp4Track): Buffer {
  const timescale = t.fps * 1000
  const duration = t.samples.length * 1000
  const movieMs = Math.round((t.samples.length / t.fps) * 1000)
  const sampleData = t.samples.map((s) => Buffer.concat([u32(s.nal.length), s.nal]))

  const avcC = box(
    'avcC',
    Buffer.from([1, PROFILE_IDC, CONSTRAINT_FLAGS, LEVEL_IDC, 0xff, 0xe1]),
    u16(t.sps.length),
    t.sps,
    Buffer.from([1]),
    u16(t.pps.length),
    t.pps
  )
  const compressor = Buffer.alloc(32)
  compressor.write('\u000bdemo h264', 0, 'latin1')
  const avc1 = box(
    'avc1',
    Buffer.alloc(6), u16(1), // reserved, data_reference_index
    Buffer.alloc(16), u16(t.width, t.height),
    u32(0x00480000, 0x00480000, 0), u16(1), compressor, u16(0x0018, 0xffff),
    avcC
  )
  const stbl = (chunkOffset: number) =>
    box(
      'stbl',
      fullBox('stsd', 0, 0, u32(1), avc1),
      fullBox('stts', 0, 0, u32(1, t.samples.length, 1000)),
      fullBox('stss', 0, 0, u32(t.samples.filter((s) => s.key).length, ...t.samples.flatMap((s, i) => (s.key ? [i + 1] : [])))),
      fullBox('stsc', 0, 0, u32(1, 1, t.samples.length, 1)),
      fullBox('stsz', 0, 0, u32(0, t.samples.length, ...sampleData.map((s) => s.length))),
      fullBox('stco', 0, 0, u32(1, chunkOffset))
    )
  const moov = (chunkOffset: number) =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0, 0, 1000, movieMs, 0x00010000), u16(0x0100), Buffer.alloc(10), MATRIX, Buffer.alloc(24), u32(2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0, 0, 1, 0, movieMs, 0, 0), u16(0, 0, 0, 0), MATRIX, u32(t.width << 16, t.height << 16)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0, 0, timescale, duration), u16(0x55c4, 0)), // language "und"
          fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'latin1')),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            stbl(chunkOffset)
          )
        )
      )
    )
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'))
  // moov's size does not depend on the offset's value: measure once, then write the real one.
  const offset = ftyp.length + moov(0).length + 8
  return Buffer.concat([ftyp, moov(offset), box('mdat', ...sampleData)])
}
