//! Transliteration views: a language typed in Latin letters ("kak stat uchastnikom",
//! "shu ya3ni widunetz") read in its own script, so it can be matched against that
//! language's questions and answered in it.
//!
//! A table is a data file with one rule per line (the format is documented at the top of
//! each table): `latin = target`, `^latin` only at the start of a word, `latin$` only at its
//! end, `latin =` drops the letters, a target ending in `+` is joined to the next word (the
//! Arabic article: "el shabake" = الشبكة). At each place the longest rule that fits is used
//! (anchored before plain at equal length); a letter without a rule stays as it is.
//!
//! A line `~ letters = letter` (or `~ letters =`) names letters of the target script that a
//! chat alphabet does not tell apart (`~ سص = س`: "s" is both) or leaves out (`~ اوي =`:
//! long vowels typed as short ones). Words of a view that the language does not know are
//! compared with its known words by this skeleton ([`Table::skeleton`]): "lazem" read as
//! لزم is لازم.
//!
//! Where tables come from (later ones replace earlier ones for their language):
//! 1. built in: Russian (`src/lang/translit/ru.txt`) and Arabic (`src/lang/translit/ar.txt`);
//! 2. `locales/<code>/translit.txt` in the same format: a new language brings its own.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Location, Problem};

/// File name of a language's table in its locales folder.
pub const TABLE_FILE: &str = "translit.txt";

const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "ru",
        "src/lang/translit/ru.txt",
        include_str!("translit/ru.txt"),
    ),
    (
        "ar",
        "src/lang/translit/ar.txt",
        include_str!("translit/ar.txt"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    from: Vec<char>,
    to: String,
    start: bool,
    end: bool,
}

/// The rules of one first letter: (second letter, rules of two letters or more), and the
/// rules of one letter (indices into [`Table::rules`]).
type FirstLetter = (Vec<(char, Vec<u32>)>, Vec<u32>);

/// One language's table (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Longest first; anchored before plain at equal length.
    rules: Vec<Rule>,
    /// Per ASCII first letter: the indices of the rules starting with it, in `rules` order
    /// (every rule starts with an ASCII run character), so a place tries only those: the
    /// rules of two letters or more by their second letter, then the rules of one letter
    /// (in `rules` order every longer rule comes before every rule of one letter).
    by_first: Vec<FirstLetter>,
    /// Letter classes of the skeleton (`~` lines): letter → its class letter, or `None`
    /// for a letter left out.
    classes: Vec<(char, Option<char>)>,
}

/// Characters a Latin-typed word is made of: Latin letters, digits (Arabic chat alphabet),
/// and the apostrophe (the soft sign, 3', 7').
fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '’'
}

