import Markdown, { type Components } from 'react-markdown';

// Links leave the app in a new tab without handing it this page (window.opener) or the address it came from.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

/**
 * Markdown as people type it in descriptions, comments and agreement terms, rendered safely: raw HTML is dropped (no
 * rehype-raw) and react-markdown's URL filter empties `javascript:` and other unsafe links. Loaded on
 * demand (see markdown.tsx): the parser is not needed to show a board or a list.
 */
export default function MarkdownText({ text }: { text: string }) {
  return (
    <Markdown skipHtml components={components}>
      {text}
    </Markdown>
  );
}
