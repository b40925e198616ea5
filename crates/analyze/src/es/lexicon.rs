//! Hand-written Spanish word lists for the extractor and the sentence roles: reporting verbs in
//! their common tenses, role nouns, honorifics, organization words, name particles, date words,
//! function words and first names. Lowercase and sorted in byte order (a unit test checks).
//!
//! They mirror [`crate::extract::lexicon`]'s English lists and set the same bits, so the shared
//! attribution rules read Spanish tokens exactly as they read English ones.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::lexicon::{CONN, CUE, DATE, DATE_OPEN, HONOR, ORG, ROLE, TENSE};
use crate::extract::Gender;

/// Reporting verbs: 3rd person preterite, present and imperfect, participle (for "ha dicho",
/// "había dicho") and gerund. Forms that are mostly nouns or adjectives in news ("denuncia",
/// "alerta", "precisa", "cuenta") are left out.
#[rustfmt::skip]
pub(crate) static CUES: &[&str] = &[
    "aclaró", "admite", "admiten", "admitido", "admitiendo", "admitieron", "admitió", "admitía",
    "admitían", "advertido", "advertía", "advierte", "advierten", "advirtieron", "advirtió",
    "afirma", "afirmaba", "afirmaban", "afirmado", "afirman", "afirmando", "afirmaron", "afirmó",
    "agrega", "agregaba", "agregaban", "agregado", "agregan", "agregando", "agregaron", "agregó",
    "alertaron", "alertó", "anuncia", "anunciaba", "anunciaban", "anunciado", "anuncian",
    "anunciando", "anunciaron", "anunció", "apostilló", "apuntaron", "apuntó", "argumenta",
    "argumentó", "asegura", "aseguraba", "aseguraban", "asegurado", "aseguran", "asegurando",
    "aseguraron", "aseguró", "asevera", "aseveraron", "aseveró", "avisaron", "avisó", "añade",
    "añaden", "añadido", "añadiendo", "añadieron", "añadió", "añadía", "añadían", "comenta",
    "comentaba", "comentado", "comentan", "comentaron", "comentó", "comunicaron", "comunicó",
    "concluye", "concluyeron", "concluyó", "confirma", "confirmaba", "confirmado", "confirman",
    "confirmaron", "confirmó", "contaba", "contaban", "contaron", "contesta", "contestó", "contó",
    "criticó", "declara", "declaraba", "declarado", "declaran", "declarando", "declararon",
    "declaró", "decía", "decían", "defendido", "defendieron", "defendió", "defiende", "defienden",
    "denunciado", "denunciaron", "denunció", "destacaron", "destacó", "detalla", "detallaron",
    "detalló", "dice", "dicen", "dicho", "diciendo", "dijeron", "dijo", "escribe", "escribió",
    "exige", "exigieron", "exigió", "explica", "explicaba", "explicado", "explican", "explicando",
    "explicaron", "explicó", "expresaron", "expresó", "indica", "indicado", "indican", "indicaron",
    "indicó", "informaron", "informó", "insiste", "insisten", "insistido", "insistiendo",
    "insistieron", "insistió", "insistía", "lamenta", "lamentado", "lamentaron", "lamentó",
    "manifestado", "manifestaron", "manifestó", "manifiesta", "matizó", "negaron", "negó", "niega",
    "niegan", "opinó", "pide", "pidieron", "pidió", "precisado", "precisaron", "precisó",
    "preguntó", "prometió", "protesta", "protestaron", "protestó", "puntualizó", "reclama",
    "reclamaron", "reclamó", "reconoce", "reconocen", "reconocido", "reconocieron", "reconoció",
    "recordado", "recordaron", "recordó", "recuerda", "reiterado", "reiteró", "relató", "replicó",
    "respondió", "resumió", "señala", "señalaba", "señalado", "señalan", "señalaron", "señaló",
    "sostiene", "sostienen", "sostuvieron", "sostuvo", "subraya", "subrayado", "subrayaron",
    "subrayó", "tuiteó", "zanjó",
];