impl Table {
    /// Parses a table; returns it with every rule that could be read, and the problems by
    /// line (1-based).
    pub fn parse(src: &str) -> (Table, Vec<(usize, String)>) {
        let mut rules = Vec::new();
        let mut problems = Vec::new();
        let mut classes: Vec<(char, Option<char>)> = Vec::new();
        for (i, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(class) = line.strip_prefix('~') {
                match class.split_once('=') {
                    Some((letters, to)) if !letters.trim().is_empty() => {
                        let to = to.trim();
                        let mut cs = to.chars();
                        match (cs.next(), cs.next()) {
                            (c, None) => classes.extend(
                                letters
                                    .chars()
                                    .filter(|l| !l.is_whitespace())
                                    .map(|l| (l, c)),
                            ),
                            _ => problems.push((
                                i + 1,
                                format!(
                                    "letter class {line:?}: after \"=\" write one letter or nothing"
                                ),
                            )),
                        }
                    }
                    _ => problems.push((
                        i + 1,
                        format!("letter class {line:?}: write \"~ letters = letter\""),
                    )),
                }
                continue;
            }
            let Some((from, to)) = line.split_once(" =").or_else(|| line.split_once('=')) else {
                problems.push((
                    i + 1,
                    format!("rule {line:?} has no \"=\": write \"latin = target\""),
                ));
                continue;
            };
            let mut from = from.trim().to_lowercase();
            let to = to.trim().to_string();
            let start = from.len() > 1 && from.starts_with('^');
            if start {
                from.remove(0);
            }
            let end = from.len() > 1 && from.ends_with('$');
            if end {
                from.pop();
            }
            if from.is_empty() || !from.chars().all(is_run_char) {
                problems.push((
                    i + 1,
                    format!("rule {line:?}: before \"=\" write Latin letters, digits or '"),
                ));
                continue;
            }
            rules.push(Rule {
                from: from.replace('’', "'").chars().collect(),
                to,
                start,
                end,
            });
        }
        rules.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.from.len()),
                !(r.start || r.end),
                !(r.start && r.end),
            )
        });
        let mut by_first: Vec<FirstLetter> = vec![(Vec::new(), Vec::new()); 128];
        for (k, r) in rules.iter().enumerate() {
            let Some((long, single)) = r.from.first().and_then(|&c| by_first.get_mut(c as usize))
            else {
                continue;
            };
            match r.from.get(1) {
                None => single.push(k as u32),
                Some(&second) => match long.iter_mut().find(|(c, _)| *c == second) {
                    Some((_, list)) => list.push(k as u32),
                    None => long.push((second, vec![k as u32])),
                },
            }
        }
        classes.sort_by_key(|&(c, _)| c);
        classes.dedup_by_key(|&mut (c, _)| c);
        (
            Table {
                rules,
                by_first,
                classes,
            },
            problems,
        )
    }

    /// A word's skeleton: each letter replaced by its class, left-out letters dropped
    /// (`None` when the table has no classes, or nothing but left-out letters remain).
    pub fn skeleton(&self, word: &str) -> Option<String> {
        if self.classes.is_empty() {
            return None;
        }
        let out: String = word
            .chars()
            .filter_map(
                |c| match self.classes.binary_search_by_key(&c, |&(l, _)| l) {
                    Ok(k) => self.classes[k].1,
                    Err(_) => Some(c),
                },
            )
            .collect();
        (!out.is_empty()).then_some(out)
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// One run of Latin letters, digits and apostrophes, lower case, in the target script.
    fn run(&self, run: &[char], out: &mut String) {
        let mut i = 0;
        while i < run.len() {
            let (long, single) = match self.by_first.get(run[i] as usize) {
                Some((long, single)) => (long.as_slice(), single.as_slice()),
                None => (&[][..], &[][..]),
            };
            let second = run.get(i + 1);
            let long = long
                .iter()
                .find(|(c, _)| Some(c) == second)
                .map_or(&[][..], |(_, list)| list.as_slice());
            let rule = long
                .iter()
                .chain(single)
                .map(|&k| &self.rules[k as usize])
                .find(|r| {
                    // (Compared in place: most rules are a letter or two, shorter than a call.)
                    let rest = &run[i..];
                    rest.len() >= r.from.len()
                        && r.from.iter().zip(rest).all(|(a, b)| a == b)
                        && (!r.start || i == 0)
                        && (!r.end || i + r.from.len() == run.len())
                });
            match rule {
                Some(r) => {
                    out.push_str(&r.to);
                    i += r.from.len();
                }
                None => {
                    out.push(run[i]);
                    i += 1;
                }
            }
        }
    }

    /// The view of `text`: each word with a Latin letter in the target script, unless `keep`
    /// (given the word in lower case) says the language writes it in Latin letters itself
    /// (names: "widunetz", "KOMM-IN").
    /// Digits-only words (2008), other scripts and punctuation stay as they are.
    pub fn view(&self, text: &str, keep: impl Fn(&str) -> bool) -> String {
        let capped = crate::text::capped(text);
        let mut out = String::with_capacity(capped.len() * 2);
        // Where the last word's joining prefix (the article: "el") begins in `out`.
        let mut join: Option<usize> = None;
        let mut scratch = Scratch::default();
        for (k, word) in capped.split_whitespace().enumerate() {
            let joined = join.take();
            if k > 0 && joined.is_none() {
                out.push(' ');
            }
            join = self.word_view(word, &keep, joined, &mut out, &mut scratch);
        }
        out
    }

    /// One word of [`Self::view`] appended to `out`; `joined`: where the joining prefix of
    /// the word before it begins in `out`. Returns where this word's joining prefix begins
    /// when it ends with one (the next word is joined to it). The word's view depends on
    /// `out` only through `joined`: after a space or alone, it is the same.
    pub fn word_view(
        &self,
        word: &str,
        keep: impl Fn(&str) -> bool,
        joined: Option<usize>,
        out: &mut String,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let Scratch { lower, chars, run } = scratch;
        let mut join = None;
        lower.clear();
        if word.is_ascii() {
            // (ASCII lower case is Unicode's for ASCII text.)
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&word.to_lowercase());
        }
        if !lower.chars().any(|c| c.is_ascii_alphabetic()) || keep(lower) {
            // The language's own Latin words (names) never take the article in its
            // script: "el widunetz" is widunetz, not "الwidunetz".
            if let Some(at) = joined.filter(|_| lower.chars().any(|c| c.is_ascii_alphabetic())) {
                out.truncate(at);
            }
            out.push_str(word);
            return None;
        }
        chars.clear();
        chars.extend(lower.chars());
        let mut i = 0;
        while i < chars.len() {
            if is_run_char(chars[i]) {
                let start = i;
                let run_at = out.len();
                while i < chars.len() && is_run_char(chars[i]) {
                    i += 1;
                }
                run.clear();
                run.extend(
                    chars[start..i]
                        .iter()
                        .map(|&c| if c == '’' { '\'' } else { c }),
                );
                // A run of digits is a number, not letters (2008, 48).
                if run.iter().all(char::is_ascii_digit) {
                    out.extend(run.iter());
                } else {
                    self.run(run, out);
                }
                // A target ending in + joins what follows ("el-shabake", "el shabake").
                if out.ends_with('+') {
                    out.pop();
                    if chars.get(i) == Some(&'-') {
                        i += 1;
                    }
                    if i == chars.len() {
                        join = Some(run_at);
                    }
                }
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        join
    }
}

/// Scratch buffers of [`Table::word_view`]: a word's lower case, its characters, a run of them.
#[derive(Debug, Default)]
pub struct Scratch {
    lower: String,
    chars: Vec<char>,
    run: Vec<char>,
}

/// The built-in table of a language, if it has one.
pub fn builtin(code: &str) -> Option<Table> {
    BUILTIN
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, src)| Table::parse(src).0)
}

