import { type APIRequestContext, expect, type Page } from '@playwright/test'

import { DEMO_ACCOUNTS } from '../src/content/seed'
import type { Role } from '../src/workflow'

export const account = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!

/** Signs in to the admin as the demo account for `role`, through the login form. */
export async function signIn(page: Page, role: Role): Promise<void> {
  const { email, password } = account(role)
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/** A REST client signed in as the demo account for `role`. */
export async function api(request: APIRequestContext, role: Role) {
  const { email, password } = account(role)
  const login = await request.post('/api/users/login', { data: { email, password } })
  expect(login.ok(), await login.text()).toBe(true)
  const { token } = await login.json()
  const headers = { Authorization: `JWT ${token}` }
  return {
    get: (path: string) => request.get(`/api${path}`, { headers }),
    post: (path: string, data: unknown) => request.post(`/api${path}`, { headers, data }),
    patch: (path: string, data: unknown) => request.patch(`/api${path}`, { headers, data }),
  }
}

export const SEED_SLUG = 'low-alp-multiple-myeloma-lytic-lesions'
export const SEED_TITLE =
  'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?'
