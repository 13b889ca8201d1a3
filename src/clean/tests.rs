use super::*;

/// Texts that mix what the byte-level scans tell apart (ASCII letters and digits, line
/// ends, spaces, punctuation, characters of two to four bytes) at every offset, so that
/// each kind lands at every place of an eight-byte chunk and at the text's end.
fn varied_texts() -> Vec<String> {
    const PIECES: &[&str] = &[
        "a", "Z", "7", "0", "9", " ", "\n", "\r\n", "\r", "\t", "\u{2028}", "\u{2029}", "\u{2027}", "“", "—", "é", "É", "ß",
        "한", "國", "ж", "Ж", "λ", "ש", "ب", "©", "İ", "\u{212A}", "😀", "@", "/", "-", ".", "`", "{", "[", "\u{a0}", "\0", "\u{b}",
    ];
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    let mut texts: Vec<String> = PIECES.iter().map(|p| p.repeat(20)).collect();
    for len in 0..300 {
        texts.push((0..len).map(|_| PIECES[next() % PIECES.len()]).collect());
        // Mostly plain words, as articles are.
        texts.push((0..len).map(|_| if next() % 4 == 0 { PIECES[next() % PIECES.len()] } else { "word " }).collect());
    }
    texts
}

#[test]
fn lines_that_are_the_same_hash_alike() {
    let mut texts = varied_texts();
    // Characters whose lower case is longer, or ASCII, or depends on the place (a final
    // sigma), around where hashing stops.
    for pad in 18..30 {
        texts.push(format!("{} İstanbul \u{212A}elvin ΟΔΟΣ Οδός", "a".repeat(pad)));
    }
    for text in &texts {
        let variants = [text.to_uppercase(), text.to_lowercase(), text.to_ascii_uppercase(), text.replace(' ', " \t "), format!("• {text}")];
        for variant in variants.iter().filter(|v| same_key(text, v)) {
            for words in [1, 4, 6, usize::MAX] {
                assert_eq!(key_hash(text, words), key_hash(variant, words), "{text:?} {variant:?} {words}");
            }
        }
    }
    assert_ne!(key_hash("Mayor opens new bridge", 6), key_hash("Mayor opens new school", 6));
}

#[test]
fn byte_scans_agree_with_char_scans() {
    for text in varied_texts() {
        let b = text.as_bytes();
        assert_eq!(first_digit(b), b.iter().position(u8::is_ascii_digit), "{text:?}");
        let digits = b.iter().filter(|b| b.is_ascii_digit()).count();
        for n in [1, 7, digits, digits + 1] {
            assert_eq!(has_digits(b, n), digits >= n, "{text:?} {n}");
        }
        let mut counts = [0; 8];
        for script in text.chars().filter_map(script_of) {
            counts[script as usize] += 1;
        }
        assert_eq!(script_counts(&text), counts, "{text:?}");
        // Phrases found as the plain scan finds them: fixed ones, and pieces of the text
        // lower-cased as far as ASCII goes (as the rules' phrases are).
        let mut needles: Vec<String> = ["copyright", "all rights reserved", "(photo", "www.", "word", "a", "7", "한국", "“a", "é"].map(String::from).to_vec();
        for start in (0..text.len()).step_by(7) {
            for end in [start + 1, start + 4, start + 13] {
                needles.extend(text.get(start..end).map(str::to_ascii_lowercase));
            }
        }
        for needle in &needles {
            let plain = b.windows(needle.len()).position(|w| w[0].to_ascii_lowercase() == needle.as_bytes()[0] && w.eq_ignore_ascii_case(needle.as_bytes()));
            assert_eq!(find_ignore_case(&text, needle), plain, "{text:?} {needle:?}");
        }
        // Lines as the characters that end them split the text.
        let mut expected = Vec::new();
        let mut blank = true;
        let normalized = text.replace("\r\n", "\n").replace(['\r', '\u{2028}', '\u{2029}'], "\n");
        for line in normalized.split('\n') {
            let trimmed = line.trim_matches(is_space);
            if trimmed.is_empty() {
                blank = true;
            } else {
                expected.push((trimmed, blank));
                blank = false;
            }
        }
        let lines: Vec<(&str, bool)> = split_lines(&text).iter().map(|l| (&text[l.span.clone()], l.after_blank)).collect();
        assert_eq!(lines, expected, "{text:?}");
    }
}

