import { describe, expect, it } from 'vitest'

import {
  actionRefusal,
  assertArticleFacts,
  availableActions,
  canEditContent,
  decide,
  decideEdit,
} from './machine'
import {
  MAX_COMMENT_LENGTH,
  REVIEW_INTERVAL_MONTHS,
  ROLES,
  STATE_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
} from './model'
import type {
  ReferenceCheck,
  ActionInput,
  Actor,
  ArticleFacts,
  ContentProblem,
  Decision,
  RefusalCode,
  Role,
  WorkflowAction,
  WorkflowState,
} from './model'
import {
  ACTOR_ID,
  ALL_PERSONAS,
  CO_AUTHOR_ID,
  HASH,
  OTHER_REVIEWER_ID,
  ROLE_SUBSETS,
  actorOf,
  deepFreeze,
  describePersona,
  factsFor,
} from './testing'
import type { Persona } from './testing'

const NOW = new Date('2025-03-15T10:30:00.000Z')
const BOARD_MEMBER: Actor = { id: 'board-9', roles: ['reviewer'] }
const REQUEST = 'Please cite the 2021 cohort study for the ALP comparison.'
const REMARK = 'The second paragraph reads well.'

/** An approval's references, all verified. */
const VERIFIED: ReferenceCheck = { policy: 'require-verified', keys: ['a', 'b'], unverified: [] }

/** Input that satisfies every precondition of `action` for `actor`. */
function validInput(action: WorkflowAction, actor: Actor): ActionInput {
  const staff = actor.roles.includes('editor') || actor.roles.includes('admin')
  switch (action) {
    case 'submit':
      return { problems: [] }
    case 'start_review':
      return staff ? { assignee: BOARD_MEMBER } : {}
    case 'request_changes':
      return { comment: REQUEST }
    case 'comment':
      return { comment: REMARK }
    case 'approve':
      return { references: VERIFIED }
    case 'withdraw':
    case 'unpublish':
      return {}
  }
}

type Outcome = WorkflowState | Exclude<RefusalCode, 'invalid_input' | 'content_problems'>

function outcomeOf(decision: Decision): Outcome | RefusalCode {
  return decision.ok ? decision.to : decision.code
}

function run(
  persona: Persona,
  state: WorkflowState,
  action: WorkflowAction,
  isPublished: boolean,
): Decision {
  const actor = actorOf(persona)
  const article = factsFor(persona, { state, isPublished })
  return decide(deepFreeze(article), action, deepFreeze(actor), validInput(action, actor), NOW)
}

/**
 * The rules, restated from the brief in the most literal form, independently of the
 * implementation: who may (role + relation), from which states, to which state.
 */
function expectedOutcome(
  persona: Persona,
  state: WorkflowState,
  action: WorkflowAction,
  isPublished: boolean,
): Outcome {
  const has = (role: Role) => persona.roles.includes(role)
  const staff = has('editor') || has('admin')
  const authorOfIt = has('author') && persona.wrote
  const assignedReviewer = has('reviewer') && persona.assigned && !persona.wrote
  const from = (allowed: WorkflowState[], to: WorkflowState): Outcome =>
    allowed.includes(state) ? to : 'invalid_state'
  switch (action) {
    case 'submit':
      return authorOfIt || staff
        ? from(['draft', 'changes_requested', 'approved'], 'submitted')
        : 'forbidden'
    case 'withdraw':
      return authorOfIt || staff ? from(['submitted'], 'draft') : 'forbidden'
    case 'start_review': {
      const canClaim =
        has('reviewer') && !persona.wrote && (persona.assigned || !persona.otherAssigned)
      return staff || canClaim ? from(['submitted'], 'under_review') : 'forbidden'
    }
    case 'request_changes':
      return staff || assignedReviewer ? from(['under_review'], 'changes_requested') : 'forbidden'
    case 'approve':
      if (persona.wrote) return 'forbidden'
      return staff || assignedReviewer ? from(['under_review'], 'approved') : 'forbidden'
    case 'unpublish':
      if (!staff) return 'forbidden'
      if (!isPublished) return 'invalid_state'
      return state === 'approved' ? 'draft' : state
    case 'comment':
      return staff || has('reviewer') || authorOfIt ? state : 'forbidden'
  }
}

describe('decide: every (state, action, roles, relation, published) combination', () => {
  const cases = WORKFLOW_ACTIONS.flatMap((action) =>
    WORKFLOW_STATES.flatMap((state) =>
      [true, false].flatMap((isPublished) =>
        ALL_PERSONAS.map((persona) => ({ action, state, isPublished, persona })),
      ),
    ),
  )

  it('covers 7 actions x 5 states x 2 publication states x 128 personas', () => {
    expect(cases).toHaveLength(7 * 5 * 2 * 128)
    expect(new Set(ALL_PERSONAS.map(describePersona)).size).toBe(128)
  })

  describe.each(WORKFLOW_ACTIONS)('%s', (action) => {
    it.each(
      cases
        .filter((c) => c.action === action)
        .map((c) => ({
          ...c,
          name: `${c.state}${c.isPublished ? ', published' : ''}: ${describePersona(c.persona)}`,
          expected: expectedOutcome(c.persona, c.state, c.action, c.isPublished),
        })),
    )('$name -> $expected', ({ persona, state, isPublished, expected }) => {
      const decision = run(persona, state, action, isPublished)
      expect(outcomeOf(decision)).toBe(expected)
      if (decision.ok) {
        expect(decision.from).toBe(state)
        expect(decision.event).toMatchObject({
          type: action,
          actorId: ACTOR_ID,
          at: NOW,
          from: state,
          to: decision.to,
          contentHash: HASH,
        })
        expect(decision.event.at).not.toBe(NOW)
        expect('publish' in decision).toBe(action === 'approve')
        expect('unpublish' in decision).toBe(action === 'unpublish')
        expect('reviewerIds' in decision).toBe(action === 'start_review')
      } else {
        expect(decision.reason.length).toBeGreaterThan(20)
        expect(decision.problems).toBeUndefined()
        if (decision.code === 'invalid_state' && action !== 'unpublish') {
          expect(decision.reason).toContain(`that is ${STATE_LABELS[state]}`)
        }
      }
    })
  })
})

