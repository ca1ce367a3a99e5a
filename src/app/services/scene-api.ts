// What a scanned code's scene means (GET /api/v1/scenes/:scene), asked once a run per scene.
import type { SceneResponse } from '@core/contract/reach'
import { api } from './api'

const asked = new Map<string, Promise<SceneResponse>>()

export function resolveScene(scene: string): Promise<SceneResponse> {
  let answer = asked.get(scene)
  if (!answer) {
    answer = api.get<SceneResponse>(`/api/v1/scenes/${encodeURIComponent(scene)}`)
    // A failed answer is not kept: the next show may be online.
    answer.catch(() => asked.delete(scene))
    asked.set(scene, answer)
  }
  return answer
}

/** For tests: forget the answers. */
export function resetSceneCache(): void {
  asked.clear()
}