#[test]
fn a_lowered_line_finds_every_phrase_it_contains_and_no_other() {
    let line = "sign up for our newsletter — 한국 news, © 2025 all rights reserved";
    let l = Lowered::new(line, true);
    for start in 0..line.len() {
        for end in start + 1..=line.len() {
            if let Some(sub) = line.get(start..end) {
                assert!(l.has(sub), "{sub:?}");
            }
        }
    }
    for absent in ["subscribe", "newsletters", "sign in", "한국어", "copyright"] {
        assert!(!l.has(absent), "{absent:?}");
    }
}

fn kept(text: &str) -> Vec<(Role, &str)> {
    clean(text).blocks.iter().map(|b| (b.role, &text[b.span.clone()])).collect()
}

fn removed(text: &str) -> Vec<(Reason, &str)> {
    clean(text).removed.iter().map(|c| (c.reason, &text[c.span.clone()])).collect()
}

const BODY: &str = "The council approved the new budget on Tuesday after a long debate.\n\nSpending on schools will rise by four percent next year, officials said.";

/// An article of six paragraphs.
const LONG: &str = "The council approved the new budget on Tuesday after a long debate.\n\nSpending on schools will rise by four percent next year, officials said.\n\nThe mayor called it a fair compromise between the parties.\n\nThe opposition said it would keep pressing for lower taxes next year.\n\nRoad repairs will get a further two million from a reserve fund.\n\nThe budget takes effect on the first of April, the clerk said.";

/// Menu lines, each a short line of chrome.
fn menu(n: usize) -> String {
    (0..n).map(|i| format!("Section {i}\n")).collect()
}

#[test]
fn a_site_blurb_above_the_menus_is_not_the_article() {
    let blurb = "News Corp is a network of leading media companies.";
    let text = format!("{blurb}\n\n{}\nCouncil passes budget\n\n{LONG}", menu(12));
    assert!(removed(&text).contains(&(Reason::Outside, blurb)), "{:?}", removed(&text));
    assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 6);
}

#[test]
fn reader_comments_after_a_thread_marker_are_not_the_article() {
    let comment = "I have lived here for thirty years and the schools have never had enough money.";
    let text = format!("{BODY}\n\n3 Comments\n\nAlex on March 3, 2024 at 6:34 am said:\n{comment}\nReply");
    assert!(removed(&text).contains(&(Reason::Outside, comment)), "{:?}", removed(&text));
}

#[test]
fn a_comments_button_above_the_article_does_not_hide_it() {
    let text = format!("Council passes budget\nShare\nComments\n\n{BODY}");
    assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
}

#[test]
fn a_prose_sentence_inside_the_article_is_kept_whatever_its_keywords() {
    let inside = "The ruling turned on the words all rights reserved on the copyright page, the judge said.";
    let text = format!("{BODY}\n\n{inside}\n\nThe publisher said it would appeal the decision next week.");
    assert!(kept(&text).contains(&(Role::Body, inside)), "{:?}", kept(&text));
    // At the article's edge the same keyword removes it.
    let edge = format!("{BODY}\n\nCopyright 2024 The Daily Planet. All rights reserved.");
    assert_eq!(kept(&edge).len(), 2, "{:?}", kept(&edge));
}

#[test]
fn a_standfirst_parted_from_the_body_by_share_buttons_is_kept() {
    let standfirst = "Parents will pay less for school meals from September, the council said.";
    let text = format!("{}\nCouncil cuts school meal prices\n{standfirst}\nBy Ana Ruiz\nShare on Facebook\nShare on X\nCopy link\nPrint\n\n{LONG}", menu(6));
    assert!(kept(&text).contains(&(Role::Body, standfirst)), "{:?}", removed(&text));
}

#[test]
fn the_article_under_its_byline_outweighs_a_longer_footer_paragraph() {
    let footer = "The Daily Planet customer service centre answers questions about subscriptions, deliveries, missing papers, gift vouchers, archive searches and reprints every weekday from eight until six, and on Saturdays from nine until noon, except on public holidays.";
    let others: String = (1..=8).map(|i| format!("Storm number {i} hits the coast\nBy Staff\nMarch {i}, 2024\n")).collect();
    let text = format!("Council approves budget\nBy Ana Ruiz\nMarch 3, 2024\n{BODY}\n{others}{}\n{footer}", menu(10));
    assert!(removed(&text).contains(&(Reason::Outside, footer)), "{:?}", kept(&text));
    assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
}

