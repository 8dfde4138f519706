/**
 * Sentence templates for CV text. Placeholders: {skill} {skill2} {skill3} (from the person's skills), {years} ("5 years"), {percent}, {number}, {team}, {product}, {domain}.
 */
export const summaryTemplates: readonly string[] = [
  '{title} with {years} of experience building reliable software with {skill} and {skill2}.',
  'Engineer with {years} of hands-on work across {skill}, {skill2} and {skill3}, most recently in {domain}.',
  'I build and operate production systems; {years} in the industry, the last few focused on {skill} and {skill2}.',
  'Pragmatic {title} who enjoys turning vague requirements into shipped features.',
  'Comfortable owning features end to end, from design documents to on-call.',
  'Known for clear written communication, careful code review and mentoring newer engineers.',
  'Looking for a remote-friendly team where I can grow as an engineer and contribute to {domain} products.',
  'Strong background in {skill} with a growing interest in {skill3} and developer tooling.',
  'Enjoy working closely with product and design to find the simplest thing that solves the problem.',
  'Experienced in agile teams of five to twelve people, with a focus on testing and incremental delivery.',
]

export const highlightTemplates: readonly string[] = [
  'Designed and shipped the {product} used by {number} customers, built on {skill} and {skill2}.',
  'Reduced p95 latency of the {product} by {percent}% by profiling hot paths and adding caching with {skill2}.',
  'Led the migration of a legacy monolith to {skill}-based services without downtime.',
  'Cut cloud costs by {percent}% by right-sizing clusters and removing unused resources.',
  'Mentored {small} junior engineers and ran the weekly code review session for the {team} team.',
  'Built CI/CD pipelines that took release time from two days to under an hour.',
  'Introduced contract tests between the {team} and platform teams, catching breaking changes before release.',
  'Implemented a {product} in {skill} that processes {number} events per day.',
  'Wrote the on-call runbook and reduced paging incidents by {percent}% over two quarters.',
  'Partnered with product managers to define the roadmap for the {product}.',
  'Raised unit test coverage of the {team} codebase from 40% to {coverage}%.',
  'Refactored the authentication flow to support single sign-on with SAML and OpenID Connect.',
  'Built internal dashboards in {skill2} that the support team uses daily.',
  'Owned the {product} end to end: design, implementation, rollout and monitoring.',
  'Automated data quality checks that flagged {percent}% fewer bad records reaching reporting.',
  'Collaborated with a distributed team across three time zones using written design reviews.',
  'Improved onboarding by writing documentation and a local development setup that runs in one command.',
  'Delivered {small} major releases of the {product} on schedule with {skill} and {skill3}.',
  'Investigated production incidents and wrote blameless postmortems with concrete follow-ups.',
  'Prototyped a {skill3} proof of concept that became the basis of the {product}.',
  'Worked with the security team to fix findings from the annual penetration test.',
  'Replaced a fragile cron setup with scheduled jobs in {skill2}, with retries and alerting.',
  'Supported {number} daily active users by scaling the {product} horizontally.',
  'Introduced feature flags to decouple deployments from releases.',
]

/** Side projects and coursework, for CVs with little work history. */
export const projectTemplates: readonly string[] = [
  'Personal project: a budgeting app built with {skill} and {skill2}, deployed on a small VPS with automated backups.',
  'Open-source contributions to a {skill} library: bug fixes, documentation and new test cases, merged by the maintainers.',
  'Capstone project: a {product} prototype for a local nonprofit, built by a team of four with {skill} and {skill3}.',
  'Hackathon project: a real-time dashboard using {skill2}; placed in the top five out of {teamCount} teams.',
  'Built a command-line tool in {skill} that automates repetitive setup tasks; about {stars} stars on GitHub.',
  'Course project: implemented a key-value store with replication and wrote a report on its failure modes.',
  'Volunteer work: maintained the website and donation forms of a community sports club using {skill2}.',
  'Wrote a series of blog posts explaining {skill} concepts to beginners, with runnable examples.',
  'Teaching assistant for an introductory programming course: ran weekly labs for {teamCount} students.',
  'Built a small multiplayer game with {skill} and {skill3} to learn networking and state synchronisation.',
]

export const products: readonly string[] = [
  'billing service',
  'checkout flow',
  'reporting pipeline',
  'customer portal',
  'search API',
  'notification system',
  'mobile app',
  'admin console',
  'recommendation engine',
  'scheduling service',
  'payments gateway',
  'analytics platform',
  'onboarding flow',
  'inventory service',
]

export const teams: readonly string[] = [
  'payments',
  'growth',
  'platform',
  'data',
  'mobile',
  'core',
  'integrations',
  'identity',
]

export const domains: readonly string[] = [
  'fintech',
  'healthcare',
  'e-commerce',
  'logistics',
  'SaaS',
  'media',
  'insurance',
  'education',
]

export const months: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
