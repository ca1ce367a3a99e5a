/**
 * A tiny H.264 (Constrained Baseline, CAVLC) writer, enough for a demo clip
 * without ffmpeg: key frames store every macroblock uncompressed (I_PCM,
 * a legal coding every decoder supports), and the frames between them copy
 * the previous frame shifted by a whole-pixel motion vector (P_L0_16x16 with
 * no residual), which pans the picture at almost no cost. Pixels the pan
 * drags in from beyond the edge fall in a margin the SPS crops away.
 */
import { BitWriter } from './bit-writer'

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { max, min, round } = Math

export interface StreamShape {
  /** Coded size, multiples of 16. */
  width: number
  height: number
  /** Displayed size; the right and bottom margins are cropped. */
  cropWidth: number
  cropHeight: number
}

const NAL = { slice: 1, idr: 5, sps: 7, pps: 8 } as const
export const PROFILE_IDC = 66
export const CONSTRAINT_FLAGS = 0xc0 // constraint_set0 + set1: Constrained Baseline
export const LEVEL_IDC = 31

/** NAL header plus the RBSP with emulation prevention (no 00 00 0x≤3 inside a NAL). */
function nal(type: number, rbsp: Buffer): Buffer {
  const out: number[] = [0x60 | type] // nal_ref_idc 3: every picture here is a reference
  let zeros = 0
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3)
      zeros = 0
    }
    out.push(b)
    zeros = b === 0 ? zeros + 1 : 0
  }
  return Buffer.from(out)
}

export function sps(shape: StreamShape): Buffer {
  const w = new BitWriter()
  w.bits(PROFILE_IDC, 8)
  w.bits(CONSTRAINT_FLAGS, 8)
  w.bits(LEVEL_IDC, 8)
  w.ue(0) // seq_parameter_set_id
  w.ue(4) // log2_max_frame_num_minus4: frame_num is 8 bits
  w.ue(2) // pic_order_cnt_type 2: output order = decoding order
  w.ue(1) // max_num_ref_frames
  w.bit(0) // gaps_in_frame_num_value_allowed_flag
  w.ue(shape.width / 16 - 1)
  w.ue(shape.height / 16 - 1)
  w.bit(1) // frame_mbs_only_flag
  w.bit(1) // direct_8x8_inference_flag
  w.bit(1) // frame_cropping_flag; offsets count 2-pixel units in 4:2:0
  w.ue(0)
  w.ue((shape.width - shape.cropWidth) / 2)
  w.ue(0)
  w.ue((shape.height - shape.cropHeight) / 2)
  w.bit(1) // vui_parameters_present_flag: say the colours are BT.709, limited range
  w.bit(0) // aspect_ratio_info_present_flag
  w.bit(0) // overscan_info_present_flag
  w.bit(1) // video_signal_type_present_flag
  w.bits(5, 3) // video_format: unspecified
  w.bit(0) // video_full_range_flag
  w.bit(1) // colour_description_present_flag
  w.bits(1, 8) // colour_primaries BT.709
  w.bits(1, 8) // transfer_characteristics BT.709
  w.bits(1, 8) // matrix_coefficients BT.709
  for (let i = 0; i < 5; i++) w.bit(0) // chroma_loc, timing, nal_hrd, vcl_hrd, pic_struct
  w.bit(0) // bitstream_restriction_flag
  w.trailing()
  return nal(NAL.sps, w.toBuffer())
}

export function pps(): Buffer {
  const w = new BitWriter()
  w.ue(0) // pic_parameter_set_id
  w.ue(0) // seq_parameter_set_id
  w.bit(0) // entropy_coding_mode_flag: CAVLC
  w.bit(0) // bottom_field_pic_order_in_frame_present_flag
  w.ue(0) // num_slice_groups_minus1
  w.ue(0) // num_ref_idx_l0_default_active_minus1
  w.ue(0) // num_ref_idx_l1_default_active_minus1
  w.bit(0) // weighted_pred_flag
  w.bits(0, 2) // weighted_bipred_idc
  w.se(0) // pic_init_qp_minus26
  w.se(0) // pic_init_qs_minus26
  w.se(0) // chroma_qp_index_offset
  w.bit(1) // deblocking_filter_control_present_flag
  w.bit(0) // constrained_intra_pred_flag
  w.bit(0) // redundant_pic_cnt_present_flag
  w.trailing()
  return nal(NAL.pps, w.toBuffer())
}