#[test]
fn a_long_line_of_words_without_punctuation_is_not_prose() {
    let tags = "budget council schools taxes roads mayor elections transport parks libraries housing planning water waste police fire health culture sport tourism jobs trade weather events";
    // (Longer than the article: as prose it would be taken for it.)
    let text = format!("Council approves budget\n\n{BODY}\n\n{}{tags}", menu(8));
    assert!(!kept(&text).iter().any(|k| k.1 == tags), "{:?}", kept(&text));
    assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
}

#[test]
fn a_date_with_a_dash_is_a_date_line() {
    let text = format!("Council approves budget\n05/10/2018 -\n{BODY}");
    assert!(removed(&text).iter().any(|r| r.0 == Reason::Metadata && r.1.starts_with("05/10/2018")), "{:?}", removed(&text));
}

#[test]
fn a_list_of_teasers_ending_the_article_is_cut_off() {
    let teasers: String = (1..=5).map(|i| format!("Storm Number {i} Hits The Coast\n\nHeavy rain closed roads in {i} towns on Monday, and more is on the way.\n\n")).collect();
    let text = format!("{LONG}\n\n{teasers}");
    let body: Vec<&str> = kept(&text).iter().map(|k| k.1).collect();
    assert_eq!(body.len(), 6, "{body:?}");
}

#[test]
fn the_headline_is_the_line_whose_words_the_opening_repeats() {
    let text = format!("Skip to content\n\nLatest news from the town hall\n\nCouncil approves budget after long debate\n\nShare this article\n\n{BODY}");
    assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves budget after long debate"));
}

#[test]
fn headline_byline_and_body_are_told_apart() {
    let text = format!("Council passes budget after long debate\nBy Maria Lopez and Tom Weber - 3 March 2024 - 10:15\n\n{BODY}");
    let c = clean(&text);
    assert_eq!(c.meta.title.as_deref(), Some("Council passes budget after long debate"));
    assert_eq!(c.meta.authors, ["Maria Lopez", "Tom Weber"]);
    assert_eq!(c.meta.published.as_deref(), Some("2024-03-03"));
    assert_eq!(kept(&text).len(), 3);
}

#[test]
fn subscription_prompts_and_menus_are_removed() {
    let text = format!("Subscribe to our newsletter\nSign in\n\n{BODY}\n\nRead more\nDownload the app to get alerts on your phone\nMost popular");
    let r = removed(&text);
    assert!(r.contains(&(Reason::Boilerplate, "Subscribe to our newsletter")));
    assert!(r.contains(&(Reason::Boilerplate, "Download the app to get alerts on your phone")));
    assert!(r.contains(&(Reason::Navigation, "Most popular")));
    assert_eq!(kept(&text).len(), 2);
}

#[test]
fn headline_list_after_the_body_is_navigation() {
    let text = format!("{BODY}\n\nMayor Unveils Plan for New Tram Line Through City Centre\nLocal Team Wins Cup After Dramatic Penalty Shootout\nStorm Warning Issued for Coastal Towns This Weekend");
    assert!(removed(&text).iter().filter(|(r, _)| *r == Reason::Navigation).count() == 3);
}

#[test]
fn chrome_in_another_script_is_removed() {
    let text = format!("{BODY}\n\n전체메뉴\n많이 본 뉴스\nПодписаться на рассылку новостей");
    let r = removed(&text);
    assert_eq!(r.iter().filter(|(reason, _)| *reason == Reason::Language).count(), 3);
}

#[test]
fn a_body_printed_twice_keeps_the_first_copy() {
    let text = format!("{BODY}\n\n{BODY}");
    assert_eq!(kept(&text).len(), 2);
    assert_eq!(removed(&text).iter().filter(|(r, _)| *r == Reason::Duplicate).count(), 2);
    assert!(clean(&text).blocks[1].span.end < text.len() / 2 + 1);
}

#[test]
fn caption_with_credit_line_or_bracketed_credit() {
    let text = format!("Firefighters battle the blaze in the old town on Sunday.\nPhoto: AFP/Jane Roe\n\n{BODY}");
    assert_eq!(kept(&text)[0].0, Role::Caption);
    assert!(removed(&text).contains(&(Reason::Credit, "Photo: AFP/Jane Roe")));
    let text = format!("Firefighters battle the blaze in the old town on Sunday [Jane Roe/AFP]\n\n{BODY}");
    assert_eq!(kept(&text)[0], (Role::Caption, "Firefighters battle the blaze in the old town on Sunday"));
}