type P = 'F' | 'S' | WorkflowState
const D: P = 'draft'
const SU: P = 'submitted'
const UR: P = 'under_review'
const CR: P = 'changes_requested'
const AP: P = 'approved'
const F5: P[] = ['F', 'F', 'F', 'F', 'F']

/**
 * Named people, checked against a table written out by hand (columns: draft, submitted,
 * under_review, changes_requested, approved; F = forbidden, S = invalid_state, else the new
 * state). The article is published, so unpublish is possible.
 */
const NAMED: Record<string, Persona> = {
  'no roles': { roles: [], wrote: false, assigned: false, otherAssigned: false },
  'author of another article': {
    roles: ['author'],
    wrote: false,
    assigned: false,
    otherAssigned: false,
  },
  'author of this article': {
    roles: ['author'],
    wrote: true,
    assigned: false,
    otherAssigned: false,
  },
  'listed author without the author role': {
    roles: [],
    wrote: true,
    assigned: false,
    otherAssigned: false,
  },
  'reviewer, nobody assigned': {
    roles: ['reviewer'],
    wrote: false,
    assigned: false,
    otherAssigned: false,
  },
  'reviewer, another assigned': {
    roles: ['reviewer'],
    wrote: false,
    assigned: false,
    otherAssigned: true,
  },
  'assigned reviewer': { roles: ['reviewer'], wrote: false, assigned: true, otherAssigned: false },
  'assigned, reviewer role revoked': {
    roles: ['author'],
    wrote: false,
    assigned: true,
    otherAssigned: false,
  },
  'reviewer who wrote it': {
    roles: ['author', 'reviewer'],
    wrote: true,
    assigned: false,
    otherAssigned: false,
  },
  'assigned reviewer who wrote it': {
    roles: ['author', 'reviewer'],
    wrote: true,
    assigned: true,
    otherAssigned: false,
  },
  editor: { roles: ['editor'], wrote: false, assigned: false, otherAssigned: true },
  admin: { roles: ['admin'], wrote: false, assigned: false, otherAssigned: false },
  'editor who wrote it': {
    roles: ['author', 'editor'],
    wrote: true,
    assigned: false,
    otherAssigned: false,
  },
  'admin + reviewer who wrote it, assigned': {
    roles: ['author', 'reviewer', 'admin'],
    wrote: true,
    assigned: true,
    otherAssigned: false,
  },
  'editor + reviewer': {
    roles: ['editor', 'reviewer'],
    wrote: false,
    assigned: false,
    otherAssigned: true,
  },
}