/// Every language's table: built in, or from `locales/<code>/translit.txt`.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub by_lang: BTreeMap<String, Table>,
}

impl Tables {
    pub fn builtin() -> Tables {
        static ALL: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
        ALL.get_or_init(|| Tables {
            // Built-in tables are tested to parse without problems.
            by_lang: BUILTIN
                .iter()
                .map(|(c, _, src)| (c.to_string(), Table::parse(src).0))
                .collect(),
        })
        .clone()
    }

    /// Built-in tables, replaced or added by `translit.txt` files in the language folders of
    /// `locales_dir`. Returns every problem of those files at file:line.
    pub fn load(locales_dir: &Path) -> (Tables, Vec<Problem>) {
        let mut out = Tables::builtin();
        let mut problems = Vec::new();
        for (code, file, src) in super::language_files(locales_dir, TABLE_FILE, &mut problems) {
            let (t, pr) = Table::parse(&src);
            for (line, message) in pr {
                let at = Location {
                    line: Some(line),
                    ..Location::file(&file)
                };
                problems.push(Problem::error(at, None, message));
            }
            out.by_lang.insert(code, t);
        }
        (out, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru(text: &str) -> String {
        builtin("ru").expect("ru").view(text, |w| w == "widunetz")
    }

    fn ar(text: &str) -> String {
        builtin("ar").expect("ar").view(text, |w| w == "widunetz")
    }

    #[test]
    fn letter_classes_make_skeletons() {
        let (t, problems) = Table::parse("a = ا\n~ او =\n~ سص = س\n~ ب = بب\n~ = س\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(t.skeleton("صاروخ").as_deref(), Some("سرخ"));
        assert_eq!(t.skeleton("سرخ").as_deref(), Some("سرخ"));
        assert_eq!(t.skeleton("او"), None, "nothing left");
        assert_eq!(Table::parse("a = ا").0.skeleton("سرخ"), None, "no classes");
        let ar = builtin("ar").expect("ar");
        assert_eq!(ar.skeleton("لزم"), ar.skeleton("لازم"), "long a typed short");
        assert_eq!(
            ar.skeleton("منزمه"),
            ar.skeleton("منظمة"),
            "z for ظ, final a"
        );
        assert_ne!(ar.skeleton("تسلي"), ar.skeleton("اتصل"), "ya stays");
    }

    /// The rule each place takes, looked up by first and second letter, is the first of all
    /// the rules that fits (as a scan of every rule in order finds it): every text up to
    /// four characters over the letters, digits and apostrophes of the tables.
    #[test]
    fn indexed_rules_are_the_first_that_fit() {
        fn plain(t: &Table, run: &[char]) -> String {
            let mut out = String::new();
            let mut i = 0;
            while i < run.len() {
                let rest = &run[i..];
                match t.rules.iter().find(|r| {
                    rest.starts_with(&r.from)
                        && (!r.start || i == 0)
                        && (!r.end || i + r.from.len() == run.len())
                }) {
                    Some(r) => {
                        out.push_str(&r.to);
                        i += r.from.len();
                    }
                    None => {
                        out.push(run[i]);
                        i += 1;
                    }
                }
            }
            out
        }
        let alphabet = [
            'a', 'e', 'i', 'o', 'u', 'y', 's', 'h', 'c', 'k', 'z', 'l', 'b', 'w', 'g', 't', 'd',
            '3', '7', '2', '\'',
        ];
        for (code, _, src) in BUILTIN {
            let t = Table::parse(src).0;
            for text in crate::text::testing::every_text(&alphabet, 4) {
                let run: Vec<char> = text.chars().collect();
                let mut out = String::new();
                t.run(&run, &mut out);
                assert_eq!(out, plain(&t, &run), "{code} {text:?}");
            }
        }
    }

    #[test]
    fn builtin_tables_are_clean() {
        for (code, file, src) in BUILTIN {
            let (t, problems) = Table::parse(src);
            assert!(problems.is_empty(), "{file}: {problems:?}");
            assert!(!t.is_empty(), "{code}");
        }
    }

    #[test]
    fn russian_phone_conventions() {
        for (latin, cyrillic) in [
            ("kak stat uchastnikom", "как стат участником"),
            ("chto takoe widunetz", "что такое widunetz"),
            ("shto", "што"),
            ("4to", "что"),
            ("shchedryj", "щедрый"),
            ("zhenshchina", "женщина"),
            ("kakaya", "какая"),
            ("kakaja", "какая"),
            ("zanimaetsya", "занимается"),
            ("kharkov", "харков"),
            ("hochu", "хочу"),
            ("otsenka", "оценка"),
            ("ocenka", "оценка"),
            ("yazyk", "язык"),
            ("jazyk", "язык"),
            ("yubka", "юбка"),
            ("jubka", "юбка"),
            ("kakoy", "какой"),
            ("kakoj", "какой"),
            ("vy", "вы"),
            ("eto", "это"),
            ("den'gi", "деньги"),
            ("den’gi", "деньги"),
            ("skolko v 2008?", "сколко в 2008?"),
            ("Zdravstvujte!", "здравствуйте!"),
        ] {
            assert_eq!(ru(latin), cyrillic, "{latin:?}");
        }
    }

    #[test]
    fn arabic_chat_alphabet() {
        for (latin, arabic) in [
            ("shu ya3ni widunetz", "شو يعني widunetz"),
            ("kif", "كيف"),
            ("e7ki", "احكي"),
            ("mashroo3", "مشروع"),
            ("ta2sis", "تأسيس"),
            ("5abar", "خبر"),
            ("9alb", "قلب"),
            ("el shabake", "الشبكة"),
            ("el-shabake", "الشبكة"),
            ("bel shabaka", "بالشبكة"),
            ("jam3iye", "جمعية"),
            ("ma3kon", "معكم"),
            ("mashroo3 el", "مشروع ال"),
            ("ghali", "غلي"),
            ("3'ali", "غلي"),
            ("thalath", "ثلث"),
            ("dhahab", "ذهب"),
            ("marhaba", "مرحبا"),
            ("shughl", "شغل"),
            ("3omr", "عمر"),
            ("mo2assase", "مؤسسة"),
            ("mas2oul", "مسؤول"),
            ("ta3awon", "تعاون"),
            ("mo2assasat", "مؤسسات"),
            ("mo2assasetna", "مؤسستنا"),
            ("ra8m", "رقم"),
            ("ittifa2iye", "اتفاقية"),
            ("wa22a3o", "وقعو"),
            ("hala2", "هلق"),
            ("7a22a2et", "حققت"),
            ("7aqqaqat", "حققات"),
            ("a3da2", "أعضاء"),
            ("ana", "انا"),
            ("chno", "شنو"),
            ("ezay", "ازاي"),
            ("el network", "الشبكة"),
            ("el widunetz", "widunetz"),
            ("bil widunetz", "widunetz"),
            ("btejtame3", "بتجتمع"),
            ("marra", "مرة"),
            ("2008", "2008"),
        ] {
            assert_eq!(ar(latin), arabic, "{latin:?}");
        }
    }

    #[test]
    fn names_and_other_scripts_stay() {
        let t = builtin("ru").expect("ru");
        assert_eq!(
            t.view("KOMM-IN widunetz сеть 48", |w| w == "widunetz"
                || w == "komm-in"),
            "KOMM-IN widunetz сеть 48"
        );
    }

    #[test]
    fn rules_and_their_problems() {
        let (t, problems) = Table::parse("# comment\nsh = ш\n^e = э\na$ = ا\nbroken\nж = zh\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, 5);
        assert_eq!(problems[1].0, 6);
        assert_eq!(t.view("eshe", |_| false), "эшe");
        assert_eq!(t.view("aa", |_| false), "aا");
    }

    #[test]
    fn bounded_on_huge_input() {
        let t = builtin("ar").expect("ar");
        let v = t.view(&"sh3".repeat(10_000), |_| false);
        assert!(v.chars().count() <= crate::text::MAX_CHARS * 2);
    }

    #[test]
    fn locales_table_adds_a_language() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("uk")).expect("mkdir");
        std::fs::write(
            dir.path().join("uk").join(TABLE_FILE),
            "# Ukrainian typed in Latin letters\nyi = ї\nsh = ш\ni = і\ny = и\na = а\nk = к\nch = ч\nb = б\nx\n",
        )
        .expect("write");
        let (t, problems) = Tables::load(dir.path());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].location.line, Some(10));
        let uk = t.by_lang.get("uk").expect("uk");
        assert_eq!(uk.view("yi shchi", |_| false), "ї шчі");
        assert!(t.by_lang.contains_key("ru") && t.by_lang.contains_key("ar"));
    }
}
