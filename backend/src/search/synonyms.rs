//! Synonym groups as stem sequences, for query expansion: a query that contains one member of a
//! group (a word or a phrase) also looks for every other member.
use super::analysis;

#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// Each group: its members, each the stems of a word or phrase.
    groups: Vec<Vec<Vec<String>>>,
}

impl Synonyms {
    pub fn new(groups: &[Vec<String>]) -> Self {
        Self {
            groups: groups
                .iter()
                .map(|group| {
                    group
                        .iter()
                        .map(|member| {
                            analysis::terms(member)
                                .into_iter()
                                .map(|t| t.stem)
                                .collect::<Vec<_>>()
                        })
                        .filter(|stems| !stems.is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|members| members.len() > 1)
                .collect(),
        }
    }

    /// The other members of every group that has a member inside `stems` (as a contiguous
    /// run), without duplicates.
    pub fn expansions(&self, stems: &[String]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for group in &self.groups {
            let present = group
                .iter()
                .any(|member| stems.windows(member.len()).any(|w| w == member.as_slice()));
            if !present {
                continue;
            }
            for member in group {
                let inside = stems.windows(member.len()).any(|w| w == member.as_slice());
                if !inside && !out.contains(member) {
                    out.push(member.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        analysis::terms(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn an_abbreviation_and_its_phrase_expand_into_each_other() {
        let synonyms = Synonyms::new(&[
            vec!["IPM".into(), "indeks pembangunan manusia".into()],
            vec!["penduduk".into(), "populasi".into()],
        ]);
        assert_eq!(
            synonyms.expansions(&stems("ipm kabupaten banjarnegara")),
            vec![stems("indeks pembangunan manusia")]
        );
        assert_eq!(
            synonyms.expansions(&stems("berapa indeks pembangunan manusia tarakan")),
            vec![vec!["ipm".to_owned()]]
        );
        assert_eq!(
            synonyms.expansions(&stems("jumlah populasi")),
            vec![stems("penduduk")]
        );
        assert!(synonyms.expansions(&stems("inflasi bulanan")).is_empty());
    }
}
