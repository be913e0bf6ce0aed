//! Tests of the profiles: the built-in ones, the fold rules and profile files.

use super::*;

#[test]
fn builtin_profiles_are_clean() {
    for &(code, file, src) in BUILTIN {
        let (p, problems) = Profile::parse(code, Path::new(file), src, Source::BuiltIn(file));
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(problems.is_empty(), "{code}: {msgs:#?}");
        // A language without a Snowball stemmer has a light suffix rule set instead.
        assert!(p.script.is_some(), "{code}");
        assert!(p.stemmer.is_some() || !p.stem_endings.is_empty(), "{code}");
        assert!(!p.markers.is_empty(), "{code}: markers for detection");
        assert!(
            !p.stopwords.is_empty() && !p.question_words.is_empty(),
            "{code}"
        );
        assert!(builtin(code).is_some(), "{code}");
    }
}

#[test]
fn builtin_profile_scripts_and_stemmers() {
    for (code, script, stemmer) in [
        ("de", Script::Latin, Algorithm::German),
        ("tr", Script::Latin, Algorithm::Turkish),
        ("ru", Script::Cyrillic, Algorithm::Russian),
        ("ar", Script::Arabic, Algorithm::Arabic),
        ("en", Script::Latin, Algorithm::English),
    ] {
        let p = builtin(code).expect("built in");
        assert_eq!(p.script, Some(script), "{code}");
        assert_eq!(p.stemmer, Some(stemmer), "{code}");
    }
    assert!(builtin("de").is_some_and(|p| p.digraphs));
    assert!(builtin("tr").is_some_and(|p| !p.digraphs));
    for (code, script) in [("uk", Script::Cyrillic), ("fa", Script::Arabic)] {
        let p = builtin(code).expect("built in");
        assert_eq!((p.script, p.stemmer), (Some(script), None), "{code}");
    }
    // Only Turkish and German cut suffixes after an apostrophe ("İzmir'de", "geht's");
    // it would cut Ukrainian words («м'ята»).
    assert!(builtin("tr").is_some_and(|p| p.apostrophe_suffixes));
    assert!(builtin("de").is_some_and(|p| p.apostrophe_suffixes));
    for code in ["en", "ru", "uk", "ar", "fa"] {
        assert!(
            builtin(code).is_some_and(|p| !p.apostrophe_suffixes),
            "{code}"
        );
    }
    assert!(builtin("tr").is_some_and(|p| p.apostrophe_suffixes));
}

#[test]
fn fold_rules() {
    let f = parse_fold("slm = selam").expect("ok");
    assert_eq!(
        (f.kind, f.from.as_str(), f.to.as_str()),
        (FoldKind::Words, "slm", "selam")
    );
    let f = parse_fold("knk =").expect("ok");
    assert_eq!((f.kind, f.to.as_str()), (FoldKind::Words, ""));
    let f = parse_fold("-yo = -yor").expect("ok");
    assert_eq!(
        (f.kind, f.from.as_str(), f.to.as_str()),
        (FoldKind::Suffix, "yo", "yor")
    );
    let f = parse_fold("هال- = ال-").expect("ok");
    assert_eq!(
        (f.kind, f.from.as_str(), f.to.as_str()),
        (FoldKind::Prefix, "هال", "ال")
    );
    let f = parse_fold("ne zmn = ne zaman").expect("ok");
    assert_eq!((f.kind, f.from.as_str()), (FoldKind::Words, "ne zmn"));
    assert!(parse_fold("no equals sign").is_err());
    assert!(parse_fold(" = x").is_err());
    assert!(
        parse_fold("-yo = yor").is_err(),
        "an ending replaces an ending"
    );
    assert!(parse_fold("-a b = -c").is_err());
}

#[test]
fn profile_file_problems_have_lines() {
    let src = "script = \"Klingon\"\nstemmer = \"elvish\"\nfolds = [\n  \"ok = fine\",\n  \"broken\",\n]\nstopwords = [\"\"]\n";
    let (p, problems) = Profile::parse(
        "xx",
        Path::new("locales/xx/profile.toml"),
        src,
        Source::Default,
    );
    let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 4, "{msgs:#?}");
    for (line, phrase) in [
        (1, "unknown script"),
        (2, "unknown stemmer"),
        (5, "no \"=\""),
        (7, "empty"),
    ] {
        assert!(
            msgs.iter()
                .any(|m| m.contains(&format!("profile.toml:{line}:")) && m.contains(phrase)),
            "line {line} {phrase}: {msgs:#?}"
        );
    }
    assert_eq!(p.folds.len(), 1, "the good rule is kept");
    let (_, problems) = Profile::parse("xx", Path::new("p.toml"), "colour = 1\n", Source::Default);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location.line, Some(1));
}

#[test]
fn default_profiles() {
    let p = Profile::default_for("pt-BR");
    assert_eq!(p.stemmer, Some(Algorithm::Portuguese));
    assert_eq!(p.script, None);
    assert_eq!(Profile::default_for("ti").stemmer, None);
    let ps = Profiles::builtin();
    assert_eq!(ps.get("de").source, Source::BuiltIn("src/lang/de.toml"));
    assert_eq!(ps.get("ti").source, Source::Default);
}

#[test]
fn locales_profile_replaces_builtin() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("ti")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("de")).expect("mkdir");
    std::fs::write(
        dir.path().join("ti").join(PROFILE_FILE),
        "script = \"Ethiopic\"\nstopwords = [\"እዩ\"]\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("de").join(PROFILE_FILE),
        "stemmer = \"none\"\n",
    )
    .expect("write");
    let (ps, problems) = Profiles::load(dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ps.get("ti").script, Some(Script::Ethiopic));
    assert_eq!(ps.get("de").stemmer, None);
    assert_eq!(ps.get("tr").stemmer, Some(Algorithm::Turkish));
}

#[test]
fn keyboard_rules_are_one_letter_each() {
    let (p, problems) = Profile::parse(
        "uk",
        Path::new("locales/uk/profile.toml"),
        "keyboard = [\"і = и\", \"є = е\", \"ї = йи\", \"ґ\"]\n",
        Source::Default,
    );
    assert_eq!(p.keyboard, vec![('і', 'и'), ('є', 'е')]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].to_string().contains(":1:"), "{}", problems[0]);
}
