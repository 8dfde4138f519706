import { emailTypes, phoneTypes, type EmailType, type PhoneType } from '../record/application-record.js'

/** A vendor's email label (`personal`, `Work`, `other `) in the record's vocabulary; anything else is `other`. */
export function emailTypeOf(label: string | undefined): EmailType | undefined {
  if (label === undefined) return undefined
  const key = label.trim().toLowerCase()
  return emailTypes.find((type) => type === key) ?? 'other'
}

/** A vendor's phone label (`mobile`, `Home`, `skype`) in the record's vocabulary; anything else is `other`. */
export function phoneTypeOf(label: string | undefined): PhoneType | undefined {
  if (label === undefined) return undefined
  const key = label.trim().toLowerCase()
  if (key === 'cell' || key === 'cellphone') return 'mobile'
  return phoneTypes.find((type) => type === key) ?? 'other'
}
