import { SaxesParser } from 'saxes';

/** One element of a small XML document: its name, attributes, child elements and own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's text, its children's text excluded, trimmed. */
  text: string;
}

/** Real E-utilities responses nest a handful of elements; far deeper is hostile or broken. */
const MAX_DEPTH = 100;

/**
 * Reads a small XML document (an E-utilities response) into a tree with the same parser
 * the PubMed reader streams records with (saxes): one XML parser in the codebase. Throws
 * on malformed XML or nesting deeper than 100 elements.
 */
export function readXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) throw new Error(`XML nested more than ${MAX_DEPTH} elements deep`);
    const attributes: Record<string, string> = { ...tag.attributes };
    const element: XmlElement = { name: tag.name, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.text = element.text.trim();
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root;
}

/** The child elements called `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

/** The first child element called `name`. */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}
