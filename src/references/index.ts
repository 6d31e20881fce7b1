/**
 * References: CSL-JSON in and out (schema and normalization), identifiers, the one mapping to and
 * from what the citations collection stores, and formatting in a registered citation style
 * through citation-js; reading BibTeX, RIS, MEDLINE, CSL-JSON and DOI/PMID lists into keyed,
 * de-duplicated items, and what a DOI/PMID look-up asks and means. Pure: no Payload, Next,
 * collections, network or other src/ modules.
 */
export {
  CSL_DATE_VARIABLES,
  CSL_NAME_VARIABLES,
  CSL_OTHER_TEXT_VARIABLES,
  CSL_TYPES,
  cslDateSchema,
  cslItemSchema,
  cslNameSchema,
  orderCslFields,
  type CslDate,
  type CslItem,
  type CslName,
  type CslType,
} from './csl'
export { createReferenceFormatter, type FormatterOptions, type ReferenceFormatter } from './format'
export {
  CITATION_KEY_HINT,
  CITATION_KEY_PATTERN,
  DOI,
  IDENTIFIERS,
  identifierProblem,
  isDoi,
  isHttpUrl,
  isIsbn,
  isPmcid,
  isPmid,
  ISBN,
  normalizeDoi,
  normalizeIsbn,
  normalizePmcid,
  normalizePmid,
  normalizeUrl,
  PMCID,
  PMID,
  URL_IDENTIFIER,
  type Identifier,
} from './identifiers'
export {
  canonicalReference,
  COLUMN_VARIABLES,
  extraCslProblem,
  fromStored,
  sameReference,
  STORED_DATE_RANGES,
  toStored,
  type StoredDate,
  type StoredName,
  type StoredReference,
} from './stored'
export {
  CITATION_STYLES,
  citationTemplate,
  DEFAULT_CITATION_STYLE,
  isCitationStyle,
  type CitationStyle,
} from './styles'
export { stableStringify } from './json'
export {
  formatOfFileName,
  REFERENCE_FORMAT_LABELS,
  REFERENCE_FORMATS,
  type ReferenceFormat,
} from './formats'
export {
  detectFormat,
  prepareEntries,
  readReferenceText,
  type LookupIdentifier,
  type PreparedEntry,
  type PrepareOptions,
  type ReadEntry,
  checkSelection,
  type SelectionProblem,
  type ReadResult,
  type ReferenceProblem,
} from './importText'
export {
  DUPLICATE_LABELS,
  findDuplicate,
  normalizedTitle,
  sameWork,
  type Duplicate,
  type DuplicateReason,
} from './duplicates'
export { asciiWords, baseCitationKey, isCitationKey, uniqueCitationKey } from './keys'
export {
  fromRegistryCsl,
  LOOKUP_TIMEOUT_MS,
  lookupRequest,
  readLookupResponse,
  unreachable,
  type LookupRequest,
  type LookupResult,
} from './lookup'
export { medlineDate, medlineToCsl, readMedline, type MedlineRecord } from './medline'
