use nutgraf_roundup::{Article, Error, Length, Options, Roundup, MAX_SOURCES};

use crate::{assert_faithful, fire_story};

#[test]
fn one_source_is_a_single_article_brief() {
    let articles = fire_story()[..1].to_vec();
    let b = Roundup::new(Options::default()).run(&articles).unwrap();
    assert!(b.single_source);
    assert!(b.sentences.iter().all(|s| s.lead_in.is_none() && s.sources == vec![0]));
    assert!(nutgraf_roundup::render::text(&b).contains("single-article brief"));
}

#[test]
fn the_same_article_twice() {
    let a = fire_story().remove(0);
    let articles = vec![a.clone(), a];
    let b = Roundup::new(Options::default()).run(&articles).unwrap();
    assert_faithful(&b);
    assert!(b.sentences.iter().all(|s| s.sources == vec![0, 1]), "{:?}", b.sentences);
    assert!(b.conflicts.is_empty());
}

#[test]
fn empty_and_unusable_sources_are_skipped() {
    let mut articles = fire_story();
    articles.insert(1, Article::new("   \n"));
    articles.push(Article::new("bin\0ary"));
    let b = Roundup::new(Options::default()).run(&articles).unwrap();
    let skipped: Vec<usize> = b.skipped.iter().map(|s| s.source).collect();
    assert_eq!(skipped, vec![1, 4]);
    assert!(b.sentences.iter().all(|s| !s.sources.contains(&1) && !s.sources.contains(&4)));
    assert_faithful(&b);
    let none = vec![Article::new(""), Article::new(" ")];
    assert!(matches!(Roundup::new(Options::default()).run(&none), Err(Error::Source { id: 1, .. })));
    assert!(matches!(Roundup::new(Options::default()).run(&[]), Err(Error::NoSources)));
}

#[test]
fn options_that_cannot_work() {
    let articles = fire_story();
    let zero = Roundup::new(Options { length: Length::Words(0), ..Options::default() }).run(&articles);
    assert!(matches!(zero, Err(Error::InvalidOption(_))));
    let tiny = Roundup::new(Options { length: Length::Words(3), ..Options::default() }).run(&articles);
    assert!(matches!(tiny, Err(Error::NothingFits { max: 3 })), "{tiny:?}");
}

#[test]
fn different_languages_and_many_sources() {
    let mut articles = fire_story();
    articles.push(Article::new("Un incendio en un almacén químico obligó a evacuar a 400 vecinos el martes."));
    let b = Roundup::new(Options::default()).run(&articles).unwrap();
    assert_faithful(&b);
    let many: Vec<Article> = (0..MAX_SOURCES).map(|i| fire_story().remove(i % 3)).collect();
    let t = std::time::Instant::now();
    let b = Roundup::new(Options::default()).run(&many).unwrap();
    assert!(t.elapsed().as_secs() < 20, "bounded time: {:?}", t.elapsed());
    assert!(b.sentences[0].sources.len() > 100);
    let over: Vec<Article> = (0..=MAX_SOURCES).map(|_| Article::new("x.")).collect();
    assert!(matches!(Roundup::new(Options::default()).run(&over), Err(Error::TooManySources { .. })));
}