#[test]
fn credits_name_an_agency_as_a_whole_word() {
    for credit in ["Jane Roe / Reuters", "Photo: Jane Roe/AFP", "(AP Photo/Jane Roe)", "Jane Roe via EPA", "File photo of the harbour", "Getty Images"] {
        assert!(is_credit(credit, word_count(credit), &Lowered::new(credit, true)), "{credit}");
    }
    for prose in ["Updates arrive via Apple's store.", "The apartments were sold.", "He reported via satellite."] {
        assert!(!is_credit(prose, word_count(prose), &Lowered::new(prose, true)), "{prose}");
    }
}

#[test]
fn contact_and_copyright_lines_are_removed() {
    let text = format!("{BODY}\n\nSend tips to news@example.org or call 555-123-4567\nCopyright © 2024 Daily Planet. All rights reserved.");
    let r = removed(&text);
    assert_eq!(r[0].0, Reason::Contact);
    assert_eq!(r[1].0, Reason::Copyright);
    assert_eq!(clean(&text).meta.outlet.as_deref(), Some("Daily Planet"));
}

#[test]
fn a_number_with_dot_thousands_is_not_a_phone_number() {
    for number in ["Das Defizit stieg auf 2.590.000 Euro.", "Wir haben 1.000.000 Euro.", "¡La casa cuesta $170.500.000,00!"] {
        assert!(!has_phone(number), "{number}");
        let text = format!("{BODY}\n\n{number}");
        assert_eq!(kept(&text).last(), Some(&(Role::Body, number)), "{number}");
    }
    for phone in ["call 555.123.4567", "Tel. 030.123.456", "Fax 0201.12.34.56", "call 555-123-4567"] {
        assert!(has_phone(phone), "{phone}");
    }
}

#[test]
fn signoff_and_dateline_name_the_outlet() {
    let text = "BERLIN, May 4 (Wire) -- Ministers met in Berlin on Monday to discuss the budget. Talks will resume on Friday. (Wire)";
    let c = clean(text);
    assert_eq!(c.meta.outlet.as_deref(), Some("Wire"));
    assert_eq!(kept(text), [(Role::Body, "Ministers met in Berlin on Monday to discuss the budget. Talks will resume on Friday.")]);
    let text = format!("{BODY}\nDaily Planet");
    assert_eq!(clean(&text).meta.outlet.as_deref(), Some("Daily Planet"));
}

#[test]
fn header_block_gives_outlet_section_and_author() {
    let text = format!("Daily Planet\nDaily Planet\nBusiness\nLois Lane\n\nCity budget approved after long debate\n\n{BODY}");
    let c = clean(&text);
    assert_eq!((c.meta.outlet.as_deref(), c.meta.section.as_deref()), (Some("Daily Planet"), Some("Business")));
    assert_eq!(c.meta.authors, ["Lois Lane"]);
    assert_eq!(c.meta.title.as_deref(), Some("City budget approved after long debate"));
}

#[test]
fn date_lines_and_programme_tags_are_metadata() {
    let text = format!("date 2024-03-03 World\n[Evening News] City budget approved\n입력 2024.03.03 (18:02)\n\n{BODY}");
    let c = clean(&text);
    assert_eq!(c.meta.published.as_deref(), Some("2024-03-03"));
    assert_eq!(c.meta.title.as_deref(), Some("City budget approved"));
    assert_eq!(c.meta.section.as_deref(), Some("World"));
}

#[test]
fn transcript_labels_and_speaker_lines() {
    let text = format!("[ANCHOR]\n{BODY}\nAna Ruiz / Finance Minister\nWe will keep every promise we made.\n\nThe vote is expected next week, officials said.");
    let k = kept(&text);
    assert!(k.contains(&(Role::Speaker, "Ana Ruiz / Finance Minister")));
    assert!(removed(&text).contains(&(Reason::Label, "[ANCHOR]")));
}

#[test]
fn runon_headline_is_split_at_the_date_or_article() {
    let text = "Star swimmer dies at 91 June 6, 2013 The actress died in her sleep, her publicist said.";
    assert_eq!(kept(text), [(Role::Title, "Star swimmer dies at 91"), (Role::Body, "The actress died in her sleep, her publicist said.")]);
    let text = "Quake shakes island, damages homes A strong earthquake shook the island on Sunday, officials said.";
    assert_eq!(kept(text)[0], (Role::Title, "Quake shakes island, damages homes"));
}

#[test]
fn a_short_last_sentence_is_not_chrome() {
    let text = format!("{BODY}\nNo one was hurt.\nSign up for alerts\nNo ads. Just news.");
    assert_eq!(kept(&text).last(), Some(&(Role::Body, "No one was hurt.")));
    assert!(removed(&text).iter().any(|(_, s)| *s == "No ads. Just news."));
}