function sliceHeader(w: BitWriter, kind: 'I' | 'P', frameNum: number, idrPicId: number): void {
  w.ue(0) // first_mb_in_slice
  w.ue(kind === 'I' ? 7 : 5) // slice_type, the same for every slice of the picture
  w.ue(0) // pic_parameter_set_id
  w.bits(frameNum & 0xff, 8)
  if (kind === 'I') w.ue(idrPicId)
  if (kind === 'P') {
    w.bit(0) // num_ref_idx_active_override_flag
    w.bit(0) // ref_pic_list_modification_flag_l0
  }
  if (kind === 'I') {
    w.bit(0) // no_output_of_prior_pics_flag
    w.bit(0) // long_term_reference_flag
  } else {
    w.bit(0) // adaptive_ref_pic_marking_mode_flag
  }
  w.se(0) // slice_qp_delta
  w.ue(1) // disable_deblocking_filter_idc: nothing to smooth in copies and raw pixels
}

/** A key frame: every macroblock I_PCM. `yuv` is planar 4:2:0 at the coded size. */
export function idrFrame(shape: StreamShape, yuv: Uint8Array, idrPicId: number): Buffer {
  const { width, height } = shape
  const w = new BitWriter()
  sliceHeader(w, 'I', 0, idrPicId)
  const chromaAt = width * height
  const crAt = chromaAt + (width / 2) * (height / 2)
  const mb = new Uint8Array(384)
  for (let my = 0; my < height / 16; my++) {
    for (let mx = 0; mx < width / 16; mx++) {
      w.ue(25) // mb_type I_PCM
      w.alignZero() // pcm_alignment_zero_bit
      for (let y = 0; y < 16; y++) mb.set(yuv.subarray((my * 16 + y) * width + mx * 16, (my * 16 + y) * width + mx * 16 + 16), y * 16)
      for (let y = 0; y < 8; y++) {
        const row = (my * 8 + y) * (width / 2) + mx * 8
        mb.set(yuv.subarray(chromaAt + row, chromaAt + row + 8), 256 + y * 8)
        mb.set(yuv.subarray(crAt + row, crAt + row + 8), 320 + y * 8)
      }
      w.bytesAligned(mb)
    }
  }
  w.trailing()
  return nal(NAL.idr, w.toBuffer())
}

/** The previous frame moved by (-dx, -dy) whole pixels: every macroblock copies from (x + dx, y + dy). */
export function panFrame(shape: StreamShape, frameNum: number, dx: number, dy: number): Buffer {
  const w = new BitWriter()
  sliceHeader(w, 'P', frameNum, 0)
  const count = (shape.width / 16) * (shape.height / 16)
  if (dx === 0 && dy === 0) {
    w.ue(count) // mb_skip_run: every macroblock P_Skip, a still frame
  } else {
    for (let i = 0; i < count; i++) {
      w.ue(0) // mb_skip_run
      w.ue(0) // mb_type P_L0_16x16
      // Motion vectors are predicted from the neighbours, which all carry the same vector:
      // only the first macroblock has no neighbours and codes the whole vector.
      w.se(i === 0 ? dx * 4 : 0) // mvd_l0 x, quarter pixels
      w.se(i === 0 ? dy * 4 : 0)
      w.ue(0) // coded_block_pattern 0 (inter): no residual
    }
  }
  w.trailing()
  return nal(NAL.slice, w.toBuffer())
}

/** BT.709 limited-range 4:2:0 planes from 8-bit RGB; luma kept in 1..254 so PCM never holds a zero byte. */
export function rgbToYuv420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 1.5)
  const cw = width / 2
  const cbAt = width * height
  const crAt = cbAt + cw * (height / 2)
  const clamp = (v: number) => max(1, min(254, round(v)))
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      const r = rgb[i]! / 255
      const g = rgb[i + 1]! / 255
      const b = rgb[i + 2]! / 255
      out[y * width + x] = clamp(16 + 219 * (0.2126 * r + 0.7152 * g + 0.0722 * b))
    }
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0
      let g = 0
      let b = 0
      for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const i = ((y * 2 + oy) * width + x * 2 + ox) * 3
        r += rgb[i]! / 1020
        g += rgb[i + 1]! / 1020
        b += rgb[i + 2]! / 1020
      }
      const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b
      out[cbAt + y * cw + x] = clamp(128 + 224 * ((b - luma) / 1.8556))
      out[crAt + y * cw + x] = clamp(128 + 224 * ((r - luma) / 1.5748))
    }
  }
  return out
}
