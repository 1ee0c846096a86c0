import { describe, expect, it } from 'vitest';
import { childNamed, childrenNamed, readXmlTree } from '../../src/ingest/read-xml-tree.js';

describe('readXmlTree', () => {
  it('reads elements, attributes and entity-decoded text', () => {
    const root = readXmlTree(
      '<eSummaryResult><DocSum><Id>123</Id><Item Name="Title" Type="String">A &amp; B &lt;trial&gt;</Item></DocSum></eSummaryResult>',
    );
    const doc = childNamed(childNamed(root, 'eSummaryResult'), 'DocSum');
    expect(childNamed(doc, 'Id')?.text).toBe('123');
    expect(childrenNamed(doc, 'Item')[0]).toMatchObject({ attributes: { Name: 'Title' }, text: 'A & B <trial>' });
  });

  it('refuses malformed and absurdly deep documents', () => {
    expect(() => readXmlTree('<a><b></a>')).toThrow();
    expect(() => readXmlTree(`${'<i>'.repeat(500)}${'</i>'.repeat(500)}`)).toThrow(/nested more than 100/);
  });
});
