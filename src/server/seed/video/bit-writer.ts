/** Big-endian bit writer with the Exp-Golomb codes H.264 headers use. */

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { floor, log2 } = Math

export class BitWriter {
  private readonly bytes: number[] = []
  private current = 0
  private used = 0

  bit(b: number): void {
    this.current = (this.current << 1) | (b & 1)
    if (++this.used === 8) {
      this.bytes.push(this.current)
      this.current = 0
      this.used = 0
    }
  }

  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit(floor(value / 2 ** i) & 1)
  }

  /** ue(v): unsigned Exp-Golomb. */
  ue(value: number): void {
    const v = value + 1
    const len = floor(log2(v))
    this.bits(0, len)
    this.bits(v, len + 1)
  }

  /** se(v): signed Exp-Golomb (1, -1, 2, -2 … map to 1, 2, 3, 4 …). */
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1)
  }

  get aligned(): boolean {
    return this.used === 0
  }

  /** Whole bytes at a byte boundary (PCM samples). */
  bytesAligned(data: Uint8Array): void {
    if (!this.aligned) throw new Error('BitWriter: bytes must start on a byte boundary')
    for (const b of data) this.bytes.push(b)
  }

  alignZero(): void {
    while (!this.aligned) this.bit(0)
  }

  /** rbsp_trailing_bits: a one, then zeros to the byte boundary. */
  trailing(): void {
    this.bit(1)
    this.alignZero()
  }

  toBuffer(): Buffer {
    if (!this.aligned) throw new Error('BitWriter: not byte aligned')
    return Buffer.from(this.bytes)
  }
}
