import { describe, expect, it } from 'vitest'
import { childElements, childText, readXmlElements, type XmlElement } from './xml-elements.js'

function rootOf(text: string): XmlElement {
  const read = readXmlElements(text)
  if (read.status !== 'ok') throw new Error(read.message)
  return read.root
}

describe('readXmlElements', () => {
  it('reads elements, attributes, text and self-closing tags', () => {
    const root = rootOf(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LIST date="2026-02-27" note=\'a > b\'>\n  <A>one</A>\n  <A>two</A>\n  <B/>\n</LIST>\n',
    )
    expect(root.name).toBe('LIST')
    expect(root.attributes).toEqual({ date: '2026-02-27', note: 'a > b' })
    expect(childElements(root, 'A').map((element) => element.text)).toEqual(['one', 'two'])
    expect(childElements(root, 'B')).toEqual([{ name: 'B', attributes: {}, children: [], text: '' }])
  })

  it.each([
    ['predefined entities', '<A>Tom &amp; Jerry &lt;3 &quot;x&quot; &apos;y&apos;</A>', 'Tom & Jerry <3 "x" \'y\''],
    ['numeric entities', '<A>&#8217;&#x2019;</A>', '\u2019\u2019'],
    ['an unknown entity kept', '<A>&nbsp;</A>', '&nbsp;'],
    ['CDATA kept as is', '<A><![CDATA[a <b> & c]]></A>', 'a <b> & c'],
    ['comments skipped', '<A>x<!-- note -->y</A>', 'xy'],
    ['whitespace collapsed by childText', '<A>  two\n   lines </A>', 'two lines'],
  ])('%s', (_, xml, expected) => {
    expect(childText(rootOf(`<R>${xml}</R>`), 'A')).toBe(expected)
  })

  it('skips a doctype, internal subset included', () => {
    expect(rootOf('<!DOCTYPE R [ <!ENTITY e "x"> ]><R><A>1</A></R>').children).toHaveLength(1)
  })

  it.each([
    ['a mismatched closing tag', '<R>\n<A>\n</B>\n</R>', 3, '</B> closes <A> of line 2'],
    ['an element never closed', '<R>\n<A>text', 2, '<A> is never closed: the file looks cut short'],
    ['a tag cut short', '<R>\n<A attr="x', 2, 'a tag is never closed: the file looks cut short'],
    ['a closing tag cut short', '<R><A></A', 1, 'the closing tag </A> is cut short'],
    ['a closing tag with nothing open', '<R></R></S>', 1, 'the closing tag </S> closes nothing'],
    ['text outside the root', 'Service Unavailable', 1, 'text outside the root element'],
    ['a second root', '<R/>\n<S/>', 2, 'a second root element'],
    ['no element at all', '<?xml version="1.0"?>', 1, 'no XML element'],
    ['an unclosed comment', '<R><!-- oops', 1, '"-->" is missing: the file looks cut short'],
  ])('rejects %s, with the line', (_, xml, line, message) => {
    expect(readXmlElements(xml)).toEqual({ status: 'invalid', line, message })
  })
})