const TABLE: Record<WorkflowAction, Record<keyof typeof NAMED, P[]>> = {
  submit: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': [SU, 'S', 'S', SU, SU],
    'listed author without the author role': F5,
    'reviewer, nobody assigned': F5,
    'reviewer, another assigned': F5,
    'assigned reviewer': F5,
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': [SU, 'S', 'S', SU, SU],
    'assigned reviewer who wrote it': [SU, 'S', 'S', SU, SU],
    editor: [SU, 'S', 'S', SU, SU],
    admin: [SU, 'S', 'S', SU, SU],
    'editor who wrote it': [SU, 'S', 'S', SU, SU],
    'admin + reviewer who wrote it, assigned': [SU, 'S', 'S', SU, SU],
    'editor + reviewer': [SU, 'S', 'S', SU, SU],
  },
  withdraw: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': ['S', D, 'S', 'S', 'S'],
    'listed author without the author role': F5,
    'reviewer, nobody assigned': F5,
    'reviewer, another assigned': F5,
    'assigned reviewer': F5,
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': ['S', D, 'S', 'S', 'S'],
    'assigned reviewer who wrote it': ['S', D, 'S', 'S', 'S'],
    editor: ['S', D, 'S', 'S', 'S'],
    admin: ['S', D, 'S', 'S', 'S'],
    'editor who wrote it': ['S', D, 'S', 'S', 'S'],
    'admin + reviewer who wrote it, assigned': ['S', D, 'S', 'S', 'S'],
    'editor + reviewer': ['S', D, 'S', 'S', 'S'],
  },
  start_review: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': F5,
    'listed author without the author role': F5,
    'reviewer, nobody assigned': ['S', UR, 'S', 'S', 'S'],
    'reviewer, another assigned': F5,
    'assigned reviewer': ['S', UR, 'S', 'S', 'S'],
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': F5,
    'assigned reviewer who wrote it': F5,
    editor: ['S', UR, 'S', 'S', 'S'],
    admin: ['S', UR, 'S', 'S', 'S'],
    'editor who wrote it': ['S', UR, 'S', 'S', 'S'],
    'admin + reviewer who wrote it, assigned': ['S', UR, 'S', 'S', 'S'],
    'editor + reviewer': ['S', UR, 'S', 'S', 'S'],
  },
  request_changes: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': F5,
    'listed author without the author role': F5,
    'reviewer, nobody assigned': F5,
    'reviewer, another assigned': F5,
    'assigned reviewer': ['S', 'S', CR, 'S', 'S'],
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': F5,
    'assigned reviewer who wrote it': F5,
    editor: ['S', 'S', CR, 'S', 'S'],
    admin: ['S', 'S', CR, 'S', 'S'],
    'editor who wrote it': ['S', 'S', CR, 'S', 'S'],
    'admin + reviewer who wrote it, assigned': ['S', 'S', CR, 'S', 'S'],
    'editor + reviewer': ['S', 'S', CR, 'S', 'S'],
  },
  approve: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': F5,
    'listed author without the author role': F5,
    'reviewer, nobody assigned': F5,
    'reviewer, another assigned': F5,
    'assigned reviewer': ['S', 'S', AP, 'S', 'S'],
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': F5,
    'assigned reviewer who wrote it': F5,
    editor: ['S', 'S', AP, 'S', 'S'],
    admin: ['S', 'S', AP, 'S', 'S'],
    'editor who wrote it': F5,
    'admin + reviewer who wrote it, assigned': F5,
    'editor + reviewer': ['S', 'S', AP, 'S', 'S'],
  },
  unpublish: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': F5,
    'listed author without the author role': F5,
    'reviewer, nobody assigned': F5,
    'reviewer, another assigned': F5,
    'assigned reviewer': F5,
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': F5,
    'assigned reviewer who wrote it': F5,
    editor: [D, SU, UR, CR, D],
    admin: [D, SU, UR, CR, D],
    'editor who wrote it': [D, SU, UR, CR, D],
    'admin + reviewer who wrote it, assigned': [D, SU, UR, CR, D],
    'editor + reviewer': [D, SU, UR, CR, D],
  },
  comment: {
    'no roles': F5,
    'author of another article': F5,
    'author of this article': [D, SU, UR, CR, AP],
    'listed author without the author role': F5,
    'reviewer, nobody assigned': [D, SU, UR, CR, AP],
    'reviewer, another assigned': [D, SU, UR, CR, AP],
    'assigned reviewer': [D, SU, UR, CR, AP],
    'assigned, reviewer role revoked': F5,
    'reviewer who wrote it': [D, SU, UR, CR, AP],
    'assigned reviewer who wrote it': [D, SU, UR, CR, AP],
    editor: [D, SU, UR, CR, AP],
    admin: [D, SU, UR, CR, AP],
    'editor who wrote it': [D, SU, UR, CR, AP],
    'admin + reviewer who wrote it, assigned': [D, SU, UR, CR, AP],
    'editor + reviewer': [D, SU, UR, CR, AP],
  },
}

describe('decide: the hand-written table for named people', () => {
  const rows = WORKFLOW_ACTIONS.flatMap((action) =>
    Object.entries(NAMED).map(([name, persona]) => ({ action, name, persona })),
  )
  it.each(rows)('$action by $name', ({ action, name, persona }) => {
    const actual = WORKFLOW_STATES.map((state) => {
      const outcome = outcomeOf(run(persona, state, action, true))
      return outcome === 'forbidden' ? 'F' : outcome === 'invalid_state' ? 'S' : outcome
    })
    expect(actual).toEqual(TABLE[action][name])
  })

  it('unpublish is refused as invalid_state for staff when nothing is published', () => {
    for (const name of ['editor', 'admin', 'editor who wrote it'] as const) {
      const outcomes = WORKFLOW_STATES.map((state) =>
        outcomeOf(run(NAMED[name]!, state, 'unpublish', false)),
      )
      expect(outcomes).toEqual(Array(5).fill('invalid_state'))
    }
  })
})

describe('approve: never by an author of the article', () => {
  const cases = ROLE_SUBSETS.flatMap((roles) =>
    [false, true].flatMap((assigned) =>
      [String(ACTOR_ID), ACTOR_ID].map((listedAs) => ({ roles, assigned, listedAs })),
    ),
  )

  it.each(cases)(
    'roles [$roles], assigned $assigned, listed as $listedAs: forbidden',
    ({ roles, assigned, listedAs }) => {
      const article: ArticleFacts = {
        state: 'under_review',
        authorIds: [CO_AUTHOR_ID, listedAs],
        reviewerIds: assigned ? [ACTOR_ID] : [],
        isPublished: true,
        contentHash: HASH,
      }
      const decision = decide(article, 'approve', { id: ACTOR_ID, roles }, {}, NOW)
      expect(decision).toEqual({
        ok: false,
        code: 'forbidden',
        because: 'conflict_of_interest',
        reason: 'You wrote this article, so you cannot approve it: another board member must',
      })
      expect(availableActions(article, { id: ACTOR_ID, roles })).not.toContain('approve')
    },
  )

  it('a co-author listed by string id is recognized when the actor id is a number', () => {
    const article = factsFor({ wrote: false, assigned: true, otherAssigned: false })
    const staffAuthor: Actor = { id: 42, roles: ['editor', 'reviewer'] }
    const ok = decide(
      { ...article, state: 'under_review' },
      'approve',
      staffAuthor,
      { references: VERIFIED },
      NOW,
    )
    expect(ok.ok).toBe(true)
    const refused = decide(
      { ...article, state: 'under_review', authorIds: ['42'] },
      'approve',
      staffAuthor,
      {},
      NOW,
    )
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' })
  })
})

