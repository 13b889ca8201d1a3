// What the view calls things: match kinds, the reasons text was removed, conflict kinds. Kept in
// one place so that the columns, the panel, the legend and the summaries word them alike.

export const KIND_INFO = {
  identical: { icon: '=', label: 'identical', long: 'identical wording' },
  minor: { icon: '≈', label: 'minor edits', long: 'the same sentence with minor edits' },
  paraphrase: { icon: '∼', label: 'paraphrase', long: 'the same claim in other words' },
};
export const REASONS = {
  boilerplate: ['boilerplate', 'Subscription, sign-in, app and newsletter prompts, share buttons'],
  navigation: ['navigation', 'Menus, related-story and headline lists'],
  contact: ['contact', 'Tip lines, phone numbers, e-mail addresses, addresses'],
  copyright: ['copyright', 'Copyright and rights lines'],
  credit: ['credit', 'Photo and image credits'],
  language: ['other language', 'Site chrome in another language than the article'],
  duplicate: ['duplicate', 'A repeated copy of text that appears earlier'],
  metadata: ['metadata', 'Date, byline, outlet and section lines, read into the header'],
  label: ['label', 'A line of a few words in square brackets, such as a label in a script or transcript'],
  comments: ['comments', 'Reader comments under the article'],
  outside: ['outside the article', 'Other parts of the web page: sidebars, teasers, page furniture'],
};
// How a conflict's kind is named on the page; the detail kinds are named as they are.
export const CONFLICT_LABELS = { polarity: 'opposite claims' };
export const conflictLabel = (kind) => CONFLICT_LABELS[kind] ?? kind;
export const LEXICAL_NOTE = 'Matching by words only: the sentence vectors could not be loaded, so the same claim in other words may be marked unique.';
