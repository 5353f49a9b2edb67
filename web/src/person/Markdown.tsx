// Notes are Markdown written by the user, or imported from elsewhere. react-markdown builds
// React elements from the Markdown tree and never turns raw HTML into elements (there is no
// rehype-raw here); links keep only safe schemes and images are not fetched, so a note can
// neither run a script nor call out to another server.
import { Anchor } from '@mantine/core';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/)/i;

export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return SAFE_LINK.test(cleaned) ? cleaned : '';
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="kith-markdown">
      <ReactMarkdown
        urlTransform={safeUrl}
        components={{
          a: ({ href, children }) =>
            href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </Anchor>
            ) : (
              <span>{children}</span>
            ),
          // Images would fetch from anywhere; a note shows their address instead.
          img: ({ src, alt }) => (
            <span>
              [image{alt ? `: ${alt}` : ''}
              {typeof src === 'string' && src ? ` — ${src}` : ''}]
            </span>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
