// Types for the storydiff JS API (browser: js/index.js, Node: js/node.js).
// They mirror the report contract in src/report.rs (version 1): fields are camelCase, enums
// are lowercase strings, and an absent Option is `null`. Offsets (`start`, `end`) are UTF-16
// code units into the source's input text (for a web page: into `SourceReport.text`, its visible
// text), so `text.slice(start, end)` gives the span back.

/** The version of the report format this package produces. */
export declare const REPORT_VERSION: 1;

/** One article to compare: plain text (`TextInput`) or a web page's HTML (`HtmlInput`). */
export type SourceInput = TextInput | HtmlInput;

/** An article as text: a display name and the text as pasted. */
export interface TextInput {
  /** Shown in the report and the page; usually a file name or an outlet. */
  name: string;
  /**
   * The article as copied from a web page, page chrome and all. A text that is a whole HTML
   * document (it opens with `<!doctype html` or `<html`, or with a tag and has `<body` or
   * `<head` in its first 2,048 characters) is read as a web page, like `html`.
   */
  text: string;
  html?: undefined;
}

/** A web page: its HTML, read by the HTML build of the engine (the article, its metadata). */
export interface HtmlInput {
  /** Shown in the report and the page; usually a file name, a URL or an outlet. */
  name: string;
  /** The page's markup: a whole document or a fragment (as a browser copies it). */
  html: string;
  text?: undefined;
}

/** How closely two matched sentences agree. */
export type Kind = 'identical' | 'minor' | 'paraphrase';

/** Which matches to report. */
export interface Options {
  /** Match kinds to report (default: all three); the others are dropped before groups and support are derived. */
  kinds?: Kind[];
  /** Matches scoring below this (0..1) are dropped (default 0). */
  minScore?: number;
}

/** What part of an article a sentence is. `speaker` (a broadcast speaker label) is never matched. */
export type Role = 'title' | 'body' | 'caption' | 'speaker';

/** How a source was read: as plain text, or as a web page (HTML). */
export type Format = 'text' | 'html';

/** Why a span of the input was removed. */
export type Reason =
  | 'boilerplate'
  | 'navigation'
  | 'contact'
  | 'copyright'
  | 'credit'
  | 'language'
  | 'duplicate'
  | 'metadata'
  | 'label'
  | 'comments'
  | 'outside';

/** `[source index, sentence index]`. */
export type SentenceRef = [source: number, sentence: number];

/** The full result of `compare`. */
export interface Report {
  /** Always 1. */
  version: 1;
  /** One entry per input, in input order. */
  sources: SourceReport[];
  /** Each unordered pair of matching sentences from different sources, once, `a` before `b`. */
  matches: Match[];
  /** Families of sentences that say the same thing, most widely shared first; every matched sentence is in exactly one. */
  groups: Group[];
  /** Direct quotations, each linked across every source that carries it. */
  quotes: Quote[];
  /** `similarity[i][j]`: the share of sentences of sources i and j that match the other source (1 on the diagonal). */
  similarity: number[][];
  /** Which matching ran: `semantic` (words and sentence vectors) or `lexical` (words only: the vectors were not loaded). */
  matching: Matching;
}

/**
 * Which matching produced a report: `semantic` when the sentence vectors were loaded (the same
 * claim in other words is found too), else `lexical` (word overlap, order and anchors only).
 */
export type Matching = 'semantic' | 'lexical';

/** One article after cleaning and splitting. */
export interface SourceReport {
  /** The name given in the input. */
  name: string;
  /** The headline, when the text has one. */
  title: string | null;
  /** The publisher, when the text names it. */
  outlet: string | null;
  /** Publication date as `YYYY-MM-DD`, when the text gives one. */
  published: string | null;
  /** Bylined authors, in order. */
  authors: string[];
  /** The article's sentences in reading order: title, captions, body. */
  sentences: Sentence[];
  /** Spans of the input that are not article text, each with why it was removed. */
  removed: Removed[];
  /** How the input was read: `text`, or `html` for a web page. */
  format: Format;
  /**
   * For a web page: its visible text, which the offsets of `sentences`, `removed` and quotations
   * index (`text.slice(start, end)`); null for text, whose offsets index the input itself.
   */
  text: string | null;
  /** The page's canonical URL, when its HTML gives one. */
  url: string | null;
  /**
   * The language: as a web page's HTML declares it (`en`, `de-at`), else as the kept text reads
   * (`en`, `ko`: the script, and for Latin script the commonest function words); null when
   * neither tells.
   */
  lang: string | null;
  /** Publication date and time as the page gives it (ISO 8601), when it gives a time. */
  datetime: string | null;
}

