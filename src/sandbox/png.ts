// A QR code drawn straight into a PNG (RGBA, zlib from Node): qrcode's own PNG renderer works pixel
// by pixel through several layers and takes seconds for a 1280 px code on a busy machine.
import { deflateSync } from 'node:zlib'
import QRCode from 'qrcode'

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

export type Rgba = [number, number, number, number]

/** `text` as a `width` × `width` PNG: the modules scaled to whole pixels and centred, a quiet zone of at least 2 modules. */
export function qrPng(text: string, width: number, dark: Rgba, light: Rgba): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules
  const scale = Math.max(1, Math.floor(width / (size + 4)))
  const offset = Math.floor((width - size * scale) / 2)
  const stride = width * 4 + 1
  const raw = Buffer.alloc(stride * width)
  for (let y = 0; y < width; y++) {
    const row = y * stride
    raw[row] = 0 // filter: none
    const my = Math.floor((y - offset) / scale)
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - offset) / scale)
      const on = y >= offset && x >= offset && my < size && mx < size && data[my * size + mx] === 1
      const c = on ? dark : light
      const p = row + 1 + x * 4
      raw[p] = c[0]
      raw[p + 1] = c[1]
      raw[p + 2] = c[2]
      raw[p + 3] = c[3]
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(width, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}
