/**
 * The demo's short brand clip, made here without ffmpeg: three catalog
 * scenes, each a key frame followed by a slow pan (see h264.ts), 12 fps,
 * 384 × 216, as an MP4 any browser or WeChat's video component plays.
 * NOTE: pans move 2 luma pixels a frame: chroma has half the resolution, so
 * an odd luma step would be a half-pixel chroma step, re-interpolated (and
 * blurred) every frame until the colours bleed.
 * The poster is the first scene at full width, a PNG.
 */
import { Canvas, scaled } from '../art/canvas'
import { drawScene, type SceneName } from '../art/scenes'
import { idrFrame, panFrame, pps, rgbToYuv420, sps, type StreamShape } from './h264'
import { muxMp4 } from './mp4'

const SHAPE: StreamShape = { width: 448, height: 256, cropWidth: 384, cropHeight: 216 }
const FPS = 12
/** Scene units (750 wide) per displayed pixel. */
const SCALE = SHAPE.cropWidth / 750

const SEGMENTS: { scene: SceneName; dx: number; dy: number; frames: number }[] = [
  { scene: 'studio-wide', dx: 2, dy: 0, frames: 30 },
  { scene: 'video-linen', dx: 0, dy: 2, frames: 20 },
  { scene: 'video-home', dx: 2, dy: 2, frames: 20 }
]

export function demoVideoMp4(): Buffer {
  const samples: { nal: Buffer; key: boolean }[] = []
  SEGMENTS.forEach((seg, i) => {
    // The pan must stay inside the cropped margin, or smeared edge pixels would show.
    if (seg.dx * seg.frames > SHAPE.width - SHAPE.cropWidth || seg.dy * seg.frames > SHAPE.height - SHAPE.cropHeight) {
      throw new Error(`demo video: segment ${seg.scene} pans past the cropped margin`)
    }
    const canvas = new Canvas(SHAPE.width, SHAPE.height)
    drawScene(seg.scene, scaled(canvas, SCALE))
    samples.push({ nal: idrFrame(SHAPE, rgbToYuv420(canvas.rgb(), SHAPE.width, SHAPE.height), i % 2), key: true })
    for (let f = 1; f <= seg.frames; f++) samples.push({ nal: panFrame(SHAPE, f, seg.dx, seg.dy), key: false })
  })
  return muxMp4({ width: SHAPE.cropWidth, height: SHAPE.cropHeight, fps: FPS, sps: sps(SHAPE), pps: pps(), samples })
}

export const VIDEO_POSTER_SCENE: SceneName = 'studio-wide'