/// Nouns that name a role or title, masculine and feminine.
#[rustfmt::skip]
pub(crate) static ROLE_NOUNS: &[&str] = &[
    "abogada", "abogado", "activista", "actor", "actriz", "agente", "agricultor", "agricultora",
    "alcalde", "alcaldesa", "alumna", "alumno", "analista", "arquitecta", "arquitecto",
    "bibliotecaria", "bibliotecario", "bombera", "bombero", "camarera", "camarero", "cantante",
    "capitana", "capitán", "carnicera", "carnicero", "cirujana", "cirujano", "comerciante",
    "comisaria", "comisario", "concejal", "concejala", "conductor", "conductora", "consejera",
    "consejero", "coordinador", "coordinadora", "decana", "decano", "delegada", "delegado",
    "diputada", "diputado", "director", "directora", "dirigente", "doctor", "doctora", "dueña",
    "dueño", "economista", "edil", "empleada", "empleado", "empresaria", "empresario", "enfermera",
    "enfermero", "entrenador", "entrenadora", "escritor", "escritora", "estudiante", "experta",
    "experto", "fiscal", "frutera", "frutero", "fundador", "fundadora", "ganadera", "ganadero",
    "gerente", "gestor", "gestora", "gobernador", "gobernadora", "historiador", "historiadora",
    "hostelera", "hostelero", "ingeniera", "ingeniero", "inspector", "inspectora", "investigador",
    "investigadora", "jefa", "jefe", "jubilada", "jubilado", "juez", "jueza", "líder", "maestra",
    "maestro", "maquinista", "ministra", "ministro", "médica", "médico", "música", "músico",
    "obispo", "olivarera", "olivarero", "organizador", "organizadora", "paciente", "panadera",
    "panadero", "patrón", "periodista", "pescadera", "pescadero", "pescador", "pescadora",
    "pianista", "portavoz", "presidenta", "presidente", "profesor", "profesora", "propietaria",
    "propietario", "rector", "rectora", "responsable", "secretaria", "secretario", "senador",
    "senadora", "sindicalista", "soprano", "subdelegada", "subdelegado", "teniente", "tenor",
    "trabajador", "trabajadora", "técnica", "técnico", "usuaria", "usuario", "vecina", "vecino",
    "viajera", "viajero", "vicepresidenta", "vicepresidente", "viticultor", "viticultora",
];

/// Honorifics ("Sr.", "Dña.", "doña"): they mark a name and its gender but are not a role.
#[rustfmt::skip]
pub(crate) static HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("don", Some(Gender::Male)), ("doña", Some(Gender::Female)), ("dr", None), ("dra", Some(Gender::Female)),
    ("dña", Some(Gender::Female)), ("sr", Some(Gender::Male)), ("sra", Some(Gender::Female)),
    ("srta", Some(Gender::Female)),
];

/// Words that make a capitalized name an organization.
#[rustfmt::skip]
pub(crate) static ORG_WORDS: &[&str] = &[
    "agencia", "asociación", "ayuntamiento", "banco", "cabildo", "colegio", "comisión", "compañía",
    "confederación", "congreso", "consejería", "consejo", "cooperativa", "corporación", "diputación",
    "empresa", "escuela", "federación", "fiscalía", "fundación", "gobierno", "hospital", "instituto",
    "junta", "juzgado", "ministerio", "museo", "observatorio", "parlamento", "partido", "plataforma",
    "policía", "senado", "servicio", "sindicato", "tribunal", "universidad",
];

/// Words that join the parts of a capitalized name ("Ayuntamiento de Sevilla", "Ana de la Fuente").
pub(crate) static CONNECTORS: &[&str] = &["de", "del", "e", "el", "la", "las", "los", "y"];

/// Month names, in order.
pub(crate) const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Weekday names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"];

#[rustfmt::skip]
static DATE_WORDS: &[&str] = &[
    "abril", "agosto", "anoche", "anteayer", "ayer", "año", "años", "diciembre", "domingo", "día",
    "días", "enero", "febrero", "hoy", "jueves", "julio", "junio", "lunes", "martes", "marzo", "mayo",
    "mañana", "mes", "meses", "miércoles", "noviembre", "octubre", "semana", "semanas", "septiembre", "setiembre",
    "sábado", "viernes",
];

#[rustfmt::skip]
static DATE_OPENERS: &[&str] = &[
    "dentro", "esta", "este", "hace", "pasada", "pasado", "próxima", "próximo",
];

/// Words that mark tense (future: "será", "prevé"; past: "fue", "había").
#[rustfmt::skip]
static TENSE_WORDS: &[&str] = &[
    "era", "estaba", "fue", "fueron", "había", "habían", "hace", "prevista", "previsto", "prevé",
    "próxima", "próximo", "será", "serán", "va", "van",
];

/// Function words (articles, prepositions, pronouns, conjunctions): the extractor's stop words.
#[rustfmt::skip]
static STOP: &[&str] = &[
    "a", "al", "algo", "ante", "aquel", "aquella", "así", "aunque", "bajo", "cada", "como", "con",
    "contra", "cuando", "cómo", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas",
    "ello", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "estas", "este", "esto",
    "estos", "fue", "ha", "hacia", "han", "hasta", "la", "las", "le", "les", "lo", "los", "me", "mi",
    "mientras", "muy", "más", "ni", "no", "nos", "nosotros", "o", "para", "pero", "por", "porque",
    "que", "quien", "quienes", "qué", "se", "sea", "según", "ser", "si", "sin", "sino", "sobre", "su",
    "sus", "también", "te", "tras", "tu", "u", "un", "una", "unas", "uno", "unos", "y", "ya", "yo",
    "él",
];