#[test]
fn a_first_paragraph_without_final_period_is_kept() {
    let text = format!("City budget approved\n\nThe council approved the new budget on Tuesday after a debate that ran late 🗳\n\n{BODY}");
    assert_eq!(kept(&text).len(), 4);
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "The council approved the new budget on Tuesday\nafter a long debate that ran late into\nthe night, officials said.";
    assert_eq!(kept(text).len(), 1);
}

#[test]
fn a_short_line_or_an_icon_name_does_not_continue_the_line_above() {
    let text = format!("Menu\nCouncil approves the school budget\nchevron_left All posts\nBy Ana Ruiz\n\n{BODY}");
    assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves the school budget"));
    let text = format!("Council approves the school budget\nhttps://example.com/news/council-budget\n\n{BODY}");
    assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves the school budget"));
}

#[test]
fn the_headline_over_its_dek_is_the_title() {
    // The byline stands under the dek, which repeats as many of the opening's words.
    let text = format!("{}Council vote ends months of school funding fights\nSpending on schools rises as teachers and parents welcome the vote\nBy Ana Ruiz\nMarch 3, 2024\n\n{BODY}", menu(6));
    assert_eq!(clean(&text).meta.title.as_deref(), Some("Council vote ends months of school funding fights"));
}

#[test]
fn a_kicker_without_the_articles_words_is_not_the_headline_over_it() {
    // (A headline in wordplay: none of the opening's words either.)
    let headline = "Where Every Dollar Goes: Inside the Hard Choices Behind a Plan That Took Months to Settle";
    let text = format!("{}LOCAL NEWS  CITY HALL: ANALYSIS\n{headline}\n\n{BODY}", menu(6));
    assert_eq!(clean(&text).meta.title.as_deref(), Some(headline));
}

#[test]
fn a_short_title_case_headline_right_over_a_byline_is_not_a_name() {
    let text = format!("{}Opinion Pages\nThe Budget Clock\nBy Ana Ruiz\nMarch 3, 2024\n\n{BODY}", menu(6));
    assert_eq!(clean(&text).meta.title.as_deref(), Some("The Budget Clock"));
}

#[test]
fn a_count_or_a_running_time_inside_the_article_is_not_body() {
    let text = "The council approved the new budget on Tuesday after a long debate.\n\n14\n\nWatch the vote\n2:31\n\nSpending on schools will rise by four percent next year, officials said.";
    assert_eq!(kept(text).len(), 3, "{:?}", kept(text));
    assert!(removed(text).contains(&(Reason::Label, "14")) && removed(text).contains(&(Reason::Label, "2:31")), "{:?}", removed(text));
}

#[test]
fn a_sentence_above_the_headline_is_not_kept() {
    let tagline = "The best of the city, every day. Read more";
    let text = format!("{}{tagline}\nCouncil approves budget\nBy Ana Ruiz\n\n{BODY}", menu(4));
    assert!(!kept(&text).iter().any(|k| k.1 == tagline), "{:?}", kept(&text));
    assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves budget"));
}

#[test]
fn any_line_ending_works() {
    for sep in ["\r\n", "\r", "\n", "\u{2029}"] {
        let text = BODY.replace('\n', sep);
        assert_eq!(kept(&text).len(), 2, "separator {sep:?}");
    }
}

#[test]
fn a_short_title_case_headline_is_the_title_not_an_author() {
    let body = "The central bank cut its main rate by a quarter point on Wednesday, its third cut this year.\n\nMarkets rose after the decision, traders said.";
    for headline in ["Fed Cuts Rates Again", "Biden Wins", "Powell Signals Pause"] {
        let text = format!("{headline}\n\n{body}");
        let c = clean(&text);
        assert_eq!(c.meta.title.as_deref(), Some(headline), "{text}");
        assert!(c.meta.authors.is_empty(), "{:?}", c.meta.authors);
        assert_eq!(kept(&text)[0], (Role::Title, headline));
        // With a byline under it, the headline is still the headline.
        let text = format!("{headline}\nBy Jane Public\n\n{body}");
        let c = clean(&text);
        assert_eq!(c.meta.title.as_deref(), Some(headline), "{text}");
        assert_eq!(c.meta.authors, ["Jane Public"]);
    }
}

