import { createElement, Fragment, useMemo, type ReactNode } from 'react';

import { parseMarkdown, type Block, type Inline } from './parse-markdown';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'break':
        return <br key={index} />;
      case 'strong':
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInline(node.children)}</em>;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, index: number, headingOffset: number): ReactNode {
  switch (block.type) {
    case 'heading':
      return createElement(`h${Math.min(6, block.level + headingOffset)}`, { key: index }, renderInline(block.children));
    case 'paragraph':
      return <p key={index}>{renderInline(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? (
        <ol key={index} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      );
    }
  }
}

type MarkdownProps = {
  source: string;
  /**
   * How many levels headings move down, so an answer's `#` fits under the page's own headings
   * (2: `#` becomes an h3).
   */
  headingOffset?: number;
};

/** Markdown as React elements: the text is never interpreted as HTML. */
export function Markdown({ source, headingOffset = 2 }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <>{blocks.map((block, index) => renderBlock(block, index, headingOffset))}</>;
}
