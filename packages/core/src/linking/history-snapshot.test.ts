import { describe, expect, it } from 'vitest'
import { diffHistory, historySnapshot } from './history-snapshot.js'

const earlier = historySnapshot({
  education: [
    {
      institution: 'University of California, Davis',
      studyType: 'Bachelor',
      area: 'Computer Science',
      startDate: '2015-09',
      endDate: '2019-06',
    },
  ],
  work: [
    { name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-05' },
    { name: 'Brightline Health', position: 'Senior Software Engineer', startDate: '2022-06' },
  ],
})

describe('diffHistory', () => {
  it('finds nothing between identical histories or when one side has no section', () => {
    expect(diffHistory(earlier, earlier)).toEqual([])
    expect(diffHistory(earlier, historySnapshot({}))).toEqual([])
  })

  it.each([
    {
      name: 'a changed degree and dates at the same school',
      later: {
        education: [
          {
            institution: 'UNIVERSITY OF CALIFORNIA DAVIS',
            studyType: 'Master',
            area: 'Computer Science',
            startDate: '2016-09',
            endDate: '2019-06',
          },
        ],
      },
      expected: [
        {
          section: 'education',
          change: 'changed',
          entry: 'UNIVERSITY OF CALIFORNIA DAVIS, Master in Computer Science (2016-09 to 2019-06)',
          fields: [
            {
              field: 'institution',
              before: 'University of California, Davis',
              after: 'UNIVERSITY OF CALIFORNIA DAVIS',
            },
            { field: 'studyType', before: 'Bachelor', after: 'Master' },
            { field: 'startDate', before: '2015-09', after: '2016-09' },
          ],
        },
      ],
    },
    {
      name: 'a different school',
      later: {
        education: [
          { institution: 'Kim Chaek University of Technology', studyType: 'Bachelor', area: 'Computer Science' },
        ],
      },
      expected: [
        {
          section: 'education',
          change: 'removed',
          entry: 'University of California, Davis, Bachelor in Computer Science (2015-09 to 2019-06)',
        },
        {
          section: 'education',
          change: 'added',
          entry: 'Kim Chaek University of Technology, Bachelor in Computer Science',
        },
      ],
    },
    {
      name: 'an employer swapped and a title changed',
      later: {
        work: [
          { name: 'Acme Logistics', position: 'Staff Engineer', startDate: '2019-07', endDate: '2022-05' },
          { name: 'Globex', position: 'Senior Software Engineer', startDate: '2022-06' },
        ],
      },
      expected: [
        {
          section: 'work',
          change: 'changed',
          entry: 'Acme Logistics, Staff Engineer (2019-07 to 2022-05)',
          fields: [{ field: 'position', before: 'Software Engineer', after: 'Staff Engineer' }],
        },
        { section: 'work', change: 'removed', entry: 'Brightline Health, Senior Software Engineer (2022-06 to now)' },
        { section: 'work', change: 'added', entry: 'Globex, Senior Software Engineer (2022-06 to now)' },
      ],
    },
  ])('lists exactly $name', ({ later, expected }) => {
    expect(diffHistory(earlier, historySnapshot(later))).toEqual(expected)
  })
})
