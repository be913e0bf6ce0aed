//! Synthetic knowledge bases for the scale benchmark, written in the content formats of
//! `../shared/CONTRACT.md` (`faq/*.toml` + `locales/<lang>/faq.ftl`) so that the real
//! loading path (`Engine::load`) is measured, and labelled queries made from the loaded
//! question variants with typos, a dropped word and missing diacritics.
//!
//! Deterministic: everything comes from a seeded xorshift generator.
//! Shared by `benches/scale.rs` and the smoke test `tests/integration/synth_smoke.rs`.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Languages of the synthetic content (those of the shipped bot).
pub const LANGS: [&str; 4] = ["de", "tr", "ru", "ar"];
/// Question variants per entry and language.
pub const VARIANTS: usize = 5;
/// Entries per `faq/*.toml` file (Faq::load computes line numbers per entry from the start
/// of its file, so very large files load in quadratic time; see BENCHMARKS.md).
const PER_FILE: usize = 100;

/// xorshift64*: small, fast and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

/// Per-language vocabulary: a question is a frame with slots for a service ({n}), a group
/// of people ({m}), a town ({p}), a qualifier ({q}) and a verb ({v}). 40 × 25 × 20 × 10 =
/// 200,000 distinct (service, group, town, qualifier) combinations per language.
struct Vocab {
    nouns: &'static [&'static str],
    groups: &'static [&'static str],
    places: &'static [&'static str],
    quals: &'static [&'static str],
    verbs: &'static [&'static str],
    frames: &'static [&'static str],
    title: &'static str,
    answer: &'static str,
    topic: &'static str,
}

const DE: Vocab = Vocab {
    nouns: &[
        "Sprachkurs",
        "Anmeldung",
        "Kinderbetreuung",
        "Wohnungssuche",
        "Aufenthaltserlaubnis",
        "Arbeitserlaubnis",
        "Beratung",
        "Hausaufgabenhilfe",
        "Führerschein",
        "Krankenversicherung",
        "Kindergeld",
        "Elterngeld",
        "Schulanmeldung",
        "Berufsausbildung",
        "Anerkennung",
        "Einbürgerung",
        "Integrationskurs",
        "Bürgergeld",
        "Wohngeld",
        "Mietvertrag",
        "Bewerbung",
        "Praktikum",
        "Ehrenamt",
        "Sportverein",
        "Musikschule",
        "Bibliotheksausweis",
        "Busfahrkarte",
        "Arzttermin",
        "Impfung",
        "Dolmetscher",
        "Übersetzung",
        "Jobcenter",
        "Ausländerbehörde",
        "Familienzentrum",
        "Jugendtreff",
        "Nähcafé",
        "Frauenfrühstück",
        "Fahrradwerkstatt",
        "Stadtführung",
        "Nachbarschaftsfest",
    ],
    groups: &[
        "Familien",
        "Geflüchtete",
        "Jugendliche",
        "Senioren",
        "Studierende",
        "Alleinerziehende",
        "Frauen",
        "Männer",
        "Kinder",
        "Neuankömmlinge",
        "Arbeitssuchende",
        "Schüler",
        "Eltern",
        "Nachbarn",
        "Ehrenamtliche",
        "Menschen mit Behinderung",
        "Rentner",
        "Auszubildende",
        "Zugewanderte",
        "Großeltern",
        "Mütter",
        "Väter",
        "Vereine",
        "Gemeinden",
        "Künstler",
    ],
    places: &[
        "Herford",
        "Bünde",
        "Löhne",
        "Enger",
        "Spenge",
        "Vlotho",
        "Hiddenhausen",
        "Kirchlengern",
        "Rödinghausen",
        "Bad Oeynhausen",
        "Bielefeld",
        "Minden",
        "Detmold",
        "Gütersloh",
        "Lemgo",
        "Bad Salzuflen",
        "Elverdissen",
        "Ennigloh",
        "Gohfeld",
        "Südlengern",
    ],
    quals: &[
        "am Wochenende",
        "am Abend",
        "ohne Termin",
        "kostenlos",
        "auf Türkisch",
        "auf Arabisch",
        "auf Russisch",
        "in den Ferien",
        "für Anfänger",
        "mit Kinderbetreuung",
    ],
    verbs: &[
        "beantragen",
        "bekommen",
        "finden",
        "buchen",
        "verlängern",
        "anmelden",
        "abmelden",
        "bezahlen",
        "ändern",
        "kündigen",
        "organisieren",
        "nutzen",
    ],
    frames: &[
        "Wie kann ich {n} für {m} in {p} {q} {v}?",
        "Wo gibt es {n} für {m} in {p} {q}?",
        "Ich möchte {n} für {m} in {p} {q} {v}.",
        "Gibt es in {p} {q} {n} für {m}?",
        "Wer hilft bei {n} für {m} in {p} {q}?",
        "{n} für {m} in {p} {q}: wie kann ich das {v}?",
    ],
    title: "{n} für {m} in {p} – {q}",
    answer: "{n} für {m} in {p} ({q}): Bitte wenden Sie sich an das Büro von widunetz.",
    topic: "Thema",
};

