import { lazy, Suspense } from 'react';

const MarkdownText = lazy(() => import('./markdown-text'));

/** Text written in Markdown, rendered; until the renderer has loaded, the text as typed. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`markdown ${className ?? ''}`}>
      <Suspense fallback={<p className="pre-wrap">{text}</p>}>
        <MarkdownText text={text} />
      </Suspense>
    </div>
  );
}
