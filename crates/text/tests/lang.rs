//! Languages other than English: segmentation batteries per language, detection on short texts,
//! mixed and unsupported text. Every sentence here was written for these tests.

use nutgraf_text::{detect, Document, Lang};

fn sentences(input: &str, lang: Lang) -> Vec<&str> {
    let doc = Document::with_lang(input, lang);
    assert_eq!(doc.lang, lang);
    doc.sentences.iter().map(|s| &input[s.span]).collect()
}

/// The spans cover the input: ordered, inside their paragraph, gaps of whitespace only.
fn check_cover(input: &str, lang: Lang) {
    let doc = Document::with_lang(input, lang);
    let mut at = 0;
    for s in &doc.sentences {
        assert!(s.span.start >= at && !s.span.is_empty(), "{input:?}");
        assert!(doc.paragraphs[s.paragraph].span.contains(s.span));
        assert!(input[at..s.span.start].chars().all(char::is_whitespace), "gap in {input:?}");
        assert_eq!(&input[s.span], input[s.span].trim());
        at = s.span.end;
    }
    assert!(input[at..].chars().all(char::is_whitespace));
}

fn battery(lang: Lang, cases: Vec<(&str, Vec<&str>)>) {
    for (input, expected) in cases {
        check_cover(input, lang);
        assert_eq!(sentences(input, lang), expected, "{lang}: {input:?}");
    }
}

#[test]
fn spanish() {
    battery(
        Lang::Spanish,
        vec![
            (
                "El Sr. García y la Sra. Núñez llegaron a las diez. La Dra. Ruiz no vino.",
                vec!["El Sr. García y la Sra. Núñez llegaron a las diez.", "La Dra. Ruiz no vino."],
            ),
            (
                "Dña. Carmen Vidal y D. Luis Prieto firmaron. Ud. lo sabe. Uds. también.",
                vec!["Dña. Carmen Vidal y D. Luis Prieto firmaron.", "Ud. lo sabe.", "Uds. también."],
            ),
            (
                "La cumbre con EE. UU. se aplazó. Los acuerdos con EE.UU. siguen vigentes.",
                vec!["La cumbre con EE. UU. se aplazó.", "Los acuerdos con EE.UU. siguen vigentes."],
            ),
            (
                "Compraron pan, leche, etc. La tienda cerró a las nueve.",
                vec!["Compraron pan, leche, etc.", "La tienda cerró a las nueve."],
            ),
            (
                "Véase el art. 14 de la ley, núm. 7, pág. 23. Son aprox. 40 páginas.",
                vec!["Véase el art. 14 de la ley, núm. 7, pág. 23.", "Son aprox. 40 páginas."],
            ),
            (
                "Quedó en 1.º lugar y su hermana en 2.ª posición. El 3.er puesto fue para Lugo.",
                vec!["Quedó en 1.º lugar y su hermana en 2.ª posición.", "El 3.er puesto fue para Lugo."],
            ),
            (
                "La inversión alcanza 3,5 millones de euros. El paro bajó al 12,4 %. Hay 3.500 vecinos.",
                vec!["La inversión alcanza 3,5 millones de euros.", "El paro bajó al 12,4 %.", "Hay 3.500 vecinos."],
            ),
            (
                "«No pienso cerrar la tienda.» El comerciante lo repitió. \u{201C}Es injusto.\u{201D} Nadie respondió.",
                vec![
                    "«No pienso cerrar la tienda.»",
                    "El comerciante lo repitió.",
                    "\u{201C}Es injusto.\u{201D}",
                    "Nadie respondió.",
                ],
            ),
            (
                "¿Qué pasará ahora? ¡Nadie lo sabe! La reunión sigue.",
                vec!["¿Qué pasará ahora?", "¡Nadie lo sabe!", "La reunión sigue."],
            ),
            (
                "—¿Vienes mañana? —preguntó Ana. —No pienso cerrar la tienda —dijo el comerciante.",
                vec!["—¿Vienes mañana? —preguntó Ana.", "—No pienso cerrar la tienda —dijo el comerciante."],
            ),
            ("Primero.\n\nSegundo párrafo. Otra frase.", vec!["Primero.", "Segundo párrafo.", "Otra frase."]),
        ],
    );
}