const TR: Vocab = Vocab {
    nouns: &[
        "dil kursu",
        "kayıt",
        "çocuk bakımı",
        "ev arama",
        "oturma izni",
        "çalışma izni",
        "danışmanlık",
        "ödev yardımı",
        "ehliyet",
        "sağlık sigortası",
        "çocuk parası",
        "ebeveyn parası",
        "okul kaydı",
        "meslek eğitimi",
        "diploma denkliği",
        "vatandaşlık",
        "uyum kursu",
        "sosyal yardım",
        "kira yardımı",
        "kira sözleşmesi",
        "iş başvurusu",
        "staj",
        "gönüllülük",
        "spor kulübü",
        "müzik okulu",
        "kütüphane kartı",
        "otobüs bileti",
        "doktor randevusu",
        "aşı",
        "tercüman",
        "belge çevirisi",
        "iş ajansı",
        "yabancılar dairesi",
        "aile merkezi",
        "gençlik merkezi",
        "dikiş kafesi",
        "kadın kahvaltısı",
        "bisiklet atölyesi",
        "şehir turu",
        "komşuluk şenliği",
    ],
    groups: &[
        "aileler",
        "mülteciler",
        "gençler",
        "yaşlılar",
        "öğrenciler",
        "yalnız ebeveynler",
        "kadınlar",
        "erkekler",
        "çocuklar",
        "yeni gelenler",
        "iş arayanlar",
        "okul öğrencileri",
        "anne babalar",
        "komşular",
        "gönüllüler",
        "engelliler",
        "emekliler",
        "çıraklar",
        "göçmenler",
        "büyükanneler",
        "anneler",
        "babalar",
        "dernekler",
        "cemaatler",
        "sanatçılar",
    ],
    places: DE.places,
    quals: &[
        "hafta sonu",
        "akşamları",
        "randevusuz",
        "ücretsiz",
        "Türkçe",
        "Arapça",
        "Rusça",
        "tatilde",
        "yeni başlayanlar için",
        "çocuk bakımıyla",
    ],
    verbs: &[
        "başvurmak",
        "almak",
        "bulmak",
        "ayırtmak",
        "uzatmak",
        "kaydolmak",
        "iptal etmek",
        "ödemek",
        "değiştirmek",
        "sonlandırmak",
        "düzenlemek",
        "kullanmak",
    ],
    frames: &[
        "{m} için {p} şehrinde {q} {n} {v} istiyorum, nasıl olur?",
        "{p} şehrinde {q} {m} için {n} nerede var?",
        "{m} için {n} {v} için ne yapmalıyım? {p}, {q}",
        "{p} şehrinde {m} için {q} {n} var mı?",
        "{p} şehrinde {m} için {n} konusunda {q} kim yardım eder?",
        "{n}, {m}, {p}, {q}: bunu nasıl {v} mümkün?",
    ],
    title: "{p}: {m} için {n} – {q}",
    answer: "{p}: {m} için {n} ({q}). Lütfen widunetz bürosuna başvurun.",
    topic: "Konu",
};