describe('refusal reasons', () => {
  const assigned: Persona = {
    roles: ['reviewer'],
    wrote: false,
    assigned: true,
    otherAssigned: false,
  }
  const other: Persona = { roles: ['reviewer'], wrote: false, assigned: false, otherAssigned: true }

  it('says who may approve', () => {
    expect(run(other, 'under_review', 'approve', false)).toEqual({
      ok: false,
      code: 'forbidden',
      because: 'not_assigned',
      reason: 'Only the assigned reviewer or an editor can approve this article',
    })
  })

  it('says what to do first when the state is wrong', () => {
    expect(run(assigned, 'submitted', 'approve', false)).toEqual({
      ok: false,
      code: 'invalid_state',
      because: 'wrong_state',
      state: 'submitted',
      reason: 'Cannot approve an article that is Submitted: start the review first',
    })
  })

  it('explains a revoked reviewer role', () => {
    const revoked: Persona = {
      roles: ['author'],
      wrote: false,
      assigned: true,
      otherAssigned: false,
    }
    const decision = run(revoked, 'under_review', 'request_changes', false)
    expect(decision).toMatchObject({ ok: false, code: 'forbidden' })
    expect(!decision.ok && decision.reason).toMatch(/no longer hold the reviewer role/)
  })

  it('explains the conflict of interest to a reviewer who wrote the article', () => {
    const wroteIt: Persona = {
      roles: ['author', 'reviewer'],
      wrote: true,
      assigned: true,
      otherAssigned: false,
    }
    for (const action of ['start_review', 'request_changes'] as const) {
      const decision = run(
        wroteIt,
        action === 'start_review' ? 'submitted' : 'under_review',
        action,
        false,
      )
      expect(decision).toEqual({
        ok: false,
        code: 'forbidden',
        because: 'conflict_of_interest',
        reason: 'You wrote this article, so you cannot review it: another board member must',
      })
    }
  })

  it('checks who before state, state before input, input before content', () => {
    const author: Persona = {
      roles: ['author'],
      wrote: true,
      assigned: false,
      otherAssigned: false,
    }
    const article = factsFor(author, { state: 'draft' })
    // Forbidden wins over a wrong state.
    expect(decide(article, 'approve', actorOf(author), {}, NOW)).toMatchObject({
      code: 'forbidden',
    })
    // A wrong state wins over missing input.
    expect(
      decide({ ...article, state: 'submitted' }, 'submit', actorOf(author), {}, NOW),
    ).toMatchObject({ code: 'invalid_state' })
    // Bad input wins over content problems.
    const problems: ContentProblem[] = [{ ruleId: 'title', severity: 'error', message: 'No title' }]
    expect(
      decide(
        article,
        'submit',
        actorOf(author),
        { problems, comment: 5 as unknown as string },
        NOW,
      ),
    ).toMatchObject({ code: 'invalid_input' })
    expect(decide(article, 'submit', actorOf(author), { problems }, NOW)).toMatchObject({
      code: 'content_problems',
    })
  })
})

