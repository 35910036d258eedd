//! Which language an article is in: English or Chinese, by the share of Han characters.

use super::text::is_han;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    Zh,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "zh" | "zh-hans" | "zh-hant" | "zh-cn" | "zh-tw" | "zh-hk" => Some(Language::Zh),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Zh => "中文",
        }
    }
}

/// Chinese when Han characters make up at least a fifth of the letters, else English.
/// Counting letters (not bytes) keeps a Chinese article with English product names Chinese.
pub fn detect(text: &str) -> Language {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    // Chinese words average under two characters, English ones about five letters,
    // so a fifth of the letters being Han means most of the words are Chinese.
    if han > 0 && han * 5 >= letters {
        Language::Zh
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_script() {
        assert_eq!(detect("The chips were banned."), Language::En);
        assert_eq!(detect("美国万万没想到"), Language::Zh);
        assert_eq!(
            detect("华为 Mate 60 Pro 手机发布了,麒麟 9000S 芯片"),
            Language::Zh
        );
        assert_eq!(
            detect("The word 卡脖子 means a chokehold in this long English sentence."),
            Language::En
        );
        assert_eq!(detect(""), Language::En);
    }
}