const RU: Vocab = Vocab {
    nouns: &[
        "языковой курс",
        "регистрация",
        "присмотр за детьми",
        "поиск жилья",
        "вид на жительство",
        "разрешение на работу",
        "консультация",
        "помощь с уроками",
        "водительские права",
        "медицинская страховка",
        "детское пособие",
        "родительское пособие",
        "запись в школу",
        "профессиональное обучение",
        "признание диплома",
        "гражданство",
        "интеграционный курс",
        "социальная помощь",
        "жилищная субсидия",
        "договор аренды",
        "резюме",
        "стажировка",
        "волонтёрство",
        "спортивный клуб",
        "музыкальная школа",
        "читательский билет",
        "проездной билет",
        "запись к врачу",
        "прививка",
        "переводчик",
        "перевод документов",
        "центр занятости",
        "ведомство по делам иностранцев",
        "семейный центр",
        "молодёжный клуб",
        "швейное кафе",
        "женский завтрак",
        "велосипедная мастерская",
        "экскурсия по городу",
        "соседский праздник",
    ],
    groups: &[
        "семьи",
        "беженцы",
        "подростки",
        "пожилые люди",
        "студенты",
        "одинокие родители",
        "женщины",
        "мужчины",
        "дети",
        "новички",
        "безработные",
        "школьники",
        "родители",
        "соседи",
        "волонтёры",
        "люди с инвалидностью",
        "пенсионеры",
        "ученики",
        "мигранты",
        "бабушки",
        "мамы",
        "папы",
        "объединения",
        "общины",
        "художники",
    ],
    places: &[
        "Херфорд",
        "Бюнде",
        "Лёне",
        "Энгер",
        "Шпенге",
        "Флото",
        "Хидденхаузен",
        "Кирхленгерн",
        "Рёдингхаузен",
        "Бад-Эйнхаузен",
        "Билефельд",
        "Минден",
        "Детмольд",
        "Гютерсло",
        "Лемго",
        "Бад-Зальцуфлен",
        "Эльвердиссен",
        "Эннигло",
        "Гофельд",
        "Зюдленгерн",
    ],
    quals: &[
        "в выходные",
        "вечером",
        "без записи",
        "бесплатно",
        "на турецком",
        "на арабском",
        "на русском",
        "в каникулы",
        "для начинающих",
        "с присмотром за детьми",
    ],
    verbs: &[
        "оформить",
        "получить",
        "найти",
        "забронировать",
        "продлить",
        "записаться",
        "отменить",
        "оплатить",
        "изменить",
        "расторгнуть",
        "организовать",
        "использовать",
    ],
    frames: &[
        "Как {v} {n} для {m} в {p} {q}?",
        "Где в {p} можно {v} {n} {q}? Это для {m}.",
        "Хочу {v} {n}: {m}, {p}, {q}.",
        "Есть ли в {p} {n} для {m} {q}?",
        "Кто поможет, {n} для {m} в {p} {q}?",
        "{n} для {m}, {p}, {q}: как {v}?",
    ],
    title: "{n} для {m} в {p} – {q}",
    answer: "{n} для {m} в {p} ({q}): обратитесь, пожалуйста, в офис widunetz.",
    topic: "Тема",
};

