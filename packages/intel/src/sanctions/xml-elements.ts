/** One element of an XML document: its name, attributes, child elements and its own text (entities decoded). */
export type XmlElement = {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlElement[]
  readonly text: string
}

export type XmlReadResult =
  | { readonly status: 'ok'; readonly root: XmlElement }
  | { readonly status: 'invalid'; readonly line: number; readonly message: string }

type OpenElement = {
  readonly name: string
  readonly attributes: Record<string, string>
  readonly children: XmlElement[]
  text: string
  readonly start: number
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const entity = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi
const attribute = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const nonBlank = /\S/
const untidy = /[\t\n\r]| {2}/

/**
 * Reads an XML document into a tree of elements, checking that it is well-formed where a list file goes wrong: tags
 * that do not match, elements never closed (a download cut short), text outside the root. Skips the declaration,
 * processing instructions, comments and the doctype; keeps CDATA as text; decodes the predefined and numeric
 * entities. No namespaces, no DTD entities. Written for the UN list because fast-xml-parser took ten times longer on
 * it, and the lists are read at every start. Errors give the 1-based line.
 */
export function readXmlElements(text: string): XmlReadResult {
  const stack: OpenElement[] = []
  let root: XmlElement | undefined
  let position = 0
  const invalid = (at: number, message: string): XmlReadResult => ({
    status: 'invalid',
    line: lineAt(text, at),
    message,
  })
  while (position < text.length) {
    const open = text.indexOf('<', position)
    const end = open === -1 ? text.length : open
    if (end > position) {
      const top = stack.at(-1)
      const segment = text.slice(position, end)
      // Indentation between child elements is not text worth keeping.
      if (top && (top.text !== '' || nonBlank.test(segment))) top.text += decode(segment)
      else if (!top && nonBlank.test(segment)) return invalid(position, 'text outside the root element')
    }
    if (open === -1) break
    if (text.startsWith('<?', open) || text.startsWith('<!--', open)) {
      const terminator = text.startsWith('<?', open) ? '?>' : '-->'
      const close = text.indexOf(terminator, open)
      if (close === -1) return invalid(open, `"${terminator}" is missing: the file looks cut short`)
      position = close + terminator.length
    } else if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open)
      const top = stack.at(-1)
      if (close === -1 || !top) return invalid(open, 'a CDATA section outside an element or never closed')
      top.text += text.slice(open + 9, close)
      position = close + 3
    } else if (text.startsWith('<!', open)) {
      // A doctype, perhaps with an internal subset in brackets.
      const bracket = text.indexOf('[', open)
      const tagEnd = text.indexOf('>', open)
      const close = bracket !== -1 && bracket < tagEnd ? text.indexOf(']>', bracket) + 1 : tagEnd
      if (close <= 0) return invalid(open, 'a declaration that is never closed')
      position = close + 1
    } else if (text.charCodeAt(open + 1) === 0x2f) {
      const close = text.indexOf('>', open)
      const name = text.slice(open + 2, close === -1 ? text.length : close).trim()
      const element = stack.pop()
      if (close === -1) return invalid(open, `the closing tag </${name}> is cut short`)
      if (!element) return invalid(open, `the closing tag </${name}> closes nothing`)
      if (element.name !== name) {
        return invalid(open, `</${name}> closes <${element.name}> of line ${lineAt(text, element.start)}`)
      }
      const done: XmlElement = {
        name: element.name,
        attributes: element.attributes,
        children: element.children,
        text: element.text,
      }
      const parent = stack.at(-1)
      if (parent) parent.children.push(done)
      else root = done
      position = close + 1
    } else {
      const close = tagEnd(text, open)
      if (close === -1) return invalid(open, 'a tag is never closed: the file looks cut short')
      const isEmpty = text.charCodeAt(close - 1) === 0x2f
      const contentEnd = isEmpty ? close - 1 : close
      const nameEnd = endOfName(text, open + 1, contentEnd)
      if (nameEnd === open + 1) return invalid(open, 'a tag without a name')
      if (root) return invalid(open, 'a second root element')
      const name = text.slice(open + 1, nameEnd)
      const attributes: Record<string, string> = {}
      if (nameEnd < contentEnd) {
        for (const match of text.slice(nameEnd, contentEnd).matchAll(attribute)) {
          attributes[match[1] ?? ''] = decode(match[2] ?? match[3] ?? '')
        }
      }
      const element: OpenElement = { name, attributes, children: [], text: '', start: open }
      if (isEmpty) {
        const parent = stack.at(-1)
        const done: XmlElement = { name, attributes, children: [], text: '' }
        if (parent) parent.children.push(done)
        else root = done
      } else stack.push(element)
      position = close + 1
    }
  }
  const unclosed = stack.at(-1)
  if (unclosed) {
    return invalid(unclosed.start, `<${unclosed.name}> is never closed: the file looks cut short`)
  }
  return root ? { status: 'ok', root } : invalid(0, 'no XML element')
}

// Where a tag's name ends: at white space, "/" or the end of the tag.
function endOfName(text: string, from: number, to: number): number {
  let index = from
  for (let code = text.charCodeAt(index); index < to; code = text.charCodeAt(++index)) {
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x2f) break
  }
  return index
}

// The ">" that ends a tag, skipping any inside quoted attribute values.
function tagEnd(text: string, from: number): number {
  let quote = 0
  for (let index = from + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (quote !== 0) {
      if (code === quote) quote = 0
    } else if (code === 0x22 || code === 0x27) quote = code
    else if (code === 0x3e) return index
    else if (code === 0x3c) return -1
  }
  return -1
}

function decode(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(
    entity,
    (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name) return entities[name.toLowerCase()] ?? whole
      const code = hex ? parseInt(hex, 16) : Number(decimal)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    },
  )
}

function lineAt(text: string, position: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < position; at = text.indexOf('\n', at + 1)) line++
  return line
}

/** The child elements of `element` with this name. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : []
}

/** The text of the first child element with this name, whitespace collapsed; empty when there is none. */
export function childText(element: XmlElement | undefined, name: string): string {
  const child = element?.children.find((candidate) => candidate.name === name)
  if (!child) return ''
  // Most values are one line already; collapsing only the others spares a regular expression pass on each.
  return untidy.test(child.text) ? child.text.replace(/\s+/g, ' ').trim() : child.text.trim()
}
