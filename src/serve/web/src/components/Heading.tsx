import type { HTMLAttributes, Ref } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4;

type HeadingProps = HTMLAttributes<HTMLHeadingElement> & {
  level: HeadingLevel;
  ref?: Ref<HTMLHeadingElement> | undefined;
  'data-testid'?: string;
};

/** A heading whose level depends on where the article is shown (page or thread item). */
export function Heading({ level, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag {...rest}>{children}</Tag>;
}