describe('start_review: claiming and assigning', () => {
  const submitted = (reviewerIds: ArticleFacts['reviewerIds'], authorIds = [CO_AUTHOR_ID]) =>
    deepFreeze<ArticleFacts>({
      state: 'submitted',
      authorIds,
      reviewerIds,
      isPublished: false,
      contentHash: HASH,
    })
  const reviewer: Actor = { id: 'rev-1', roles: ['reviewer'] }
  const editor: Actor = { id: 'ed-1', roles: ['editor'] }
  const editorReviewer: Actor = { id: 'ed-2', roles: ['editor', 'reviewer'] }

  it('a reviewer claims an unassigned article and becomes its reviewer', () => {
    const decision = decide(submitted([]), 'start_review', reviewer, {}, NOW)
    expect(decision).toMatchObject({
      ok: true,
      to: 'under_review',
      reviewerIds: ['rev-1'],
      event: { type: 'start_review', actorId: 'rev-1', assigneeId: 'rev-1' },
    })
  })

  it('the reviewer already assigned (e.g. after a resubmission) claims it again', () => {
    const decision = decide(submitted(['rev-1']), 'start_review', reviewer, {}, NOW)
    expect(decision).toMatchObject({ ok: true, reviewerIds: ['rev-1'] })
  })

  it('a reviewer cannot take an article assigned to someone else', () => {
    const decision = decide(submitted(['rev-2']), 'start_review', reviewer, {}, NOW)
    expect(decision).toEqual({
      ok: false,
      code: 'forbidden',
      because: 'assigned_to_other',
      reason: 'This article is assigned to another reviewer: ask an editor to reassign it',
    })
  })

  it('a reviewer cannot assign someone else, but may name themselves', () => {
    const other: Actor = { id: 'rev-3', roles: ['reviewer'] }
    expect(decide(submitted([]), 'start_review', reviewer, { assignee: other }, NOW)).toMatchObject(
      {
        ok: false,
        code: 'forbidden',
        because: 'staff_only',
        reason: expect.stringMatching(/Only an editor can assign/),
      },
    )
    expect(
      decide(submitted([]), 'start_review', reviewer, { assignee: { ...reviewer } }, NOW),
    ).toMatchObject({ ok: true, reviewerIds: ['rev-1'] })
  })

  it('an editor assigns a board member, replacing whoever was assigned', () => {
    const decision = decide(
      submitted(['rev-2', 'rev-4']),
      'start_review',
      editor,
      { assignee: reviewer, comment: '  Over to you.  ' },
      NOW,
    )
    expect(decision).toMatchObject({
      ok: true,
      to: 'under_review',
      reviewerIds: ['rev-1'],
      event: { actorId: 'ed-1', assigneeId: 'rev-1', comment: 'Over to you.' },
    })
  })

  it('an editor cannot assign someone outside the board', () => {
    const decision = decide(
      submitted([]),
      'start_review',
      editor,
      { assignee: { id: 'x', roles: ['author', 'editor'] } },
      NOW,
    )
    expect(decision).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(!decision.ok && decision.reason).toMatch(/not a member of the advisory board/)
  })

  it('an editor cannot assign an author of the article (ids compared as strings)', () => {
    const decision = decide(
      submitted([], [CO_AUTHOR_ID, '31']),
      'start_review',
      editor,
      { assignee: { id: 31, roles: ['reviewer', 'author'] } },
      NOW,
    )
    expect(decision).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(!decision.ok && decision.reason).toMatch(/wrote this article/)
  })

  it('an editor without the reviewer role must name an assignee', () => {
    const decision = decide(submitted([]), 'start_review', editor, {}, NOW)
    expect(decision).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(!decision.ok && decision.reason).toMatch(
      /^Choose a board member to assign: you are not on/,
    )
  })

  it('an editor who is also a reviewer takes it without an assignee, even from another reviewer', () => {
    const decision = decide(submitted(['rev-2']), 'start_review', editorReviewer, {}, NOW)
    expect(decision).toMatchObject({
      ok: true,
      reviewerIds: ['ed-2'],
      event: { actorId: 'ed-2', assigneeId: 'ed-2' },
    })
  })

  it('an editor-reviewer who wrote the article must assign someone else', () => {
    const article = submitted([], ['ed-2'])
    const alone = decide(article, 'start_review', editorReviewer, {}, NOW)
    expect(alone).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(!alone.ok && alone.reason).toMatch(/you wrote this article/)
    const self = decide(article, 'start_review', editorReviewer, { assignee: editorReviewer }, NOW)
    expect(self).toMatchObject({ ok: false, code: 'invalid_input' })
    const other = decide(article, 'start_review', editorReviewer, { assignee: reviewer }, NOW)
    expect(other).toMatchObject({ ok: true, reviewerIds: ['rev-1'] })
  })

  it('the assigned reviewer then decides; the one they replaced no longer can', () => {
    const started = decide(
      submitted(['rev-2']),
      'start_review',
      editor,
      { assignee: reviewer },
      NOW,
    )
    if (!started.ok) throw new Error(started.reason)
    const underReview: ArticleFacts = {
      ...submitted(started.reviewerIds!),
      state: started.to,
    }
    expect(decide(underReview, 'approve', reviewer, { references: VERIFIED }, NOW)).toMatchObject({
      ok: true,
    })
    expect(
      decide(underReview, 'approve', { id: 'rev-2', roles: ['reviewer'] }, {}, NOW),
    ).toMatchObject({ ok: false, code: 'forbidden' })
  })
})

describe('comments', () => {
  const assigned: Persona = {
    roles: ['reviewer'],
    wrote: false,
    assigned: true,
    otherAssigned: false,
  }
  const underReview = factsFor(assigned, { state: 'under_review' })
  const actor = actorOf(assigned)

  it.each([
    ['request_changes', undefined],
    ['request_changes', ''],
    ['request_changes', ' \n\t '],
    ['comment', undefined],
    ['comment', ''],
    ['comment', '   '],
  ] as const)('%s with comment %j is refused as invalid_input', (action, comment) => {
    const decision = decide(underReview, action, actor, { comment }, NOW)
    expect(decision).toMatchObject({ ok: false, code: 'invalid_input' })
  })

  it('records the comment trimmed', () => {
    const decision = decide(
      underReview,
      'request_changes',
      actor,
      { comment: `\n ${REQUEST}  \n` },
      NOW,
    )
    expect(decision).toMatchObject({ ok: true, event: { comment: REQUEST } })
  })

  it('accepts a comment of the maximum length and refuses a longer one', () => {
    const longest = 'x'.repeat(MAX_COMMENT_LENGTH)
    expect(decide(underReview, 'comment', actor, { comment: longest }, NOW).ok).toBe(true)
    expect(decide(underReview, 'comment', actor, { comment: `${longest}y` }, NOW)).toMatchObject({
      ok: false,
      code: 'invalid_input',
    })
  })

  it('refuses a comment that is not text', () => {
    const decision = decide(
      underReview,
      'comment',
      actor,
      { comment: 42 as unknown as string },
      NOW,
    )
    expect(decision).toEqual({
      ok: false,
      code: 'invalid_input',
      because: 'comment_not_text',
      reason: 'A comment must be text',
    })
  })

  it('is optional on other actions, recorded when given, omitted when blank', () => {
    const withComment = decide(
      underReview,
      'approve',
      actor,
      { comment: 'Well sourced.', references: VERIFIED },
      NOW,
    )
    expect(withComment).toMatchObject({ ok: true, event: { comment: 'Well sourced.' } })
    const blank = decide(
      underReview,
      'approve',
      actor,
      { comment: '  ', references: VERIFIED },
      NOW,
    )
    expect(blank.ok && 'comment' in blank.event).toBe(false)
  })

  it('a comment leaves the state as it is, in every state', () => {
    for (const state of WORKFLOW_STATES) {
      const decision = decide({ ...underReview, state }, 'comment', actor, { comment: REMARK }, NOW)
      expect(decision).toMatchObject({
        ok: true,
        from: state,
        to: state,
        event: { comment: REMARK },
      })
    }
  })
})

