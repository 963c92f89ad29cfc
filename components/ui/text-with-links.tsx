/**
 * Text that cites pages by URL (a rule's source, say), with each URL a link that may break anywhere: a 120-character
 * registry URL printed as text made the plan 626 px wide on a 390 px phone.
 */
const URL_PATTERN = /(https:\/\/[^\s)]+)/u;

export function TextWithLinks({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="underline underline-offset-2 break-all" rel="noreferrer" target="_blank">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