#[test]
fn french() {
    battery(
        Lang::French,
        vec![
            (
                "M. Dupont et Mme Leroy sont arrivés. MM. Martin et Petit aussi. Le débat a commencé.",
                vec!["M. Dupont et Mme Leroy sont arrivés.", "MM. Martin et Petit aussi.", "Le débat a commencé."],
            ),
            (
                "Le texte cite l'art. 12, p. 4. Il y a des pommes, des poires, etc. Le marché ferme.",
                vec!["Le texte cite l'art. 12, p. 4.", "Il y a des pommes, des poires, etc.", "Le marché ferme."],
            ),
            (
                "« Nous ne céderons pas », a déclaré la ministre. Elle est partie.",
                vec!["« Nous ne céderons pas », a déclaré la ministre.", "Elle est partie."],
            ),
        ],
    );
}

#[test]
fn german() {
    battery(
        Lang::German,
        vec![
            (
                "Dr. Weber und Prof. Schulz kamen z. B. aus Bonn. Die Sitzung begann am 3. Oktober um neun Uhr.",
                vec![
                    "Dr. Weber und Prof. Schulz kamen z. B. aus Bonn.",
                    "Die Sitzung begann am 3. Oktober um neun Uhr.",
                ],
            ),
            (
                "Es gab Brot, Käse usw. Danach sprach Hr. Wagner. Die Kosten lagen bei 3,5 Mio. Euro.",
                vec!["Es gab Brot, Käse usw.", "Danach sprach Hr. Wagner.", "Die Kosten lagen bei 3,5 Mio. Euro."],
            ),
            (
                "Sie wohnt in der Hauptstr. 5 in Köln. Das Haus ist alt.",
                vec!["Sie wohnt in der Hauptstr. 5 in Köln.", "Das Haus ist alt."],
            ),
        ],
    );
}

#[test]
fn italian_portuguese_dutch() {
    battery(
        Lang::Italian,
        vec![(
            "Il Sig. Rossi e la Sig.ra Bianchi sono arrivati. Il Dott. Verdi no. Il bilancio dell'anno è chiuso.",
            vec![
                "Il Sig. Rossi e la Sig.ra Bianchi sono arrivati.",
                "Il Dott. Verdi no.",
                "Il bilancio dell'anno è chiuso.",
            ],
        )],
    );
    battery(
        Lang::Portuguese,
        vec![(
            "O Sr. Costa e a Sra. Lima chegaram. A Dra. Alves falou depois. O custo foi de 2,5 milhões.",
            vec!["O Sr. Costa e a Sra. Lima chegaram.", "A Dra. Alves falou depois.", "O custo foi de 2,5 milhões."],
        )],
    );
    battery(
        Lang::Dutch,
        vec![(
            "Dhr. Jansen en Mevr. de Vries kwamen bijv. uit Utrecht. Dr. Bakker bleef thuis. Het regende.",
            vec!["Dhr. Jansen en Mevr. de Vries kwamen bijv. uit Utrecht.", "Dr. Bakker bleef thuis.", "Het regende."],
        )],
    );
}

#[test]
fn scripts_without_spaces() {
    // Chinese and Japanese: sentences end at 。！？ with no space after them.
    battery(
        Lang::Other,
        vec![
            (
                "市议会周二通过了预算。市长表示满意！反对派呢？他们没有发言。",
                vec!["市议会周二通过了预算。", "市长表示满意！", "反对派呢？", "他们没有发言。"],
            ),
            (
                "「予算は承認された。」と市長は述べた。会議は終わった。",
                vec!["「予算は承認された。」", "と市長は述べた。", "会議は終わった。"],
            ),
            // Thai marks no sentence end: each paragraph is one sentence, and nothing breaks.
            (
                "สภาเมืองอนุมัติงบประมาณ นายกเทศมนตรีพอใจ\n\nการประชุมจบแล้ว",
                vec!["สภาเมืองอนุมัติงบประมาณ นายกเทศมนตรีพอใจ", "การประชุมจบแล้ว"],
            ),
        ],
    );
}

#[test]
fn neutral_path_knows_common_titles() {
    // The neutral path also serves articles that mix languages.
    battery(
        Lang::Other,
        vec![(
            "Mr. Smith met Sra. Ruiz and Dr. Weber. They signed, etc. The deal closed.",
            vec!["Mr. Smith met Sra. Ruiz and Dr. Weber.", "They signed, etc.", "The deal closed."],
        )],
    );
}

