import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while the page is server-rendered HTML without its handlers, true once React has
 * hydrated it. A button that only works with its handler is disabled until then, so a click
 * made while a slow page is still loading is not silently lost (and a test's click waits).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
