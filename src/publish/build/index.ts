/**
 * Writing the static site: one publish at a time per site folder (`lock`), what each build was
 * made from (`manifest`), the search index (`searchIndex`), a build written aside and swapped in
 * (`writeBuild`), and the builds kept for going back (`rollback`).
 */
export { sitePaths } from './layout'
export { PublishBusyError, withLock } from './lock'
export { currentBuild, fingerprint, type Manifest, type ManifestFile } from './manifest'
export { rollback } from './rollback'
export { type BuildResult, type PlannedFile, writeBuild } from './writeBuild'