#[test]
fn english_is_unchanged_by_with_lang() {
    let input = "Mr. Smith left at 5 p.m. on Jan. 5. \u{201C}It is done,\u{201D} she said.\n\nMore later.";
    let a = Document::new(input);
    let b = Document::with_lang(input, Lang::English);
    assert_eq!(a.sentences, b.sentences);
    assert_eq!(a.paragraphs, b.paragraphs);
}

#[test]
fn detection_of_short_texts() {
    let cases = vec![
        (
            Lang::Spanish,
            "El ayuntamiento aprobó ayer el presupuesto para el próximo año, que incluye una subida de los \
             impuestos locales y nuevas ayudas para las familias con menos ingresos.",
        ),
        (
            Lang::French,
            "Le conseil municipal a adopté hier le budget de l'année prochaine, qui prévoit une hausse des \
             impôts locaux et de nouvelles aides pour les familles modestes.",
        ),
        (
            Lang::German,
            "Der Stadtrat hat gestern den Haushalt für das kommende Jahr beschlossen, der höhere Gemeindesteuern \
             und neue Hilfen für Familien mit geringem Einkommen vorsieht.",
        ),
        (
            Lang::Italian,
            "Il consiglio comunale ha approvato ieri il bilancio per il prossimo anno, che prevede un aumento \
             delle tasse locali e nuovi aiuti per le famiglie a basso reddito.",
        ),
        (
            Lang::Portuguese,
            "A câmara municipal aprovou ontem o orçamento para o próximo ano, que inclui um aumento dos impostos \
             locais e novos apoios para as famílias com menos rendimentos.",
        ),
        (
            Lang::Dutch,
            "De gemeenteraad heeft gisteren de begroting voor het komende jaar goedgekeurd, met hogere lokale \
             belastingen en nieuwe steun voor gezinnen met een laag inkomen.",
        ),
        (
            Lang::English,
            "The city council approved the budget for next year on Tuesday, raising local taxes and adding new \
             help for families on low incomes.",
        ),
    ];
    for (lang, text) in cases {
        let d = detect(text);
        assert_eq!(d.lang, lang, "{text:?}: {d:?}");
        assert!(d.reliable && d.warning.is_none(), "{d:?}");
        assert!(d.confidence > 0.35 && d.confidence <= 1.0, "{d:?}");
    }
}

#[test]
fn mixed_and_unsupported_text_falls_back_with_a_warning() {
    let es = "El ayuntamiento aprobó ayer el presupuesto para el próximo año, que incluye una subida de los \
              impuestos locales y nuevas ayudas para las familias con menos ingresos. La alcaldesa defendió \
              las cuentas ante los vecinos, que llenaron el salón de plenos durante toda la tarde.";
    let en = "The council approved the budget for next year on Tuesday, raising local taxes and adding new \
              help for families on low incomes. The mayor defended the accounts before residents who filled \
              the chamber all afternoon, and the opposition said it would appeal.";
    let mixed = format!("{es}\n\n{en}\n\n{es}\n\n{en}");
    let d = detect(&mixed);
    assert_eq!(d.lang, Lang::Other, "{d:?}");
    let warning = d.warning.expect("a warning");
    assert!(warning.contains("mixes") && warning.contains("Spanish") && warning.contains("English"), "{warning}");
    let d = detect(&format!("{en}\n\n{en}\n\n{es}\n\n{es}\n\n{es}"));
    assert_eq!(d.lang, Lang::Other, "English first, then Spanish: {d:?}");
    assert!(d.warning.expect("a warning").contains("English"));

    let zh = "市议会周二通过了明年的预算，其中包括提高地方税和为低收入家庭提供新的援助。市长表示，这份预算保护了每一座图书馆。";
    let d = detect(zh);
    assert_eq!(d.lang, Lang::Other);
    assert_eq!(d.guess, Some("Mandarin"));
    assert!(d.warning.expect("a warning").contains("no language tables"));

    // A single language with a short quote in another stays that language.
    let quoted = format!("{es}\n\n\"We will appeal,\" said Ana.\n\n{es}");
    assert_eq!(detect(&quoted).lang, Lang::Spanish);
}

proptest::proptest! {
    #[test]
    fn spans_cover_input_in_every_language(
        input in "[a-zA-Z .!?\"'«»¿¡—ñáé3,()\u{3002}\u{FF01}\u{FF1F}市」\n]{0,200}",
        k in 0usize..19,
    ) {
        check_cover(&input, Lang::ALL[k]);
    }
}
