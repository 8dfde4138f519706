/** Readers from an input's bytes to application rows: the CLI hands them files, the server uploads. */
export { readRows, type ReadRowsOptions } from './read-rows.js'
export { toInputRow, type InputRow } from './input-row.js'
export {
  inputFormats,
  formatFromExtension,
  sniffFormat,
  type FileFormat,
  type InputFormat,
} from './detect-input-format.js'