describe('submit: content problems', () => {
  const author: Persona = { roles: ['author'], wrote: true, assigned: false, otherAssigned: false }
  const draft = factsFor(author, { state: 'draft' })
  const actor = actorOf(author)
  const unknownKey: ContentProblem = {
    ruleId: 'citation-key',
    severity: 'error',
    message: 'Unknown citation key `smith2020`',
    line: 12,
    column: 5,
  }
  const noTitle: ContentProblem = {
    ruleId: 'title',
    severity: 'error',
    message: 'The title is missing',
    field: 'title',
  }
  const longLine: ContentProblem = {
    ruleId: 'line-length',
    severity: 'warning',
    message: 'Line is long',
    line: 3,
  }

  it('refuses without the checks having been run', () => {
    expect(decide(draft, 'submit', actor, {}, NOW)).toMatchObject({
      ok: false,
      code: 'invalid_input',
    })
  })

  it('refuses with every error, positioned, and not the warnings', () => {
    const decision = decide(
      draft,
      'submit',
      actor,
      { problems: [unknownKey, longLine, noTitle] },
      NOW,
    )
    expect(decision).toEqual({
      ok: false,
      code: 'content_problems',
      because: 'content_problems',
      reason:
        'Cannot submit this article: fix 2 problems first: line 12:5: Unknown citation key `smith2020`; title: The title is missing',
      problems: [unknownKey, noTitle],
    })
  })

  it('says "1 problem" for one', () => {
    const decision = decide(draft, 'submit', actor, { problems: [noTitle] }, NOW)
    expect(!decision.ok && decision.reason).toMatch(/fix 1 problem first/)
  })

  it('submits with warnings only, and passes them on', () => {
    const decision = decide(
      { ...draft, state: 'changes_requested' },
      'submit',
      actor,
      { problems: [longLine] },
      NOW,
    )
    expect(decision).toMatchObject({
      ok: true,
      from: 'changes_requested',
      to: 'submitted',
      warnings: [longLine],
    })
  })

  it('submits a clean revision without a warnings field', () => {
    const decision = decide(draft, 'submit', actor, { problems: [] }, NOW)
    expect(decision.ok && 'warnings' in decision).toBe(false)
  })
})