/** One sentence of an article. */
export interface Sentence {
  /** The sentence exactly as in the input (`input.slice(start, end)`). */
  text: string;
  /** Start, in UTF-16 code units into the input. */
  start: number;
  /** End (exclusive), in UTF-16 code units into the input. */
  end: number;
  /** What part of the article it is. */
  role: Role;
  /** How many other sources share it (a reported match with it, or a member in its group); 0 means unique. */
  support: number;
  /** Index into `groups`, when it belongs to one. */
  group: number | null;
  /**
   * For a sentence no other source shares: its closest sentence in the other sources, when one
   * is close enough to show (so a reader can judge the verdict "unique"); else null. The page
   * and the CLI mark the verdict doubtful (`unique?`) from a `score` of 0.3 on: on the labeled
   * sets that floor catches over half of the sentences wrongly left unique (docs/ACCURACY.md).
   */
  nearest: Nearest | null;
}

/** The closest sentence of another source to a sentence left unique. */
export interface Nearest {
  /** Index into `sources`. */
  source: number;
  /** Index into that source's `sentences`. */
  sentence: number;
  /** How likely the two state the same claim, 0 to 1 (below the threshold for a match). */
  score: number;
}

/** A span of the input that is not article text. */
export interface Removed {
  /** The removed text exactly as in the input. */
  text: string;
  /** Start, in UTF-16 code units into the input. */
  start: number;
  /** End (exclusive), in UTF-16 code units into the input. */
  end: number;
  /** Why it was removed. */
  reason: Reason;
}

/** A pair of sentences from two different sources that carry the same content. */
export interface Match {
  /** `[source, sentence]` of the first sentence (the lower source index). */
  a: SentenceRef;
  /** `[source, sentence]` of the second sentence. */
  b: SentenceRef;
  /** How closely they agree. */
  kind: Kind;
  /** Similarity in 0..1 (1 for identical). */
  score: number;
  /** Word-level differences, in reading order, covering both sentences. */
  diff: DiffOp[];
  /** Details that differ between the two: numbers, names, places, days, or a claim one affirms and the other denies. */
  conflicts: Conflict[];
}

/** The kind of a diff step: `equal`, `delete` (only in `a`), `insert` (only in `b`). */
export type DiffTag = 'equal' | 'delete' | 'insert';

/** One step of a word-level diff between `a` and `b` of a match. */
export interface DiffOp {
  op: DiffTag;
  /** The words of `a` this step covers (empty for `insert`). */
  a: string;
  /** The words of `b` this step covers (empty for `delete`). */
  b: string;
}

/** The kind of a conflict: a detail stated differently, or (`polarity`) a claim one affirms and the other denies. */
export type ConflictKind = 'number' | 'name' | 'place' | 'date' | 'polarity';

/** A detail that two matched sentences state differently. */
export interface Conflict {
  kind: ConflictKind;
  /** The detail as `a` states it. */
  a: string;
  /** The detail as `b` states it. */
  b: string;
}

/** A family of sentences from different sources that say the same thing. */
export interface Group {
  /** `[source, sentence]` of each member, by source. */
  members: SentenceRef[];
  /** The closest kind of match that links members (identical before minor before paraphrase). */
  kind: Kind;
  /** The text of the member with the most links inside the group, for display. */
  text: string;
}

/** A direct quotation and every source that carries it. */
export interface Quote {
  /** Who said it, when an attribution was found. */
  speaker: string | null;
  /** The longest variant, for display. */
  text: string;
  /** Each place the quotation occurs, at most one per sentence. */
  occurrences: QuoteOccurrence[];
}

/** Where a quotation occurs. */
export interface QuoteOccurrence {
  /** Index into `sources`. */
  source: number;
  /** Index into that source's `sentences`. */
  sentence: number;
  /** The quoted words as this source gives them, without the quote marks. */
  text: string;
  /** Start, in UTF-16 code units into the input. */
  start: number;
  /** End (exclusive), in UTF-16 code units into the input. */
  end: number;
  /** Who this source says said it. */
  speaker: string | null;
}

/**
 * Which matching `compare` runs: `semantic` once the sentence vectors
 * (`vectors/minilm-static.bin`) are loaded, `lexical` when they could not be (a missing or
 * unreadable file, a failed fetch: the comparison still runs, by words only).
 */
export declare const matching: Matching;

/**
 * Loads the HTML build of the engine (once), which reads web pages. In the browser `compare`
 * throws for a web page until this has resolved (`compare` is synchronous, so it cannot fetch
 * the module itself); in Node it is loaded by the first web page anyway. Rejects when the module
 * cannot be loaded.
 */
export declare function loadHtml(): Promise<void>;

/**
 * Cleans, splits and cross-matches two or more articles about the same story. Web pages
 * (`{ name, html }`, or a `text` that is a whole HTML document) are read into their article.
 *
 * Throws a `TypeError` for arguments of the wrong type, a `RangeError` for an out-of-range
 * `minScore`, and an `Error` (with a message meant for the user) when the input cannot be
 * compared: fewer than two sources, an empty source, a source that is not text.
 */
export declare function compare(sources: SourceInput[], options?: Options | null): Report;

/**
 * Like `compare`, but returns the report as a compact JSON string (`JSON.parse` gives the same
 * `Report`), for saving or sending it. Throws exactly as `compare` does.
 */
export declare function compareJson(sources: SourceInput[], options?: Options | null): string;
