/**
 * The readers an article speaks to. The main body is written for healthcare professionals;
 * audience versions retell it for the others.
 */
export const AUDIENCES = [
  { value: 'clinician', label: 'Healthcare professional' },
  { value: 'patient', label: 'Patient or caregiver' },
  { value: 'student', label: 'Student' },
] as const

export type Audience = (typeof AUDIENCES)[number]['value']

/** The audiences an article can have a version for besides its main (clinician) body. */
export const VARIANT_AUDIENCES = ['patient', 'student'] as const satisfies readonly Audience[]
export type VariantAudience = (typeof VARIANT_AUDIENCES)[number]

/** The label readers see for an audience. */
export const audienceLabel = (value: Audience): string =>
  AUDIENCES.find((a) => a.value === value)!.label

/** The disclaimer heading for an audience: the professional one, or a plain one for the others. */
export const disclaimerHeading = (audience: string): string =>
  audience === 'clinician' ? 'Professional Medical Disclaimer' : 'Medical disclaimer'

/**
 * The disclaimer text an audience's version shows: its own from the site settings, or the
 * professional one when the settings give it none.
 */
export function disclaimerText(
  settings: {
    disclaimer?: string | null
    audienceDisclaimers?: Partial<Record<VariantAudience, string | null>> | null
  },
  audience: Audience,
): string {
  const own = audience === 'clinician' ? undefined : settings.audienceDisclaimers?.[audience]
  return own?.trim() ? own : (settings.disclaimer ?? '')
}
