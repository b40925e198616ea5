//! Spanish boilerplate: editor's notes, subscribe prompts, "Síguenos", photo credits, bylines,
//! copyright lines and "Lea también" links. Same kinds as the English rules
//! ([`crate::Boilerplate`]); the patterns run on the normalized sentence.

use std::sync::LazyLock;

use crate::boilerplate::Rules;
use crate::Boilerplate;

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let rules = [
        (
            Boilerplate::EditorsNote,
            r"(?i)^\W*(nota del? (editor|la redacci[oó]n|redacci[oó]n)|n\. del e\.|fe de errores|aclaraci[oó]n|correcci[oó]n)\s*[:.(-]",
        ),
        (
            Boilerplate::Subscribe,
            r"(?i)(suscr[ií]b(a|e|i)|suscripci[oó]n|(?-u:\b)bolet[ií]n|(?-u:\b)newsletter|hazte socio|date de alta)",
        ),
        (Boilerplate::Social, r"(?i)^\W*(s[ií]gue(nos|me)|s[ií]ganos|comparte (esta|en)|compartir en)"),
        (
            Boilerplate::Credit,
            r"(?i)(^\W*(fotograf[ií]as?|fotos?|im[aá]gen(es)?|v[ií]deos?|ilustraci[oó]n|gr[aá]fico|cr[eé]ditos?|pie de foto)\s*:|(?-u:\b)(europa press|getty images|shutterstock)(?-u:\b))",
        ),
        (
            Boilerplate::Byline,
            r"(?i)(^por\s+(?-i:[A-ZÁÉÍÓÚÑ])[\w.'-]*(\s+(de|del|la|y|(?-i:[A-ZÁÉÍÓÚÑ])[\w.'-]*)){0,6}\s*($|,|\.$|\|)|^(publicado|actualizado)\s*(:|el\s|a las\s)|^\W*(redacci[oó]n|agencias)\s*\.?$)",
        ),
        (Boilerplate::Copyright, r"(?i)(©|(?-u:\b)copyright(?-u:\b)|todos los derechos reservados)"),
        (
            Boilerplate::Link,
            r"(?i)^\W*(lea tambi[eé]n|lee tambi[eé]n|leer m[aá]s|te puede interesar|le puede interesar|m[aá]s informaci[oó]n|noticias relacionadas|relacionado|ver v[ií]deo|ver m[aá]s)(\s*(:|>>|\||-)|\s*$)",
        ),
    ];
    Rules::new(&rules)
});

/// The boilerplate kind of a normalized Spanish sentence, if any.
pub(crate) fn detect(norm: &str) -> Option<Boilerplate> {
    RULES.detect(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let cases = vec![
            (
                "Nota del editor: esta noticia se actualiz\u{F3} para corregir una fecha.",
                Some(Boilerplate::EditorsNote),
            ),
            ("(Nota de la redacci\u{F3}n: la autora fue concejala.)", Some(Boilerplate::EditorsNote)),
            ("Fe de errores: el pleno fue el martes.", Some(Boilerplate::EditorsNote)),
            ("Suscr\u{ED}base a nuestro bolet\u{ED}n diario.", Some(Boilerplate::Subscribe)),
            ("Suscr\u{ED}bete para seguir leyendo.", Some(Boilerplate::Subscribe)),
            ("S\u{ED}guenos en Instagram y Facebook.", Some(Boilerplate::Social)),
            ("Fotograf\u{ED}a: Luc\u{ED}a Molina", Some(Boilerplate::Credit)),
            ("Foto: Europa Press", Some(Boilerplate::Credit)),
            ("Por Ana Ruiz", Some(Boilerplate::Byline)),
            ("Por Ana de la Fuente y Tom\u{E1}s Vidal", Some(Boilerplate::Byline)),
            ("\u{A9} 2026 El Diario del Sur. Todos los derechos reservados.", Some(Boilerplate::Copyright)),
            ("Lea tambi\u{E9}n: as\u{ED} se vot\u{F3} el presupuesto", Some(Boilerplate::Link)),
            ("Te puede interesar: las obras del puente", Some(Boilerplate::Link)),
            ("Leer m\u{E1}s", Some(Boilerplate::Link)),
            ("Por la ma\u{F1}ana, el pleno vot\u{F3} el presupuesto.", None),
            ("Por Sevilla pasan cada d\u{ED}a miles de camiones.", None),
            ("La polic\u{ED}a dijo que la foto se tom\u{F3} en marzo.", None),
            ("M\u{E1}s de 300 vecinos acudieron a la reuni\u{F3}n.", None),
            ("La correcci\u{F3}n del error llevar\u{E1} semanas.", None),
        ];
        for (s, k) in cases {
            assert_eq!(detect(s), k, "{s}");
        }
    }
}
