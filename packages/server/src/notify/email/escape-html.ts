const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made inert in HTML, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped text whose line breaks stay line breaks: paragraphs on blank lines, `<br>` inside one. */
export function htmlParagraphs(text: string, style = ''): string {
  const attribute = style === '' ? '' : ` style="${style}"`;
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p${attribute}>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