/// Common Spanish first names with the gender they signal (hand-written: the census gazetteer
/// has no accented names). Looked up together with the census list.
#[rustfmt::skip]
pub(crate) static FIRST_NAMES: &[(&str, Gender)] = &[
    ("Adela", Gender::Female), ("Adrián", Gender::Male), ("Agustín", Gender::Male),
    ("Ainhoa", Gender::Female), ("Aitor", Gender::Male), ("Alba", Gender::Female),
    ("Alejandro", Gender::Male), ("Alfonso", Gender::Male), ("Almudena", Gender::Female),
    ("Amparo", Gender::Female), ("Andrés", Gender::Male), ("Aurora", Gender::Female),
    ("Begoña", Gender::Female), ("Belén", Gender::Female), ("Blanca", Gender::Female),
    ("Carlota", Gender::Female), ("Concepción", Gender::Female), ("Consuelo", Gender::Female),
    ("Cristina", Gender::Female), ("Eduardo", Gender::Male), ("Elena", Gender::Female),
    ("Emilio", Gender::Male), ("Encarnación", Gender::Female), ("Enrique", Gender::Male),
    ("Ernesto", Gender::Male), ("Esteban", Gender::Male), ("Eugenia", Gender::Female),
    ("Felipe", Gender::Male), ("Fernando", Gender::Male), ("Francisco", Gender::Male),
    ("Fátima", Gender::Female), ("Gerardo", Gender::Male), ("Gonzalo", Gender::Male),
    ("Gregorio", Gender::Male), ("Guadalupe", Gender::Female), ("Guillermo", Gender::Male),
    ("Héctor", Gender::Male), ("Ignacio", Gender::Male), ("Inmaculada", Gender::Female),
    ("Inés", Gender::Female), ("Irene", Gender::Female), ("Iñaki", Gender::Male), ("Iñigo", Gender::Male),
    ("Jaime", Gender::Male), ("Jesús", Gender::Male), ("Joaquín", Gender::Male), ("Jordi", Gender::Male),
    ("Josefa", Gender::Female), ("José", Gender::Male), ("Julián", Gender::Male), ("Leire", Gender::Female),
    ("Lourdes", Gender::Female), ("Lucía", Gender::Female), ("Macarena", Gender::Female),
    ("Manuel", Gender::Male), ("Marina", Gender::Female), ("Martín", Gender::Male), ("María", Gender::Female),
    ("Matías", Gender::Male), ("Mercedes", Gender::Female), ("Miguel", Gender::Male),
    ("Milagros", Gender::Female), ("Montserrat", Gender::Female), ("Mónica", Gender::Female),
    ("Nerea", Gender::Female), ("Nicolás", Gender::Male), ("Nuria", Gender::Female),
    ("Núria", Gender::Female), ("Pablo", Gender::Male), ("Paloma", Gender::Female), ("Pedro", Gender::Male),
    ("Pilar", Gender::Female), ("Rafael", Gender::Male), ("Ramón", Gender::Male), ("Raúl", Gender::Male),
    ("Remedios", Gender::Female), ("Rocío", Gender::Female), ("Rubén", Gender::Male),
    ("Salvador", Gender::Male), ("Sebastián", Gender::Male), ("Sofía", Gender::Female),
    ("Soledad", Gender::Female), ("Teresa", Gender::Female), ("Tomás", Gender::Male),
    ("Verónica", Gender::Female), ("Vicente", Gender::Male), ("Víctor", Gender::Male),
    ("Xavier", Gender::Male), ("Ximena", Gender::Female), ("Álvaro", Gender::Male), ("Ángel", Gender::Male),
    ("Ángela", Gender::Female), ("Íñigo", Gender::Male), ("Óscar", Gender::Male),
];

/// Spanish names of countries, regions and cities the GeoNames gazetteer spells differently or
/// lacks ("España", "Andalucía", "Cádiz").
#[rustfmt::skip]
static PLACES: &[&str] = &[
    "Alemania", "Almería", "Andalucía", "Aragón", "Asturias", "Cantabria", "Castilla", "Cataluña",
    "Cádiz", "Córdoba", "Estados Unidos", "Europa", "Extremadura", "Francia", "Galicia", "Huelva",
    "Jaén", "León", "Londres", "Murcia", "Málaga", "México", "Navarra", "Perú", "Reino Unido",
    "Valladolid", "Ávila", "España",
];

