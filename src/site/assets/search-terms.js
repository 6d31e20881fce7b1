// The search terms of a text: the one tokenizer of the site's search, used by the publisher to
// build the index and by the browser to read a query, so both always agree.

const STOPWORDS = new Set(
  (
    'a an and are as at be by can do does for from has have how if in into is it its may ' +
    'more most no not of on or should than that the their there these this to was what when ' +
    'which who why will with without'
  ).split(' '),
)

/**
 * Lower-cased words without accents, stop words or a plural `s`, at least two characters long,
 * in the order they appear.
 * @param {string} text
 * @returns {string[]}
 */
export function searchTerms(text) {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
  const terms = []
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word)) continue
    terms.push(
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    )
  }
  return terms
}

/**
 * Which of `shards` files holds a term or a page (FNV-1a of its characters: the same everywhere).
 * @param {string} term
 * @param {number} shards
 * @returns {number}
 */
export function shardOf(term, shards) {
  let hash = 0x811c9dc5
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % shards
}
