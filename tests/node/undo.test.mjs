// The page's Undo and Put back (www/undo.js), without a browser: a fake page (its list, its
// notices) and a fake store stand for app.js and www/storage.js. Nothing the visitor took off the
// list may be dropped unsaid: not when the last visit's state is read back while they change the
// list, not when they dismiss an Undo, not when two articles share one text.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { articleKey, contentKey, listKey, lostFrom, mergeBack } = await import('../../www/lists.js');
const { namesOf, setupUndo } = await import('../../www/undo.js');
const { draftArticle, draftId } = await import('../../www/details.js');

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const art = (name, text, meta) => ({ name, text, restored: [], ...(meta ? { meta } : {}) });

/** A page of `list`: its notices by kind ({ message, actions, onDismiss }). */
function fakePage(list) {
  const page = {
    list,
    notices: new Map(),
    snapshot: () => ({ sources: page.list.map((s) => ({ ...s, restored: [...s.restored] })), demo: false, custom: true }),
    apply: (state) => { page.list = state.sources; },
    putBack: () => {},
    notice: (kind, message, options = {}) => {
      if (message) page.notices.set(kind, { message, ...options });
      else page.notices.delete(kind);
    },
  };
  return page;
}

/** A store whose load answers when `answer(value)` is called; `saves` lists what was saved. */
function fakeStore() {
  let answer;
  const store = {
    saves: [],
    pending: new Promise((resolve) => { answer = resolve; }),
    load: () => store.pending,
    save: (state, kept) => { store.saves.push(state); kept(null); },
  };
  store.answer = answer;
  return store;
}

/** Removes article `i` from the page's list, as Remove does, with its Undo. */
function remove(page, undo, i) {
  const before = page.snapshot();
  const [gone] = page.list.splice(i, 1);
  undo.offer(`Removed “${gone.name}”.`, `removing “${gone.name}”`, before);
}

const asideNotices = (page) => [...page.notices].filter(([k]) => k.startsWith('aside-')).map(([, n]) => n.message);

test('listKey: the order of an article\'s detail keys does not count (a reload rebuilds them as outlet, url, datetime)', () => {
  const edited = art('A', 'One.', { url: 'https://a.example/', datetime: '2025-06-10T06:00+02:00', outlet: 'Post' });
  const reloaded = art('A', 'One.', { outlet: 'Post', url: 'https://a.example/', datetime: '2025-06-10T06:00+02:00' });
  assert.equal(listKey({ sources: [edited] }), listKey({ sources: [reloaded] }));
  assert.notEqual(listKey({ sources: [edited] }), listKey({ sources: [art('A', 'One.', { outlet: 'Other' })] }));
});

test('an Undo of a change whose list had twice-edited details is still offered after a reload, not set aside', async () => {
  const store = fakeStore();
  // The list as Details left it ({ ...old, ...new }: url first), and as storage gives it back.
  const page = fakePage([art('A', 'One.', { outlet: 'Post', url: 'https://a.example/' })]);
  const left = { sources: [art('A', 'One.', { url: 'https://a.example/', outlet: 'Post' })] };
  const undo = setupUndo(page, store);
  const done = undo.load();
  store.answer({ data: { version: 1, latest: { message: 'Removed “B”.', what: 'removing “B”', redo: null, to: { sources: [art('A', 'One.'), art('B', 'Two.')], demo: false, custom: true }, from: listKey(left), lost: [1] }, aside: [], nextId: 1 } });
  await done;
  assert.equal(page.notices.get('undo')?.message, 'Removed “B”.');
  assert.deepEqual(asideNotices(page), []);
});

test('a change made while the last visit\'s Undo is read back takes the Undo; the kept change is set aside, not dropped', async () => {
  const store = fakeStore();
  const page = fakePage([art('A', 'One.'), art('B', 'Two.')]);
  const undo = setupUndo(page, store);
  const done = undo.load();
  remove(page, undo, 1); // while IndexedDB answers
  await tick();
  assert.equal(store.saves.length, 0, 'nothing is saved over the last visit\'s state before it is read');
  store.answer({ data: { version: 1, latest: { message: 'Removed “Old”.', what: 'removing “Old”', redo: null, to: { sources: [art('Old', 'Zero.'), art('A', 'One.'), art('B', 'Two.')], demo: false, custom: true }, from: 'the list before', lost: [0] }, aside: [{ id: 1, message: 'Cleared 1 article for a new comparison.', articles: [{ article: art('Older', 'Minus one.'), index: 0 }] }], nextId: 2 } });
  await done;
  await tick();
  assert.equal(page.notices.get('undo')?.message, 'Removed “B”.');
  const set = asideNotices(page);
  assert.ok(set.some((m) => /^Removed “Old”\. “Old” is set aside/.test(m)), set.join(' | '));
  assert.ok(set.some((m) => /^Cleared 1 article.* “Older” is set aside/.test(m)), set.join(' | '));
  const saved = store.saves.at(-1);
  assert.deepEqual(saved.aside.map((x) => x.articles[0].article.name).sort(), ['Old', 'Older'], 'what was merged is saved again');
  assert.equal(saved.latest.message, 'Removed “B”.');
  assert.equal(new Set(saved.aside.map((x) => x.id)).size, 2, 'each set-aside notice has an id of its own');
});

