/**
 * The site folder: one publish at a time (`lock`), immutable objects named by their content
 * (`objects`), builds as manifests of objects made live with one rename (`manifest`), and the
 * builds kept for going back (`rollback`).
 */
export { sitePaths } from './layout'
export { PublishBusyError, withLock } from './lock'
export {
  changedFiles,
  currentBuild,
  fileGroup,
  fingerprint,
  goLive,
  openBuild,
  openTables,
  readBuild,
  type ArticleGroup,
  type Build,
  type ManifestLists,
  type RankedList,
  type ManifestArticle,
  type ManifestFile,
  type ManifestSearch,
  type SiteManifest,
} from './manifest'
export { putObject, readObject, sha256 } from './objects'
export { SHARDS, ShardedTable, shardIndex, type ShardStats, type ShardTable } from './shards'
export { exportSite } from './exportSite'
export { prune, rollback } from './rollback'