const AR: Vocab = Vocab {
    nouns: &[
        "دورة اللغة",
        "التسجيل",
        "رعاية الأطفال",
        "البحث عن سكن",
        "تصريح الإقامة",
        "تصريح العمل",
        "الاستشارة",
        "المساعدة في الواجبات",
        "رخصة القيادة",
        "التأمين الصحي",
        "إعانة الأطفال",
        "إعانة الوالدين",
        "تسجيل المدرسة",
        "التدريب المهني",
        "معادلة الشهادة",
        "الجنسية",
        "دورة الاندماج",
        "المساعدة الاجتماعية",
        "دعم الإيجار",
        "عقد الإيجار",
        "طلب العمل",
        "التدريب العملي",
        "العمل التطوعي",
        "النادي الرياضي",
        "مدرسة الموسيقى",
        "بطاقة المكتبة",
        "تذكرة الحافلة",
        "موعد الطبيب",
        "التطعيم",
        "المترجم",
        "ترجمة الوثائق",
        "مكتب العمل",
        "دائرة الأجانب",
        "مركز الأسرة",
        "نادي الشباب",
        "مقهى الخياطة",
        "فطور النساء",
        "ورشة الدراجات",
        "جولة في المدينة",
        "حفلة الجيران",
    ],
    groups: &[
        "العائلات",
        "اللاجئين",
        "الشباب",
        "كبار السن",
        "الطلاب",
        "الآباء العازبين",
        "النساء",
        "الرجال",
        "الأطفال",
        "القادمين الجدد",
        "الباحثين عن عمل",
        "التلاميذ",
        "الأهل",
        "الجيران",
        "المتطوعين",
        "ذوي الإعاقة",
        "المتقاعدين",
        "المتدربين",
        "المهاجرين",
        "الأجداد",
        "الأمهات",
        "الآباء",
        "الجمعيات",
        "المجتمعات",
        "الفنانين",
    ],
    places: &[
        "هيرفورد",
        "بونده",
        "لونه",
        "إنغر",
        "شبنغه",
        "فلوتو",
        "هيدنهاوزن",
        "كيرشلنغرن",
        "رودينغهاوزن",
        "باد أوينهاوزن",
        "بيليفيلد",
        "ميندن",
        "ديتمولد",
        "غوترسلوه",
        "ليمغو",
        "باد سالزوفلن",
        "إلفرديسن",
        "إنيغلوه",
        "غوفيلد",
        "زودلنغرن",
    ],
    quals: &[
        "في عطلة نهاية الأسبوع",
        "في المساء",
        "بدون موعد",
        "مجانا",
        "باللغة التركية",
        "باللغة العربية",
        "باللغة الروسية",
        "في العطلة",
        "للمبتدئين",
        "مع رعاية الأطفال",
    ],
    verbs: &[
        "أقدم على",
        "أحصل على",
        "أجد",
        "أحجز",
        "أمدد",
        "أسجل في",
        "ألغي",
        "أدفع",
        "أغير",
        "أنهي",
        "أنظم",
        "أستخدم",
    ],
    frames: &[
        "كيف {v} {n} من أجل {m} في {p} {q}؟",
        "أين يمكنني أن {v} {n} في {p} {q}؟ هذا من أجل {m}",
        "أريد أن {v} {n} - {m} - {p} - {q}",
        "هل يوجد في {p} {n} من أجل {m} {q}؟",
        "من يساعد في {n} من أجل {m} في {p} {q}؟",
        "{n} من أجل {m} في {p} {q}: كيف {v}؟",
    ],
    title: "{n} من أجل {m} في {p} – {q}",
    answer: "{n} من أجل {m} في {p} ({q}): يرجى التواصل مع مكتب widunetz.",
    topic: "موضوع",
};

fn vocab(lang: &str) -> &'static Vocab {
    match lang {
        "tr" => &TR,
        "ru" => &RU,
        "ar" => &AR,
        _ => &DE,
    }
}

/// The (service, group, town, qualifier) of entry `i`: a bijection of `0..200_000` spread
/// over all four lists, so small knowledge bases vary every slot too.
fn slots(i: usize) -> [usize; 4] {
    const TOTAL: usize = 40 * 25 * 20 * 10;
    let x = (i % TOTAL * 7_919 + 13) % TOTAL;
    [x % 40, x / 40 % 25, x / 1_000 % 20, x / 20_000]
}

fn fill(frame: &str, v: &Vocab, s: [usize; 4], verb: usize) -> String {
    frame
        .replace("{n}", v.nouns[s[0] % v.nouns.len()])
        .replace("{m}", v.groups[s[1] % v.groups.len()])
        .replace("{p}", v.places[s[2] % v.places.len()])
        .replace("{q}", v.quals[s[3] % v.quals.len()])
        .replace("{v}", v.verbs[verb % v.verbs.len()])
}

/// A TOML basic string: TOML's basic strings escape like JSON's for the characters that
/// occur here (quote, backslash, control characters).
fn toml_str(s: &str) -> String {
    json_str(s)
}

/// Writes a knowledge base of `n` entries to `dir/faq` and `dir/locales`. The shipped
/// small talk and user-interface texts are copied from `shipped` (a repository root), so
/// the bot around the matcher is complete.
pub fn write(dir: &Path, n: usize, shipped: &Path) -> std::io::Result<()> {
    let faq = dir.join("faq");
    std::fs::create_dir_all(&faq)?;
    std::fs::copy(
        shipped.join("faq/smalltalk.toml"),
        faq.join("smalltalk.toml"),
    )?;
    for (f, chunk) in (0..n).collect::<Vec<_>>().chunks(PER_FILE).enumerate() {
        let mut out = String::new();
        for &i in chunk {
            let s = slots(i);
            let _ = writeln!(out, "[[entry]]\nid = \"e{i}\"\ntopic = \"t{}\"", i % 10);
            out.push_str("\n[entry.questions]\n");
            for lang in LANGS {
                let v = vocab(lang);
                let qs: Vec<String> = (0..VARIANTS)
                    .map(|k| {
                        let frame = v.frames[(i + k) % v.frames.len()];
                        toml_str(&fill(frame, v, s, i * 7 + k * 5))
                    })
                    .collect();
                let _ = writeln!(out, "{lang} = [{}]", qs.join(", "));
            }
            out.push('\n');
        }
        std::fs::write(faq.join(format!("{f:04}.toml")), out)?;
    }
    for lang in LANGS {
        let v = vocab(lang);
        let loc = dir.join("locales").join(lang);
        std::fs::create_dir_all(&loc)?;
        std::fs::copy(
            shipped.join("locales").join(lang).join("ui.ftl"),
            loc.join("ui.ftl"),
        )?;
        let mut w = std::io::BufWriter::new(std::fs::File::create(loc.join("faq.ftl"))?);
        for t in 0..10 {
            writeln!(w, "topic-t{t} = {} {t}", v.topic)?;
        }
        for i in 0..n {
            let s = slots(i);
            writeln!(w, "faq-e{i}-title = {}", fill(v.title, v, s, 0))?;
            writeln!(w, "faq-e{i}-answer = {}", fill(v.answer, v, s, 0))?;
        }
        w.flush()?;
    }
    Ok(())
}