#[test]
fn a_name_line_is_an_author_only_in_a_header_block_or_under_the_headline() {
    // Right after the headline: the author.
    let text = format!("Fed Cuts Rates Again\nJane Public\n\n{BODY}");
    let c = clean(&text);
    assert_eq!((c.meta.title.as_deref(), c.meta.authors.clone()), (Some("Fed Cuts Rates Again"), vec!["Jane Public".to_string()]));
    // In a header block with an outlet and a section line: the author, before the headline.
    let text = format!("Daily Planet\nDaily Planet\nBusiness\nLois Lane\n\nFed Cuts Rates Again\n\n{BODY}");
    let c = clean(&text);
    assert_eq!((c.meta.title.as_deref(), c.meta.authors.clone()), (Some("Fed Cuts Rates Again"), vec!["Lois Lane".to_string()]));
}

#[test]
fn an_outlet_closing_the_byline_is_the_outlet() {
    for (byline, authors, outlet) in [
        ("By Jane Public, Reuters", vec!["Jane Public"], "Reuters"),
        ("By Jane Public and Tom Roe, Associated Press", vec!["Jane Public", "Tom Roe"], "Associated Press"),
        ("By Jane Public, The Daily Times - 3 March 2024", vec!["Jane Public"], "The Daily Times"),
        ("BY JANE PUBLIC, AFP", vec!["JANE PUBLIC"], "AFP"),
    ] {
        let text = format!("Council passes budget after long debate\n{byline}\n\n{BODY}");
        let c = clean(&text);
        assert_eq!(c.meta.authors, authors, "{byline}");
        assert_eq!(c.meta.outlet.as_deref(), Some(outlet), "{byline}");
    }
    // Names are still names.
    let c = clean(&format!("Council passes budget after long debate\nBy Jane Public, Tom Roe\n\n{BODY}"));
    assert_eq!((c.meta.authors.len(), c.meta.outlet), (2, None));
}

#[test]
fn a_standards_line_after_the_body_is_boilerplate() {
    for line in ["Our Standards: The Thomson Reuters Trust Principles.", "Read our editorial guidelines.", "Learn more about our corrections policy", "Editorial standards: how we report."] {
        let text = format!("{BODY}\n\n{line}");
        assert!(removed(&text).contains(&(Reason::Boilerplate, line)), "{line}: {:?}", removed(&text));
        assert_eq!(kept(&text).len(), 2);
    }
    // Prose about someone's standards is prose.
    let text = format!("{BODY}\n\nThe newspaper said its editorial guidelines had been followed in the report.");
    assert_eq!(kept(&text).len(), 3);
    let text = format!("{BODY}\n\n“We followed our editorial guidelines,” the editor said.");
    assert_eq!(kept(&text).len(), 3);
}

#[test]
fn a_speaker_line_among_short_lines_is_a_speaker() {
    let text = "Ukraine war: latest updates\nKim Jong-un / North Korean leader\nWe will never give up our weapons\nAnother line without a period";
    assert!(kept(text).contains(&(Role::Speaker, "Kim Jong-un / North Korean leader")), "{:?} {:?}", kept(text), removed(text));
    // A list of links with slashes is still navigation.
    let text = format!("{BODY}\n\nWorld / Asia / Korea\nMayor Unveils Plan for New Tram Line\nLocal Team Wins Cup After Penalty Shootout\nStorm Warning Issued for Coastal Towns");
    assert!(!kept(&text).iter().any(|(r, _)| *r == Role::Speaker));
}

#[test]
fn a_date_stamp_glued_to_the_headline_is_read_and_cut() {
    let text = "Friday, June 7, 2013 Star swimmer dies at 91 Champion turned film star\n\nThe actress died in her sleep at her home on Thursday, her publicist said.";
    let c = clean(text);
    assert_eq!(c.meta.title.as_deref(), Some("Star swimmer dies at 91 Champion turned film star"));
    assert_eq!(c.meta.published.as_deref(), Some("2013-06-07"));
    assert!(removed(text).contains(&(Reason::Metadata, "Friday, June 7, 2013")));
    let text = "Star Swimmer Dies at 91 10:10 AM PDT 6 / 6 / 2013 The actress died in her sleep at home, her publicist said.";
    let c = clean(text);
    assert_eq!(c.meta.title.as_deref(), Some("Star Swimmer Dies at 91"));
    assert_eq!(c.meta.published.as_deref(), Some("2013-06-06"));
    assert!(removed(text).contains(&(Reason::Metadata, "10:10 AM PDT 6 / 6 / 2013")), "{:?}", removed(text));
    // The same stamp after a headline on a line of its own.
    let text = format!("Council Passes Budget After Debate 9:15 AM EST 3/4/2024\n\n{BODY}");
    let c = clean(&text);
    assert_eq!((c.meta.title.as_deref(), c.meta.published.as_deref()), (Some("Council Passes Budget After Debate"), Some("2024-03-04")));
}

