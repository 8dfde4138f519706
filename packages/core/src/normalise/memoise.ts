/**
 * Remembers a pure function of one string. Screening calls such functions with the same few values over and over
 * (job titles, employer names, dates, language headers); the cache is bounded, and simply emptied when full, so a
 * long batch never grows memory. Only for functions whose result is plain readonly data.
 */
export function memoise<Result>(compute: (text: string) => Result, limit = 5_000): (text: string) => Result {
  const results = new Map<string, Result>()
  return (text) => {
    let result = results.get(text)
    if (result === undefined && !results.has(text)) {
      result = compute(text)
      if (results.size >= limit) results.clear()
      results.set(text, result)
    }
    return result as Result
  }
}
