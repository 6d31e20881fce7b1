/**
 * Review comments: anchors to passages of a revision (W3C TextQuoteSelector and
 * TextPositionSelector), their re-attachment on later revisions, threads derived from an
 * append-only log, and who may comment, resolve and be told of a mention. Pure: no Payload.
 */
export * from './anchor'
export * from './threads'