#[test]
fn a_headline_run_into_a_first_sentence_that_repeats_its_subject_is_split() {
    let text = "Jane Roe, Olympic diver turned actress, dies at 88 Jane Roe, the diving champion who starred in musicals, has died. She was 88.";
    assert_eq!(kept(text)[0], (Role::Title, "Jane Roe, Olympic diver turned actress, dies at 88"));
    assert_eq!(kept(text)[1].1, "Jane Roe, the diving champion who starred in musicals, has died. She was 88.");
    // The page address pasted above spells the headline.
    let text = "https://news.example.com/sports/4411-club-to-break-bank-for-striker\n\nClub to break bank for striker Here's a prediction: the club will make the largest offer in its history.";
    assert_eq!(kept(text)[0], (Role::Title, "Club to break bank for striker"));
    // An address cut short is not the whole of a title-case headline.
    let text = "https://blog.example.com/2010/09/council-passes-budget-after.html\n\nCouncil Passes Budget After Long Debate The council approved the budget on Tuesday.";
    assert_eq!(kept(text)[0], (Role::Title, "Council Passes Budget After Long Debate"));
    // A name that starts with `The` after a preposition is not where a headline ends.
    let text = "A strong earthquake centered near The Pinnacles shook towns across the valley on Sunday.";
    assert_eq!(kept(text), [(Role::Body, text)]);
    // Prose that names its subject twice is prose.
    let text = "Jane Roe said on Monday that Jane Roe Foundation grants would double next year, officials said.";
    assert_eq!(kept(text), [(Role::Body, text)]);
}

#[test]
fn every_non_blank_line_is_kept_or_removed() {
    let text = format!("Get all your news here.\nOne app.\n\n{BODY}\n\nRelated\nSome other headline about sports results\n");
    let c = clean(&text);
    let covered = |i: usize| c.blocks.iter().map(|b| &b.span).chain(c.removed.iter().map(|r| &r.span)).any(|s| s.contains(&i));
    for (i, ch) in text.char_indices() {
        assert!(ch.is_whitespace() || covered(i), "byte {i} ({ch:?}) neither kept nor removed");
    }
}

/// A news article whose paragraphs are long and parted by blank lines, as a page's
/// `innerText` gives them, under a byline with the author's address.
fn bridge(inside: &str, after: &str) -> String {
    format!(
        "Ferry service to the island will resume next month\n\nBy Tomas Varga | tvarga@harbourgazette.ca\nMay 2, 2025\n\n\
         The ferry between the mainland and Keel Island will run again from June 1 after a four-month repair of its loading ramp, the port authority said on Friday.\n\n\
         The crossing carries about 900 passengers a day in summer, most of them residents who work or study on the mainland.\n\n\
         {inside}\
         Port officials said the repair cost $2.4 million, about a third more than planned, because divers found more corrosion than expected.\n\n\
         The first sailing will leave the mainland at 6:15 a.m., and the summer timetable will apply from the first day.\n\n\
         {after}"
    )
}

#[test]
fn a_box_under_a_list_heading_goes_whole_even_its_sentence_like_lines() {
    let text = bridge("", "Related stories\nCouncil votes to study a second ramp\nIs the island ready for more visitors?\n\nThe Harbour Gazette is an independent newsroom.\n");
    let kept = kept(&text);
    assert!(!kept.iter().any(|(_, s)| s.contains("second ramp") || s.contains("more visitors")), "{kept:?}");
    assert!(kept.iter().any(|(_, s)| s.starts_with("The first sailing")), "{kept:?}");
}

#[test]
fn a_box_heading_never_takes_a_paragraph_with_it() {
    // A paragraph of more than BOX_LINE_WORDS words under a `Share this:` line stays.
    let text = bridge("Share this:\nResidents who need the crossing for medical visits can book a free seat through the island's clinic until the end of the month.\n\n", "");
    assert!(kept(&text).iter().any(|(_, s)| s.starts_with("Residents who need")), "{:?}", kept(&text));
}

#[test]
fn a_reader_appeal_beside_its_button_is_chrome_but_a_prose_appeal_alone_is_not() {
    let text = bridge("Local news matters. Become a member of the Gazette today.\nDonate now\n\n", "");
    assert!(!kept(&text).iter().any(|(_, s)| s.contains("Become a member") || s.contains("Donate")), "{:?}", kept(&text));
    // The same words in a paragraph of its own, with no button, are the article's.
    let text = bridge("Islanders who want to help can become a member of the ferry users' association, which meets monthly.\n\n", "");
    assert!(kept(&text).iter().any(|(_, s)| s.contains("become a member")), "{:?}", kept(&text));
}

