/** Only same-site paths: an open redirect would let a phishing link borrow our sign-in page. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : fallback
}
