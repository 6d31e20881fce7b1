// The site's search, on the home page: a static index (built by the publisher) read in the
// browser. Progressive enhancement: without JavaScript the section stays hidden and the topic
// pages list every article.
import { searchTerms, shardOf } from './search-terms.js'

const section = document.querySelector('[data-search]')
const form = section && section.querySelector('[data-search-form]')
const input = form && form.querySelector('input')
const status = section && section.querySelector('[data-search-status]')
const list = section && section.querySelector('[data-search-results]')
const ROOT = '/search/'
const RESULTS = 20

const files = new Map()
function json(path) {
  if (!files.has(path)) {
    files.set(
      path,
      fetch(ROOT + path).then((response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status}`)
        return response.json()
      }),
    )
  }
  return files.get(path)
}

/** Documents matching every term of the query, best first, as [doc, entry] pairs. */
async function find(terms) {
  const meta = await json('meta.json')
  const delta = meta.delta ? await json(meta.delta) : { docs: {}, terms: {}, stale: [] }
  const stale = new Set(delta.stale)
  let scores
  for (const term of terms) {
    const shard = await json(`${meta.base}t-${shardOf(term, meta.termShards)}.json`)
    const postings = (shard[term] || [])
      .filter(([doc]) => !stale.has(doc))
      .concat(delta.terms[term] || [])
    const idf = Math.log(1 + meta.documents / Math.max(1, postings.length))
    const next = new Map()
    for (const [doc, weight] of postings) {
      if (!scores || scores.has(doc))
        next.set(doc, ((scores && scores.get(doc)) || 0) + weight * idf)
    }
    scores = next
    if (scores.size === 0) break
  }
  const best = [...(scores || [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RESULTS)
  return Promise.all(
    best.map(async ([doc]) => {
      if (delta.docs[doc]) return delta.docs[doc]
      const docs = await json(`${meta.base}d-${doc % meta.docShards}.json`)
      return docs[doc]
    }),
  )
}

function show(entries, query) {
  list.replaceChildren(
    ...entries.filter(Boolean).map(([url, title, summary, approved]) => {
      const item = document.createElement('li')
      item.className = 'article-card'
      const heading = document.createElement('h3')
      const link = document.createElement('a')
      link.href = url
      link.textContent = title
      heading.append(link)
      item.append(heading)
      if (summary) {
        const text = document.createElement('p')
        text.textContent = summary
        item.append(text)
      }
      if (!approved) {
        const meta = document.createElement('p')
        meta.className = 'article-card-meta'
        const tag = document.createElement('span')
        tag.className = 'tag tag-pending'
        tag.textContent = 'Pending medical review'
        meta.append(tag)
        item.append(meta)
      }
      return item
    }),
  )
  status.textContent = entries.length
    ? `${entries.length === RESULTS ? `The ${RESULTS} best matches` : entries.length === 1 ? '1 article' : `${entries.length} articles`} for “${query}”`
    : `No articles found for “${query}”`
}

let latest = 0
async function search() {
  const query = input.value.trim()
  const terms = [...new Set(searchTerms(query))]
  const asked = ++latest
  if (!terms.length) {
    list.replaceChildren()
    status.textContent = ''
    return
  }
  try {
    const entries = await find(terms)
    if (asked === latest) show(entries, query)
  } catch {
    if (asked === latest) status.textContent = 'The search is not available right now.'
  }
}

if (section && form && input && status && list) {
  section.hidden = false
  let timer
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    search()
  })
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(search, 250)
  })
}