describe('approve: the publish record', () => {
  const assigned: Persona = {
    roles: ['reviewer'],
    wrote: false,
    assigned: true,
    otherAssigned: false,
  }
  const article = factsFor(assigned, { state: 'under_review', contentHash: 'b'.repeat(64) })
  const actor = actorOf(assigned)

  it('binds the approval to the current content hash, approver and time; due in 12 months', () => {
    const decision = decide(article, 'approve', actor, { references: VERIFIED }, NOW)
    expect(decision).toEqual({
      ok: true,
      from: 'under_review',
      to: 'approved',
      event: {
        type: 'approve',
        actorId: ACTOR_ID,
        at: NOW,
        from: 'under_review',
        to: 'approved',
        contentHash: 'b'.repeat(64),
      },
      publish: {
        approvedHash: 'b'.repeat(64),
        approverId: ACTOR_ID,
        approvedAt: NOW,
        reviewDue: new Date('2026-03-15T10:30:00.000Z'),
      },
    })
  })

  it('uses the given interval, with calendar-month clamping', () => {
    const endOfAugust = new Date('2025-08-31T09:00:00.000Z')
    const decision = decide(
      article,
      'approve',
      actor,
      { reviewIntervalMonths: 6, references: VERIFIED },
      endOfAugust,
    )
    expect(decision.ok && decision.publish?.reviewDue).toEqual(new Date('2026-02-28T09:00:00.000Z'))
  })

  it("does not share the caller's Date", () => {
    const now = new Date(NOW)
    const decision = decide(article, 'approve', actor, { references: VERIFIED }, now)
    now.setUTCFullYear(2000)
    expect(decision.ok && decision.publish?.approvedAt).toEqual(NOW)
    expect(decision.ok && decision.event.at).toEqual(NOW)
  })

  it.each([0, -1, 1.5, REVIEW_INTERVAL_MONTHS.max + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a re-review interval of %s months',
    (months) => {
      const decision = decide(
        article,
        'approve',
        actor,
        { reviewIntervalMonths: months, references: VERIFIED },
        NOW,
      )
      expect(decision).toMatchObject({
        ok: false,
        code: 'invalid_input',
        because: 'interval_invalid',
      })
    },
  )

  it.each([REVIEW_INTERVAL_MONTHS.min, REVIEW_INTERVAL_MONTHS.max])(
    'accepts a re-review interval of %s months',
    (months) => {
      expect(
        decide(
          article,
          'approve',
          actor,
          { reviewIntervalMonths: months, references: VERIFIED },
          NOW,
        ).ok,
      ).toBe(true)
    },
  )
})

describe('unpublish', () => {
  const editor: Actor = { id: 'ed-1', roles: ['editor'] }

  it('takes an approved article off the site and back to draft', () => {
    const article = factsFor(
      { wrote: false, assigned: false, otherAssigned: false },
      {
        state: 'approved',
        isPublished: true,
      },
    )
    expect(decide(article, 'unpublish', editor, { comment: 'Guideline withdrawn' }, NOW)).toEqual({
      ok: true,
      from: 'approved',
      to: 'draft',
      unpublish: true,
      event: {
        type: 'unpublish',
        actorId: 'ed-1',
        at: NOW,
        from: 'approved',
        to: 'draft',
        contentHash: HASH,
        comment: 'Guideline withdrawn',
      },
    })
  })

  it('leaves a newer revision in review where it is', () => {
    const article = factsFor(
      { wrote: false, assigned: false, otherAssigned: false },
      {
        state: 'under_review',
        isPublished: true,
      },
    )
    expect(decide(article, 'unpublish', editor, {}, NOW)).toMatchObject({
      ok: true,
      to: 'under_review',
      unpublish: true,
    })
  })
})

describe('availableActions agrees with decide', () => {
  const cases = WORKFLOW_STATES.flatMap((state) =>
    [true, false].flatMap((isPublished) =>
      ALL_PERSONAS.map((persona) => ({
        state,
        isPublished,
        persona,
        name: describePersona(persona),
      })),
    ),
  )

  it.each(cases)('$state, published $isPublished: $name', ({ state, isPublished, persona }) => {
    const article = factsFor(persona, { state, isPublished })
    const actor = actorOf(persona)
    const available = availableActions(article, actor)
    const succeeding = WORKFLOW_ACTIONS.filter(
      (action) => decide(article, action, actor, validInput(action, actor), NOW).ok,
    )
    expect(available).toEqual(succeeding)
    for (const action of WORKFLOW_ACTIONS) {
      const refusal = actionRefusal(article, action, actor)
      expect(refusal === null).toBe(available.includes(action))
      if (refusal !== null) {
        // Withholding an action is never about input, and says the same as decide would.
        expect(['forbidden', 'invalid_state']).toContain(refusal.code)
        expect(decide(article, action, actor, validInput(action, actor), NOW)).toEqual(refusal)
      }
    }
  })

  it('offers an author of a draft: submit and comment', () => {
    const author: Persona = {
      roles: ['author'],
      wrote: true,
      assigned: false,
      otherAssigned: false,
    }
    expect(availableActions(factsFor(author), actorOf(author))).toEqual(['submit', 'comment'])
  })

  it('offers an editor of a published approved article: re-review, unpublish and comment', () => {
    const article = factsFor(
      { wrote: false, assigned: false, otherAssigned: false },
      { state: 'approved', isPublished: true },
    )
    expect(availableActions(article, { id: 1, roles: ['editor'] })).toEqual([
      'submit',
      'unpublish',
      'comment',
    ])
  })

  it('offers the assigned reviewer under review: request changes, approve, comment', () => {
    const assigned: Persona = {
      roles: ['reviewer'],
      wrote: false,
      assigned: true,
      otherAssigned: false,
    }
    expect(
      availableActions(factsFor(assigned, { state: 'under_review' }), actorOf(assigned)),
    ).toEqual(['request_changes', 'approve', 'comment'])
  })
})

describe('canEditContent and decideEdit', () => {
  const expectedEdit = (persona: Persona, state: WorkflowState): 'F' | 'S' | WorkflowState => {
    const staff = persona.roles.includes('editor') || persona.roles.includes('admin')
    if (!staff && !(persona.roles.includes('author') && persona.wrote)) return 'F'
    if (state === 'submitted' || state === 'under_review') return 'S'
    return state === 'approved' ? 'draft' : state
  }

  const cases = WORKFLOW_STATES.flatMap((state) =>
    ALL_PERSONAS.map((persona) => ({ state, persona, name: describePersona(persona) })),
  )

  it.each(cases)('$state: $name', ({ state, persona }) => {
    const check = canEditContent(deepFreeze(factsFor(persona, { state })), actorOf(persona))
    const outcome = check.ok ? check.resultingState : check.code === 'forbidden' ? 'F' : 'S'
    expect(outcome).toBe(expectedEdit(persona, state))
  })

  it('tells a reviewer to comment rather than edit', () => {
    const check = canEditContent(factsFor({ wrote: false, assigned: true, otherAssigned: false }), {
      id: ACTOR_ID,
      roles: ['reviewer'],
    })
    expect(check).toMatchObject({
      ok: false,
      code: 'forbidden',
      because: 'reviewers_do_not_edit',
      reason: expect.stringMatching(/^Reviewers do not edit/),
    })
  })

  it('tells an author of a submitted article to withdraw it, and of one under review to wait', () => {
    const author: Persona = {
      roles: ['author'],
      wrote: true,
      assigned: false,
      otherAssigned: false,
    }
    const submitted = canEditContent(factsFor(author, { state: 'submitted' }), actorOf(author))
    expect(!submitted.ok && submitted.reason).toMatch(/withdraw it to edit/)
    const reviewing = canEditContent(factsFor(author, { state: 'under_review' }), actorOf(author))
    expect(!reviewing.ok && reviewing.reason).toMatch(/wait for the reviewer/)
  })

  const author: Persona = { roles: ['author'], wrote: true, assigned: false, otherAssigned: false }
  const NEW_HASH = 'c'.repeat(64)

  it('an edit of an approved article starts a draft and records it', () => {
    const article = factsFor(author, { state: 'approved', isPublished: true })
    expect(decideEdit(article, actorOf(author), NEW_HASH, NOW)).toEqual({
      ok: true,
      resultingState: 'draft',
      event: {
        type: 'edit_after_approval',
        actorId: ACTOR_ID,
        at: NOW,
        from: 'approved',
        to: 'draft',
        contentHash: NEW_HASH,
      },
    })
  })

  it('a save that does not change the content changes nothing, even when locked or approved', () => {
    for (const state of WORKFLOW_STATES) {
      const article = factsFor(author, { state })
      expect(decideEdit(article, actorOf(author), HASH, NOW)).toEqual({
        ok: true,
        resultingState: state,
      })
    }
  })

  it('a draft edit records no event; a locked edit is refused', () => {
    expect(decideEdit(factsFor(author), actorOf(author), NEW_HASH, NOW)).toEqual({
      ok: true,
      resultingState: 'draft',
    })
    expect(
      decideEdit(factsFor(author, { state: 'under_review' }), actorOf(author), NEW_HASH, NOW),
    ).toMatchObject({ ok: false, code: 'invalid_state' })
  })

  it('someone who may not edit is refused even when the content is unchanged', () => {
    const reviewer: Persona = {
      roles: ['reviewer'],
      wrote: false,
      assigned: true,
      otherAssigned: false,
    }
    expect(decideEdit(factsFor(reviewer), actorOf(reviewer), HASH, NOW)).toMatchObject({
      ok: false,
      code: 'forbidden',
    })
  })

  it('throws on a missing new hash', () => {
    expect(() => decideEdit(factsFor(author), actorOf(author), '', NOW)).toThrow(TypeError)
  })
})

describe('programmer errors', () => {
  const editor: Actor = { id: 1, roles: ['editor'] }
  const good = factsFor({ wrote: false, assigned: false, otherAssigned: false })

  it('refuses an unknown action from a request body', () => {
    const decision = decide(good, 'publish' as WorkflowAction, editor, {}, NOW)
    expect(decision).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(!decision.ok && decision.reason).toContain('submit, withdraw, start_review')
  })

  it.each([
    ['an unknown state', { state: 'published' as WorkflowState }],
    ['missing author ids', { authorIds: undefined as unknown as string[] }],
    ['a non-boolean isPublished', { isPublished: 'yes' as unknown as boolean }],
    ['an empty content hash', { contentHash: '' }],
  ])('throws on %s', (_, override) => {
    expect(() =>
      decide({ ...good, ...override }, 'comment', editor, { comment: 'x' }, NOW),
    ).toThrow(TypeError)
    expect(() => assertArticleFacts({ ...good, ...override })).toThrow(TypeError)
  })

  it('throws on an invalid now', () => {
    expect(() => decide(good, 'comment', editor, { comment: 'x' }, new Date('nope'))).toThrow(
      TypeError,
    )
  })

  it('never mutates its arguments (they are frozen) and is deterministic', () => {
    const article = deepFreeze(
      factsFor({ wrote: false, assigned: true, otherAssigned: true }, { state: 'under_review' }),
    )
    const actor = deepFreeze<Actor>({ id: ACTOR_ID, roles: ['reviewer'] })
    const input = deepFreeze<ActionInput>({ comment: 'ok', references: VERIFIED })
    const first = decide(article, 'approve', actor, input, NOW)
    expect(decide(article, 'approve', actor, input, NOW)).toEqual(first)
    expect(first.ok).toBe(true)
  })

  it('uses every role in the exhaustive sweep', () => {
    expect(new Set(ROLE_SUBSETS.flat())).toEqual(new Set(ROLES))
    expect(ALL_PERSONAS.filter((p) => p.roles.length === 0)).toHaveLength(8)
    expect(OTHER_REVIEWER_ID).not.toBe(String(ACTOR_ID))
  })
})

describe('approve and the references', () => {
  const assigned: Persona = {
    roles: ['reviewer'],
    wrote: false,
    assigned: true,
    otherAssigned: false,
  }
  const article = factsFor(assigned, { state: 'under_review' })
  const REVIEWER = actorOf(assigned)
  const check = (policy: ReferenceCheck['policy'], unverified: string[]): ReferenceCheck => ({
    policy,
    keys: ['smith2020', 'jones2021', 'lee2022'],
    unverified,
  })

  it('refuses while a reference is unverified when the site requires them verified, naming it', () => {
    const decision = decide(
      article,
      'approve',
      REVIEWER,
      { references: check('require-verified', ['jones2021']) },
      NOW,
    )
    expect(decision).toMatchObject({ ok: false, because: 'references_unverified' })
    expect(!decision.ok && decision.reason).toContain('1 of 3 is not verified ([@jones2021])')
  })

  it('approves once every reference is verified', () => {
    const decision = decide(
      article,
      'approve',
      REVIEWER,
      { references: check('require-verified', []) },
      NOW,
    )
    expect(decision.ok && decision.warnings).toBeUndefined()
  })

  it('approves with a warning per unverified reference when the site only warns', () => {
    const decision = decide(
      article,
      'approve',
      REVIEWER,
      { references: check('warn', ['smith2020', 'lee2022']) },
      NOW,
    )
    expect(decision.ok && decision.warnings?.map((w) => w.message)).toEqual([
      expect.stringContaining('[@smith2020] is not verified'),
      expect.stringContaining('[@lee2022] is not verified'),
    ])
  })

  it('refuses when the caller did not check the references (a server bug, never an approval)', () => {
    expect(decide(article, 'approve', REVIEWER, {}, NOW)).toMatchObject({
      ok: false,
      because: 'checks_missing',
    })
  })
})
