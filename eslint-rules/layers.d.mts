import type { ESLint } from 'eslint'

/** See layers.mjs. */
export declare const CORE: Record<string, string[]>
export declare const GLUE_FORBIDS: Record<string, string[]>
declare const plugin: ESLint.Plugin
export default plugin