test('what was set aside on the last visit is saved again once read back, with nothing changed meanwhile', async () => {
  const store = fakeStore();
  const page = fakePage([art('A', 'One.')]);
  const undo = setupUndo(page, store);
  const done = undo.load();
  store.answer({ data: { version: 1, latest: null, aside: [{ id: 4, message: 'Removed “B”.', articles: [{ article: art('B', 'Two.'), index: 1 }] }], nextId: 5 } });
  await done;
  await tick();
  assert.equal(store.saves.length, 1);
  assert.equal(store.saves[0].aside[0].articles[0].article.name, 'B');
});

test('a last visit\'s Undo that cannot be read back is said so, and nothing is saved over it', async () => {
  const store = fakeStore();
  const page = fakePage([art('A', 'One.'), art('B', 'Two.')]);
  const undo = setupUndo(page, store);
  store.answer({ error: 'the storage is in use by another tab' });
  await undo.load();
  assert.match(page.notices.get('undo-load')?.message || '', /could not be read back from this browser's storage \(the storage is in use by another tab\)/);
  remove(page, undo, 1);
  await tick();
  assert.equal(store.saves.length, 0);
  assert.equal(page.notices.get('undo')?.message, 'Removed “B”.', 'Undo is still offered while the page is open');
});

test('dismissing an Undo notice sets aside what it removed, in a notice of its own', async () => {
  const store = fakeStore();
  const page = fakePage([art('A', 'One.'), art('B', 'Two.')]);
  const undo = setupUndo(page, store);
  store.answer({ data: null });
  await undo.load();
  remove(page, undo, 0);
  page.notices.get('undo').onDismiss();
  assert.equal(page.notices.has('undo'), false);
  assert.deepEqual(asideNotices(page), ['Removed “A”. “A” is set aside: put it back, or dismiss this to let it go.']);
  await tick();
  assert.equal(store.saves.at(-1).aside[0].articles[0].article.name, 'A');
});

test('of two articles with one text, removing one sets that one aside (with its name and details)', async () => {
  const store = fakeStore();
  const page = fakePage([art('Wire', 'Same text.'), art('Wire (copy)', 'Same text.', { outlet: 'Post' })]);
  const undo = setupUndo(page, store);
  store.answer({ data: null });
  await undo.load();
  remove(page, undo, 1);
  undo.retire(); // another change
  assert.deepEqual(asideNotices(page), ['Removed “Wire (copy)”. “Wire (copy)” is set aside: put it back, or dismiss this to let it go.']);
  // By count, and the one taken is the one gone, first or second.
  const a = art('A', 'x.');
  const b = art('B', 'x.', { outlet: 'Post' });
  assert.deepEqual(lostFrom([a, b], [b]), [0]);
  assert.deepEqual(lostFrom([a, b], [a]), [1]);
  assert.deepEqual(lostFrom([a, a], [a]), [1]);
  assert.deepEqual(lostFrom([a, b], [{ ...b, name: 'B renamed' }]), [0], 'renamed is not lost; the other is');
  assert.deepEqual(lostFrom([a], [{ ...a, meta: { outlet: 'New' } }]), [], 'new details are not a loss');
});

test('Put back of an article whose text is listed under another name or with other details puts it back; one listed as it is is left out', () => {
  const a = art('Wire', 'Same text.');
  const b = art('Wire', 'Same text.', { outlet: 'Post' });
  let r = mergeBack([a], [{ article: b, index: 1 }]);
  assert.deepEqual(r.back.map((x) => [x.name, x.meta?.outlet]), [['Wire (2)', 'Post']]);
  assert.deepEqual(r.sources.map((x) => x.name), ['Wire', 'Wire (2)']);
  r = mergeBack([a], [{ article: art('Other name', 'Same text.'), index: 0 }]);
  assert.deepEqual(r.sources.map((x) => x.name), ['Other name', 'Wire']);
  r = mergeBack([a], [{ article: { ...a }, index: 0 }]);
  assert.deepEqual(r.back, [], 'listed already, as it was');
  r = mergeBack([a], [{ article: { ...a }, index: 0 }, { article: { ...a }, index: 1 }]);
  assert.equal(r.back.length, 1, 'two copies set aside, one listed: one comes back');
  assert.notEqual(articleKey(a), articleKey(b));
});

test('Details drafts of two articles with one text are kept apart, and follow an article renamed', () => {
  const list = [art('Wire', 'Same text.'), art('Wire (copy)', 'Same text.')];
  const drafts = list.map((s) => ({ key: contentKey(s), name: s.name }));
  assert.notEqual(draftId(drafts[0]), draftId(drafts[1]));
  assert.equal(draftArticle(list, drafts[0]), 0);
  assert.equal(draftArticle(list, drafts[1]), 1);
  assert.equal(draftArticle([art('Wire, renamed', 'Same text.')], drafts[0]), 0, 'renamed, the only one with its text');
  assert.equal(draftArticle([art('X', 'Same text.'), art('Y', 'Same text.')], drafts[0]), -1, 'not guessed between two');
  assert.equal(draftArticle([], drafts[0]), -1);
});

test('the Undo kept holds only what it removed in full, the rest as content keys and names, and is offered again from them', async () => {
  const long = 'A long article. '.repeat(20_000);
  const list = [art('Long', long, { outlet: 'Post' }), art('Gone', 'Removed text.'), art('Short', 'Short text.')];
  const store = fakeStore();
  const page = fakePage(list.map((s) => ({ ...s })));
  const undo = setupUndo(page, store);
  store.answer({ data: null });
  await undo.load();
  remove(page, undo, 1);
  await tick();
  const kept = store.saves.at(-1).latest;
  const json = JSON.stringify(kept);
  assert.ok(json.length < 1000 && !json.includes('A long article.'), `kept: ${json.length} characters`);
  assert.deepEqual(kept.order.map((x) => x.name ?? x.article.name), ['Long', 'Gone', 'Short']);
  assert.deepEqual(kept.order[1], { article: list[1] });
  // After a reload, with the list as it was left: the same Undo, which brings the list back whole.
  const store2 = fakeStore();
  const page2 = fakePage([list[0], list[2]].map((s) => ({ ...s })));
  const undo2 = setupUndo(page2, store2);
  store2.answer({ data: JSON.parse(JSON.stringify(store.saves.at(-1))) });
  await undo2.load();
  assert.equal(page2.notices.get('undo')?.message, 'Removed “Gone”.');
  page2.notices.get('undo').actions[0].run();
  assert.deepEqual(page2.list, list);
  // With the list changed meanwhile (a kept article renamed): no Undo, and what it removed is set aside.
  const store3 = fakeStore();
  const page3 = fakePage([{ ...list[0], name: 'Long, renamed' }, list[2]]);
  const undo3 = setupUndo(page3, store3);
  store3.answer({ data: JSON.parse(JSON.stringify(store.saves.at(-1))) });
  await undo3.load();
  assert.equal(page3.notices.has('undo'), false);
  assert.deepEqual(asideNotices(page3), ['Removed “Gone”. “Gone” is set aside: put it back, or dismiss this to let it go.']);
});

test('undo fingerprints: content, not names; a list by names, contents, details and order', () => {
  assert.equal(contentKey({ name: 'a', text: 'Same text.' }), contentKey({ name: 'b', text: 'Same text.' }));
  assert.notEqual(contentKey({ text: 'Same text.' }), contentKey({ html: 'Same text.' }));
  assert.notEqual(contentKey({ text: 'One.' }), contentKey({ text: 'Two.' }));
  const long = 'word '.repeat(10_000);
  assert.equal(contentKey({ text: long }), contentKey({ text: (' ' + long).slice(1) }), 'a long text and an equal copy of it');
  const a = { name: 'A', text: 'One.', restored: [] };
  const b = { name: 'B', text: 'Two.', restored: [] };
  assert.equal(listKey({ sources: [a, b] }), listKey({ sources: [{ ...a }, { ...b }] }));
  assert.notEqual(listKey({ sources: [a, b] }), listKey({ sources: [b, a] }));
  assert.notEqual(listKey({ sources: [a] }), listKey({ sources: [{ ...a, name: 'A2' }] }));
  assert.notEqual(listKey({ sources: [a] }), listKey({ sources: [a], demo: true }));
  assert.equal(namesOf([a, b]), '“A” and “B”');
  assert.equal(namesOf([a, b, a, b]), 'the 4 articles');
});
