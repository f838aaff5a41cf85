import type { Segment } from '~/modules/search/document'

/** Text with its matched words in <mark>, which screen readers may announce and everyone sees. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  )
}