#[test]
fn a_name_alone_under_a_caption_is_its_credit() {
    let text = bridge("The loading ramp at the mainland terminal, seen in March.\nKeel Island Archives\n\n", "");
    let removed = removed(&text);
    assert!(removed.contains(&(Reason::Credit, "Keel Island Archives")), "{removed:?}");
    assert!(kept(&text).iter().any(|(_, s)| s.starts_with("The loading ramp")));
}

#[test]
fn an_authors_note_closing_the_article_is_metadata() {
    let text = bridge("", "Tomas Varga covers transport for the Harbour Gazette.\n");
    assert!(removed(&text).contains(&(Reason::Metadata, "Tomas Varga covers transport for the Harbour Gazette.")), "{:?}", removed(&text));
    assert_eq!(clean(&text).meta.authors, ["Tomas Varga"]);
    // A sentence about someone else of the same first name is not a note.
    let text = bridge("", "Tomas Orban, the ferry's captain, said the crew was ready.\n");
    assert!(kept(&text).iter().any(|(_, s)| s.starts_with("Tomas Orban")));
}

#[test]
fn widget_openings_and_the_print_note_are_templates_even_as_sentences() {
    let text = bridge(
        "Watch: How do divers inspect a ferry ramp?\n\n",
        "A version of this article appears in print on May 3, 2025, Section A, Page 4 of the island edition with the headline: Ferry to Resume.\n",
    );
    let removed = removed(&text);
    assert!(removed.iter().any(|&(r, s)| r == Reason::Navigation && s.starts_with("Watch:")), "{removed:?}");
    assert!(removed.iter().any(|&(r, s)| r == Reason::Boilerplate && s.starts_with("A version of this article")), "{removed:?}");
}

#[test]
fn credits_and_ad_markers_in_other_languages_and_share_networks_are_chrome() {
    for line in ["Foto: Agencia Sur", "Bild: Reuters", "Photo courtesy Harbour Authority"] {
        assert_eq!(chrome(line, word_count(line)), Some(Reason::Credit), "{line}");
    }
    for line in ["Publicidad", "Anzeige", "Donate now", "Facebook", "Share full article", "Click to email a link to a friend (Opens in new window)"] {
        assert_eq!(chrome(line, word_count(line)), Some(Reason::Boilerplate), "{line}");
    }
    // A caption ending with the site the picture is from.
    assert!(trailing_credit("Posters of the campaign. (onmeth.com)").is_some());
    assert!(trailing_credit("He studied law in the U.S. (Harvard)").is_none());
}

#[test]
fn a_paste_reads_into_lines_held_by_the_boxes_blank_lines_part() {
    let text = "Ferry service resumes after storm\n\nThe ferry to the island ran again on Monday, a week after the storm closed the harbour.\n\nMore stories\n• Bridge repairs to start in May\n2) Council backs new pier\n\nShare\n";
    let o = outline(text);
    let read: Vec<(&str, Kind, usize)> = (0..o.blocks.len()).map(|i| (&text[o.blocks[i].span.clone()], o.blocks[i].kind, o.container(i))).collect();
    assert_eq!(
        read,
        [
            ("Ferry service resumes after storm", Kind::Text, 1),
            ("The ferry to the island ran again on Monday, a week after the storm closed the harbour.", Kind::Paragraph, 3),
            ("More stories", Kind::Text, 5),
            ("• Bridge repairs to start in May", Kind::ListItem, 5),
            ("2) Council backs new pier", Kind::ListItem, 5),
            ("Share", Kind::Text, 9),
        ]
    );
    // The root, four boxes and a line element for each of the six lines.
    assert_eq!(o.elements.len(), 11);
    assert!(o.blocks.iter().all(|b| o.elements[b.parent].tag == "line"));
    assert!(o.elements.iter().all(|e| e.hint == Hint::None));
}

#[test]
fn a_hard_wrapped_paragraph_is_one_block() {
    let text = "The ferry to the island ran again on Monday, a week\nafter the storm closed the harbour, officials said.\n";
    let o = outline(text);
    assert_eq!(o.blocks.len(), 1);
    assert_eq!(&text[o.blocks[0].span.clone()], text.trim_end());
    assert_eq!(o.blocks[0].kind, Kind::Paragraph);
}