/// Articles (the English "the", "a", "an").
pub(crate) static ARTICLES: &[&str] = &["el", "la", "las", "los", "un", "una"];
/// Words that may open a clause before a verb whose subject is dropped ("Además, añadió ...").
pub(crate) static CONJ: &[&str] =
    &["además", "asimismo", "después", "finalmente", "luego", "más", "pero", "también", "tarde", "y"];
/// Verbs that introduce a quoted phrase as a name for something ("calificó de «chapuza»").
pub(crate) static NAMING: &[&str] = &["calificó", "denominó", "describió", "llamó", "tachó", "tildó"];
/// Prepositions that open a place or occasion phrase ("en una rueda de prensa").
pub(crate) static PLACE_PREPS: &[&str] = &["ante", "desde", "durante", "en", "tras"];
/// Subject pronouns ("él", "ella").
pub(crate) static PRONOUNS: &[&str] = &["ella", "ellas", "ellos", "nosotros", "yo", "él"];
/// Occasions of a statement ("rueda de prensa", "comparecencia").
#[rustfmt::skip]
pub(crate) static VENUES: &[&str] = &[
    "acto", "asamblea", "comparecencia", "conferencia", "debate", "declaración", "entrevista",
    "mitin", "pleno", "prensa", "reunión", "sesión", "visita",
];
/// Relative pronouns that open a clause about a name ("Ruiz, que preside ...").
pub(crate) static WHO: &[&str] = &["cuya", "cuyo", "que", "quien", "quienes"];

static FLAGS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, u8> = FxHashMap::default();
    let lists: [(&[&str], u8); 7] = [
        (TENSE_WORDS, TENSE),
        (CUES, CUE),
        (ROLE_NOUNS, ROLE),
        (ORG_WORDS, ORG),
        (CONNECTORS, CONN),
        (DATE_WORDS, DATE),
        (DATE_OPENERS, DATE_OPEN),
    ];
    for (list, bit) in lists {
        for w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    for (w, _) in HONORIFICS {
        *m.entry(w).or_default() |= HONOR;
    }
    m
});

static FIRST: LazyLock<FxHashMap<&'static str, Gender>> = LazyLock::new(|| FIRST_NAMES.iter().copied().collect());

/// The list bits of a Spanish word, any case. Kept out of line so the English token loop stays
/// as small as it was.
#[inline(never)]
pub(crate) fn flags(word: &str) -> u8 {
    if word.len() > 24 {
        return 0;
    }
    let mut buf = String::new();
    FLAGS.get(super::lower(word, &mut buf)).copied().unwrap_or(0)
}

/// True when `word` (any case) is a Spanish function word.
#[inline(never)]
pub(crate) fn stop(word: &str) -> bool {
    if word.len() > 12 {
        return false;
    }
    let mut buf = String::new();
    STOP_SET.contains(super::lower(word, &mut buf))
}

static STOP_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());
static CUE_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| CUES.iter().copied().collect());

/// The gender of a Spanish first name as written ("María").
pub(crate) fn first_name(word: &str) -> Option<Gender> {
    FIRST.get(word).copied()
}

/// True when `name` is a Spanish place name on the hand-written list.
pub(crate) fn place(name: &str) -> bool {
    PLACES.contains(&name)
}

/// The honorific `lower` names, with the gender it signals.
pub(crate) fn honorific(lower: &str) -> Option<Option<Gender>> {
    HONORIFICS.binary_search_by_key(&lower, |&(w, _)| w).ok().map(|k| HONORIFICS[k].1)
}

/// True when `lower` is a Spanish reporting verb.
pub(crate) fn is_cue(lower: &str) -> bool {
    CUE_SET.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for t in [CUES, ROLE_NOUNS, ORG_WORDS, CONNECTORS, DATE_WORDS, DATE_OPENERS, TENSE_WORDS, STOP, ARTICLES, CONJ]
            .into_iter()
            .chain([NAMING, PLACE_PREPS, PRONOUNS, VENUES, WHO])
        {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{:?}", t.windows(2).find(|w| w[0] >= w[1]));
        }
        assert!(HONORIFICS.windows(2).all(|w| w[0].0 < w[1].0));
        let cases = vec![
            ("dijo", CUE),
            ("Afirmó", CUE),
            ("alcaldesa", ROLE),
            ("Ayuntamiento", ORG),
            ("Sra", HONOR),
            ("marzo", DATE),
            ("pasado", DATE_OPEN),
            ("será", TENSE),
            ("presupuesto", 0),
        ];
        for (w, bits) in cases {
            assert_eq!(flags(w), bits, "{w}");
        }
        assert!(stop("El") && stop("según") && !stop("alcaldesa"));
        assert_eq!(first_name("María"), Some(Gender::Female));
    }
}
