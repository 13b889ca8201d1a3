// Types for <story-diff> (js/element.js, `import 'storydiff/element'`).
import type { Kind, Options, Report, SourceInput } from './index.js';

/**
 * An article for the element: a source (`{ name, text }` or, for a web page, `{ name, html }`)
 * plus the removed spans the reader put back and the details they gave.
 */
export type ElementSource = SourceInput & {
  /**
   * `[start, end]` UTF-16 offsets of removed spans put back as article text: into `text`, or
   * for a web page into its visible text (the report's `source.text` when it was read as HTML).
   */
  restored?: [start: number, end: number][];
  /**
   * Details as the reader gives them, shown and reported (in the element's `report`, its exports
   * and events) instead of what the engine read: the outlet, the address, the publication date
   * and time (ISO 8601; its day becomes `published`).
   */
  meta?: { outlet?: string; url?: string; datetime?: string };
};

/** A counterpart of the focused sentence in another source. */
export interface SelectCounterpart {
  source: number;
  sentence: number;
  text: string;
  /** The match kind (for a direct match) or the group's kind (linked through other sources). */
  kind: Kind;
  /** The match score (0..1), or null when linked only through the group. */
  score: number | null;
  /** True for a direct match, false for a group member linked through other sources. */
  direct: boolean;
}

/** `detail` of the `select` event. */
export interface SelectDetail {
  source: number;
  sentence: number;
  text: string;
  /** How many other sources share the sentence (0: unique). */
  support: number;
  /** The closest kind linking it to the others, or null when unique. */
  kind: Kind | null;
  counterparts: SelectCounterpart[];
  /** For a unique sentence: its closest sentence in the other sources (see `Sentence.nearest`), when the report names one. */
  nearest: { source: number; sentence: number; text: string; score: number } | null;
}

/** `detail` of the `report` event. */
export interface ReportDetail {
  report: Report;
  /** Milliseconds the comparison took, hand-over included. */
  ms: number;
}

/** `detail` of the `comparisonerror` event. */
export interface ErrorDetail {
  message: string;
  /** True when the engine stopped (crashed or timed out): `retry()` may help. */
  retryable: boolean;
}

/** `detail` of the `restore` event. */
export interface RestoreDetail {
  sources: ElementSource[];
}

export interface StoryDiffEventMap extends HTMLElementEventMap {
  select: CustomEvent<SelectDetail>;
  report: CustomEvent<ReportDetail>;
  comparisonerror: CustomEvent<ErrorDetail>;
  restore: CustomEvent<RestoreDetail>;
}

/**
 * What the element is doing. A long report is put on screen in slices (the page stays
 * responsive): the state stays `comparing` until every sentence is shown, then turns `ready` and
 * `report` fires.
 */
export type StoryDiffState = 'idle' | 'comparing' | 'ready' | 'empty' | 'error';

/**
 * `<story-diff>`: compares the articles it is given and shows the comparison. Sources come from
 * the `sources` property, else the `src` attribute (URLs of .txt files separated by spaces, or
 * one .json listing file names, `{ name, url }` or `{ name, text }`), else its child elements.
 */
export declare class StoryDiffElement extends HTMLElement {
  /** The articles (copies); setting it starts a comparison. */
  sources: ElementSource[];
  /** Comparison options; the toolbar's kind toggles follow them. */
  options: Options;
  /** The latest report, or null. A blank article is not compared: it is in the report without sentences. */
  readonly report: Report | null;
  /**
   * The inputs of the latest comparison, one per source (restored spans rebuilt into the text; a
   * web page with spans put back is compared as text: its article text with them), or null.
   */
  readonly compared: SourceInput[] | null;
  /** What the element is doing (also reflected in its `state` attribute). */
  readonly state: StoryDiffState;
  /** The focused sentence, or null. */
  readonly selected: { source: number; sentence: number } | null;
  /** Focuses a sentence: shows its counterparts and fires `select`. */
  select(source: number, sentence: number, options?: { focus?: boolean }): void;
  clearSelection(): void;
  /** Runs the comparison again with a fresh worker. */
  retry(): void;
  /** Puts a removed span of source `source` back, so it is compared as article text. */
  restoreSpan(source: number, start: number, end: number): void;
  /** Takes a put-back span out again. */
  unrestoreSpan(source: number, start: number, end: number): void;
  /** What the engine reads from one article before it joins the comparison (headline, outlet, address, time, authors, language). */
  readDetails(source: { name: string; text: string } | { name: string; html: string }): Promise<{
    title: string | null;
    outlet: string | null;
    url: string | null;
    published: string | null;
    datetime: string | null;
    authors: string[];
    lang: string | null;
    format: 'text' | 'html';
  }>;
  /** The report as indented JSON. */
  exportJSON(): string;
  /** A standalone HTML document of the current view (no scripts; opens offline). */
  exportHTML(options?: { title?: string }): string;
  /** The claim table as CSV (RFC 4180, CRLF): #, Sources, Match, one column per source's wording, Conflicts. */
  exportCSV(): string;
  /** The claim table as a Markdown table (pipes and markup escaped; differing words in bold). */
  exportMarkdown(): string;
  /** Which view is on show: the columns or the claim table (built when first shown). */
  viewMode: 'columns' | 'table';

  addEventListener<K extends keyof StoryDiffEventMap>(
    type: K,
    listener: (this: StoryDiffElement, ev: StoryDiffEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StoryDiffEventMap>(
    type: K,
    listener: (this: StoryDiffElement, ev: StoryDiffEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * Loads articles as the `src` attribute names them: URLs of .txt files separated by spaces (each
 * named by its file name), or one .json URL listing file names, `{ name, url }` or
 * `{ name, text }`. Relative URLs resolve against `base` (default: the document's base URL).
 */
export declare function loadSources(src: string, base?: string | URL): Promise<SourceInput[]>;

/**
 * Rebuilds a text with the given removed spans standing as their own paragraphs (what the
 * element compares for put-back spans), leaving out the `cut` spans; `places` tells where each
 * put-back span landed, `segments` map the result back to `text`.
 */
export declare function rebuildText(
  text: string,
  restored: [start: number, end: number][] | undefined,
  cut?: [start: number, end: number][],
): {
  text: string;
  places: { origStart: number; origEnd: number; start: number; end: number; text: string }[];
  segments: { from: number; to: number; orig: number }[];
};

export default StoryDiffElement;

declare global {
  interface HTMLElementTagNameMap {
    'story-diff': StoryDiffElement;
  }
}
