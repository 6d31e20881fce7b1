'use client'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'

import { StatePill } from './StatePill'

/** The list view's State column: the review state as a labelled pill. */
export function StateCell({ cellData }: DefaultCellComponentProps<SelectFieldClient>) {
  return <StatePill state={typeof cellData === 'string' ? cellData : undefined} />
}
