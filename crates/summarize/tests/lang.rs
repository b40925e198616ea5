//! Briefs in languages other than English: language choice, exact spans, the neutral path.

use nutgraf_summarize::render::{json, text};
use nutgraf_summarize::{Error, LangChoice, Length, Options, Reason, Summarizer};
use nutgraf_text::Lang;

const ES: &str = include_str!("fixtures/lang/es-mercado.txt");
const EN: &str = include_str!("fixtures/lang/en-market.txt");

fn summarizer(lang: LangChoice, n: usize) -> Summarizer {
    Summarizer::new(Options { length: Length::Sentences(n), ..Options::default() }).with_lang(lang)
}

#[test]
fn spanish_article_detected_and_summarized_with_exact_spans() {
    let brief = summarizer(LangChoice::Auto, 4).summarize(ES).unwrap();
    assert_eq!(brief.language.lang, Lang::Spanish);
    assert!(brief.language.detected && brief.language.warning.is_none());
    assert!(brief.language.confidence > 0.5);
    assert_eq!(brief.sentences.len(), 4);
    for (k, s) in brief.sentences.iter().enumerate() {
        assert_eq!(&ES[s.span], brief.text(k));
    }
    assert!(brief.text(0).starts_with("El Ayuntamiento de Valdeluna aprobó"), "{}", brief.text(0));
    // Abbreviations and ordinals did not split sentences.
    let all: Vec<&str> = brief.omitted.iter().map(|o| &ES[o.span]).chain((0..4).map(|k| brief.text(k))).collect();
    assert!(all.iter().any(|s| s.starts_with("La Dra. Elena Campos")), "{all:?}");
    assert!(!all.contains(&"La Dra."), "{all:?}");
    // The subscribe prompt never makes a brief.
    let prompt = brief.omitted.iter().find(|o| ES[o.span].starts_with("Suscríbase")).expect("omitted");
    assert_eq!(prompt.reason, Reason::Boilerplate);
}

#[test]
fn given_language_is_reported_as_given() {
    let brief = summarizer(LangChoice::Given(Lang::Spanish), 3).summarize(ES).unwrap();
    assert!(!brief.language.detected);
    assert_eq!(brief.language.confidence, 1.0);
    let v: serde_json::Value = serde_json::from_str(&json(&brief)).unwrap();
    assert_eq!(v["language"]["code"], "es");
    assert_eq!(v["language"]["name"], "Spanish");
    assert_eq!(v["language"]["support"], "full");
    assert_eq!(v["language"]["detected"], false);
    assert!(v["language"].get("warning").is_none());
}

#[test]
fn english_default_is_unchanged_and_auto_agrees() {
    let default = Summarizer::new(Options { length: Length::Sentences(3), ..Options::default() });
    let a = default.summarize(EN).unwrap();
    let b = summarizer(LangChoice::Auto, 3).summarize(EN).unwrap();
    assert_eq!(a.language.lang, Lang::English);
    assert!(!a.language.detected);
    assert_eq!(b.language.lang, Lang::English);
    assert_eq!(text(&a), text(&b));
}

#[test]
fn basic_support_language_has_no_opinion_rules() {
    // A French article: no English lexicon judges it, but boilerplate-free selection works.
    let fr =
        "Le conseil municipal de Valdeluna a adopté mardi un plan de 3,5 millions d'euros pour rénover le marché.\n\
              Le vote a eu lieu après quatre heures de débat devant plus de 200 habitants.\n\
              « Ce marché est le cœur de la ville », a déclaré la maire, Marta Ibáñez.\n\
              M. Rubio a expliqué que le toit de 1978 ne pouvait plus être réparé.";
    let brief = summarizer(LangChoice::Auto, 2).summarize(fr).unwrap();
    assert_eq!(brief.language.lang, Lang::French);
    assert!(brief.loaded.is_empty());
    assert!(brief.omitted.iter().all(|o| o.reason != Reason::Opinion));
    let v: serde_json::Value = serde_json::from_str(&json(&brief)).unwrap();
    assert_eq!(v["language"]["support"], "basic");
    assert_eq!(brief.sentences.len(), 2);
    assert_eq!(brief.sentences_in, 4, "M. Rubio is not a sentence end");
}

#[test]
fn mixed_article_falls_back_with_a_warning_and_exact_spans() {
    let es_part: String = ES.split("\n\n").take(4).collect::<Vec<_>>().join("\n\n");
    let en_part: String = EN.split("\n\n").take(4).collect::<Vec<_>>().join("\n\n");
    let mixed = format!("{es_part}\n\n{en_part}");
    let brief = summarizer(LangChoice::Auto, 3).summarize(&mixed).unwrap();
    assert_eq!(brief.language.lang, Lang::Other);
    let warning = brief.language.warning.as_deref().expect("a warning");
    assert!(warning.contains("mixes"), "{warning}");
    assert_eq!(brief.sentences.len(), 3);
    for (k, s) in brief.sentences.iter().enumerate() {
        assert_eq!(&mixed.as_str()[s.span], brief.text(k));
    }
    let v: serde_json::Value = serde_json::from_str(&json(&brief)).unwrap();
    assert_eq!(v["language"]["code"], "und");
    assert_eq!(v["language"]["support"], "neutral");
    assert!(v["language"]["warning"].as_str().unwrap().contains("mixes"));
}

#[test]
fn unspaced_script_gives_sentences_not_a_panic() {
    let zh = "市议会周二通过了明年的预算。预算包括提高地方税。市长表示，这份预算保护了每一座图书馆！反对派会上诉吗？";
    let brief = summarizer(LangChoice::Auto, 2).summarize(zh).unwrap();
    assert_eq!(brief.language.lang, Lang::Other);
    assert!(brief.language.warning.as_deref().unwrap().contains("no language tables"));
    assert_eq!(brief.sentences_in, 4);
    assert_eq!(brief.sentences.len(), 2);
    assert!(brief.text(0).ends_with('。'));
}

#[test]
fn empty_spanish_article_is_a_clear_error() {
    for lang in [LangChoice::Given(Lang::Spanish), LangChoice::Auto] {
        let err = summarizer(lang, 2).summarize(" \n\n ").unwrap_err();
        assert!(matches!(err, Error::Input(_)), "{err:?}");
        assert!(err.to_string().contains("empty"), "{err}");
    }
}

proptest::proptest! {
    /// Any text, in any language setting: a brief with exact spans or a clear error, never a panic.
    #[test]
    fn any_text_any_language_never_panics(
        input in "[a-zA-Zñáéü .,!?¿¡«»—\"'\n市议会。！？สภา3]{0,300}",
        k in 0usize..20,
    ) {
        let lang = if k == 19 { LangChoice::Auto } else { LangChoice::Given(Lang::ALL[k]) };
        if let Ok(brief) = summarizer(lang, 2).summarize(&input) {
            for (i, s) in brief.sentences.iter().enumerate() {
                proptest::prop_assert_eq!(&input.as_str()[s.span], brief.text(i));
            }
        }
    }
}
