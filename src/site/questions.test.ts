import { describe, expect, it } from 'vitest'

import { decideQuestion, QUESTION_LIMITS, QuestionRateLimit } from './questions'

describe('decideQuestion', () => {
  it('stores a question of a sensible size, with an optional email', () => {
    expect(decideQuestion({ question: '  Is a low ALP ever a concern?  ', email: '' })).toEqual({
      kind: 'store',
      question: 'Is a low ALP ever a concern?',
      email: undefined,
      article: undefined,
    })
    expect(
      decideQuestion({
        question: 'Is a low ALP ever a concern?',
        email: 'a@b.example',
        article: 'x',
      }),
    ).toMatchObject({ kind: 'store', email: 'a@b.example', article: 'x' })
  })

  it('refuses an empty, tiny or huge question and a malformed email, saying why', () => {
    expect(decideQuestion({ question: 'why' })).toMatchObject({ kind: 'invalid' })
    const huge = decideQuestion({ question: 'x'.repeat(QUESTION_LIMITS.questionMax + 1) })
    expect(huge).toEqual({ kind: 'invalid', message: 'Keep it under 2000 characters.' })
    expect(decideQuestion({ question: 'A real question here?', email: 'nope' })).toMatchObject({
      kind: 'invalid',
      message: 'That email address does not look right.',
    })
    expect(decideQuestion('not an object')).toMatchObject({ kind: 'invalid' })
  })

  it('discards what a robot sends: the honeypot field is filled', () => {
    expect(
      decideQuestion({ question: 'Buy cheap pills online now', website: 'http://spam' }),
    ).toEqual({
      kind: 'discard',
    })
  })
})

describe('QuestionRateLimit', () => {
  it('allows a few per sender and in all within the window, then again after it', () => {
    let now = 0
    const limit = new QuestionRateLimit({ perSender: 2, overall: 3, windowMs: 1000 }, () => now)
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false])
    expect(limit.take('b')).toBe(true)
    expect(limit.take('c')).toBe(false)
    now = 1001
    expect([limit.take('a'), limit.take('c')]).toEqual([true, true])
  })
})
