// Postings written for the tests that more than one suite reads.

/** A posts-without-headings PM posting whose company blurb names AI agents and insurance, and whose list asks only for product work. */
export const BLURB_POSTING = [
  'Claimwise | Product Manager | Remote (EU)',
  '',
  'We are an insurance company building AI agents that settle claims; our customers are insurers across Europe and we have grown fast since our founding, with offices in three countries and a team of forty people.',
  '',
  'Who we want:',
  '- 4+ years of product management experience, writing PRDs and running user research',
  '- Strong data analysis skills (SQL) and clear communication with engineering and design',
].join('\n');
