import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Small clips of every shape the worker must handle, made with the system ffmpeg from lavfi test
 * sources (a second or two each), cached per run under the given folder.
 */
export interface Clip {
  name: string
  file: string
  type: string
}

type Recipe = { file: string; type: string; args: (out: string) => string[] } | { file: string; type: string; make: (out: string, dir: string) => void }

const video = (size: string, seconds = 1.5, rate = 25) => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`]
const tone = (seconds = 1.5) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`]
const quiet = ['-hide_banner', '-loglevel', 'error', '-y']

export const clipRecipes = {
  h264: { file: 'h264.mp4', type: 'video/mp4', args: (out) => [...video('640x360'), ...tone(), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out] },
  hd: { file: 'hd.mp4', type: 'video/mp4', args: (out) => [...video('1280x720', 1), ...tone(1), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out] },
  // Long enough (at 720p) that a worker can be killed while it is encoding it.
  crash: { file: 'crash.mp4', type: 'video/mp4', args: (out) => [...video('1280x720', 16), ...tone(16), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out] },
  hevc10: {
    file: 'hevc10.mp4',
    type: 'video/mp4',
    args: (out) => [...video('640x360', 1), ...tone(1), '-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p10le', '-tag:v', 'hvc1', '-x265-params', 'log-level=error', '-c:a', 'aac', '-shortest', out],
  },
  vp9: { file: 'vp9.webm', type: 'video/webm', args: (out) => [...video('480x270', 1), ...tone(1), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-c:a', 'libopus', '-shortest', out] },
  mpeg2: { file: 'mpeg2.mpg', type: 'video/mpeg', args: (out) => [...video('720x576', 1), ...tone(1), '-c:v', 'mpeg2video', '-flags', '+ilme+ildct', '-top', '1', '-b:v', '2M', '-c:a', 'mp2', '-shortest', out] },
  portrait: { file: 'portrait.mp4', type: 'video/mp4', args: (out) => [...video('360x640'), ...tone(), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out] },
  rotated: {
    file: 'rotated.mp4',
    type: 'video/mp4',
    // Stored landscape, shown portrait: what phones record. (ffmpeg 5 sets the rotation only when copying.)
    make: (out, dir) => {
      const plain = path.join(dir, 'plain-for-rotated.mp4')
      execFileSync('ffmpeg', [...quiet, ...video('640x360'), ...tone(), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', plain])
      execFileSync('ffmpeg', [...quiet, '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', out])
    },
  },
  odd: { file: 'odd.mp4', type: 'video/mp4', args: (out) => [...video('321x241'), ...tone(), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', '-c:a', 'aac', '-shortest', out] },
  tiny: { file: 'tiny.mp4', type: 'video/mp4', args: (out) => [...video('160x120'), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out] },
  vfr: {
    file: 'vfr.mp4',
    type: 'video/mp4',
    // Frames dropped unevenly and kept with their timestamps: a variable frame rate, as screen recorders write.
    args: (out) => [...video('480x270', 2, 30), ...tone(2), '-vf', "select='not(mod(n\\,3))+between(n\\,10\\,20)'", '-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out],
  },
  silent: { file: 'silent.mp4', type: 'video/mp4', args: (out) => [...video('480x270'), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out] },
  audioOnly: { file: 'audio.m4a', type: 'audio/mp4', args: (out) => [...tone(2), '-c:a', 'aac', out] },
  truncated: {
    file: 'truncated.mp4',
    type: 'video/mp4',
    // Cut in half: the index (moov) of a plain MP4 is at the end, so what is left cannot be opened.
    make: (out, dir) => {
      const whole = path.join(dir, 'whole-for-truncated.mp4')
      execFileSync('ffmpeg', [...quiet, ...video('320x180'), ...tone(), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', whole])
      const bytes = readFileSync(whole)
      writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)))
    },
  },
  text: { file: 'notes.mp4', type: 'video/mp4', make: (out) => writeFileSync(out, '这不是视频。This is not a video.\n'.repeat(200)) },
  image: { file: 'picture.png', type: 'video/mp4', args: (out) => ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:duration=0.04', '-frames:v', '1', out] },
} satisfies Record<string, Recipe>

export type ClipName = keyof typeof clipRecipes

export function makeClip(dir: string, name: ClipName): Clip & { size: number } {
  mkdirSync(dir, { recursive: true })
  const recipe: Recipe = clipRecipes[name]
  const file = path.join(dir, recipe.file)
  if (!existsSync(file)) {
    if ('make' in recipe) recipe.make(file, dir)
    else execFileSync('ffmpeg', [...quiet, ...recipe.args(file)])
  }
  return { name, file, type: recipe.type, size: statSync(file).size }
}