/// Letters without their diacritics, as people type them on a keyboard without them.
fn strip_marks(lang: &str, text: &str) -> String {
    let mut o = String::with_capacity(text.len());
    for c in text.chars() {
        match (lang, c) {
            ("de", 'ä') => o.push('a'),
            ("de", 'ö') => o.push('o'),
            ("de", 'ü') => o.push('u'),
            ("de", 'Ä') => o.push('A'),
            ("de", 'Ö') => o.push('O'),
            ("de", 'Ü') => o.push('U'),
            ("de", 'ß') => o.push_str("ss"),
            ("tr", 'ş') => o.push('s'),
            ("tr", 'Ş') => o.push('S'),
            ("tr", 'ı') => o.push('i'),
            ("tr", 'İ') => o.push('I'),
            ("tr", 'ğ') => o.push('g'),
            ("tr", 'ç') => o.push('c'),
            ("tr", 'ö') => o.push('o'),
            ("tr", 'ü') => o.push('u'),
            ("ru", 'ё') => o.push('е'),
            ("ru", 'Ё') => o.push('Е'),
            ("ar", 'أ' | 'إ' | 'آ') => o.push('ا'),
            ("ar", 'ة') => o.push('ه'),
            ("ar", 'ى') => o.push('ي'),
            ("ar", '\u{64B}'..='\u{652}') => {}
            _ => o.push(c),
        }
    }
    o
}

/// One typo in a random word of at least 4 letters: deletion, transposition of neighbours,
/// substitution or insertion (letters taken from the same word, so the script stays).
fn typo(words: &mut [String], rng: &mut Rng) -> bool {
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if long.is_empty() {
        return false;
    }
    let wi = long[rng.below(long.len())];
    let mut cs: Vec<char> = words[wi].chars().collect();
    let letters: Vec<usize> = (0..cs.len()).filter(|&i| cs[i].is_alphabetic()).collect();
    // Not the first letter: people rarely mistype it, and it keeps the word recognisable.
    let at = letters[1 + rng.below(letters.len() - 1)];
    match rng.below(4) {
        0 => {
            cs.remove(at);
        }
        1 if at + 1 < cs.len() && cs[at + 1].is_alphabetic() => cs.swap(at, at + 1),
        2 => cs[at] = cs[letters[rng.below(letters.len())]],
        _ => cs.insert(at, cs[letters[rng.below(letters.len())]]),
    }
    let changed: String = cs.into_iter().collect();
    let did = changed != words[wi];
    words[wi] = changed;
    did
}

/// A labelled query made from a question variant: 1–2 typos, in half of the cases one of
/// the two shortest words dropped (function words, mostly), in half of the cases the
/// diacritics missing. Never the variant text itself.
pub fn perturb(lang: &str, text: &str, rng: &mut Rng) -> String {
    for _ in 0..8 {
        let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        if words.len() >= 5 && rng.coin() {
            let mut by_len: Vec<usize> = (0..words.len()).collect();
            by_len.sort_by_key(|&i| (words[i].chars().count(), i));
            words.remove(by_len[rng.below(2)]);
        }
        let typos = 1 + rng.below(2);
        for _ in 0..typos {
            typo(&mut words, rng);
        }
        let mut q = words.join(" ");
        if rng.coin() {
            q = strip_marks(lang, &q);
        }
        if q != text {
            return q;
        }
    }
    format!("{text} ?")
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}
