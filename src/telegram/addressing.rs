//! Is a message meant for the bot, and what does it say without the `@mention`?
//!
//! In a private chat every message is. In a group: commands without a bot name or with this
//! bot's, messages that mention `@botname`, and replies to the bot's messages.
//!
//! The mention is found on the original text — through the message's `mention` entities
//! (Telegram counts their offsets in UTF-16 units), or by an ASCII-case-insensitive search
//! (user names are ASCII). Never by searching a lower-cased copy: lower-casing changes byte
//! lengths (`İ` 2 → 3 bytes, `ẞ` 3 → 2), and an offset found there cut `İletişim @bot` at
//! the wrong place and panicked.

use std::ops::Range;

use teloxide::types::{Message, MessageEntityKind, UserId};

use crate::conversation::Command;

/// The text of `msg` meant for the bot (`username` without `@`), or `None` if the message is
/// not for it (or has no text).
pub fn addressed_text(msg: &Message, username: &str, me: UserId) -> Option<String> {
    let text = msg.text()?;
    let mentions: Vec<(usize, usize)> = msg
        .entities()
        .unwrap_or_default()
        .iter()
        .filter(|e| e.kind == MessageEntityKind::Mention)
        .map(|e| (e.offset, e.length))
        .collect();
    let reply_to_me = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me);
    addressed(
        text,
        msg.chat.is_private(),
        &mentions,
        username,
        reply_to_me,
    )
}

/// [`addressed_text`] on plain values: `mentions` are (offset, length) in UTF-16 units.
pub fn addressed(
    text: &str,
    private: bool,
    mentions: &[(usize, usize)],
    username: &str,
    reply_to_me: bool,
) -> Option<String> {
    if private {
        return Some(text.to_string());
    }
    if text.starts_with('/') {
        // The one command parser decides: `/start@other_bot` is for another bot.
        return Command::parse(text, Some(username)).map(|_| text.to_string());
    }
    let mention = format!("@{username}");
    let mut ranges: Vec<Range<usize>> = mentions
        .iter()
        .filter_map(|&(off, len)| utf16_to_bytes(text, off, len))
        .filter(|r| {
            text.get(r.clone())
                .is_some_and(|m| m.eq_ignore_ascii_case(&mention))
        })
        .collect();
    if ranges.is_empty() {
        ranges = find_mentions(text, &mention);
    }
    if ranges.is_empty() {
        return reply_to_me.then(|| text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        if r.start < at {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push(' ');
        at = r.end;
    }
    out.push_str(&text[at..]);
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Byte range of the UTF-16 range `off..off + len` in `text`, if both ends fall on
/// character boundaries inside it.
fn utf16_to_bytes(text: &str, off: usize, len: usize) -> Option<Range<usize>> {
    let end16 = off.checked_add(len)?;
    let (mut start, mut end) = (None, None);
    let mut u16_pos = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        if u16_pos == off {
            start = Some(i);
        }
        if u16_pos == end16 {
            end = Some(i);
            break;
        }
        if u16_pos > end16 {
            break;
        }
        u16_pos += c.len_utf16();
    }
    Some(start?..end?)
}

/// Every place where `mention` (ASCII) stands in `text`, in any case, not followed by more of
/// a user name (`@bot` is not a mention of `@bot_other`).
fn find_mentions(text: &str, mention: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, _) in text.char_indices() {
        let Some(candidate) = text.get(i..i + mention.len()) else {
            continue;
        };
        if !candidate.eq_ignore_ascii_case(mention) {
            continue;
        }
        let end = i + mention.len();
        let continues = text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        if !continues {
            out.push(i..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: &str = "widunetz_bot";

    fn group(text: &str) -> Option<String> {
        addressed(text, false, &[], BOT, false)
    }

    /// UTF-16 (offset, length) of `needle` in `text`, as Telegram would send it.
    fn entity(text: &str, needle: &str) -> (usize, usize) {
        let at = text.find(needle).expect("needle");
        (
            text[..at].encode_utf16().count(),
            needle.encode_utf16().count(),
        )
    }

    #[test]
    fn letters_that_change_length_when_lower_cased() {
        assert_eq!(group("İletişim @widunetz_bot").as_deref(), Some("İletişim"));
        assert_eq!(group("ẞ@widunetz_bot").as_deref(), Some("ẞ"));
        let many = format!(
            "{}@widunetz_bot Wie wurde widunetz gegründet?",
            "İ".repeat(12)
        );
        assert_eq!(
            group(&many).as_deref(),
            Some(format!("{} Wie wurde widunetz gegründet?", "İ".repeat(12)).as_str())
        );
        assert_eq!(
            group("İİİİ@widunetz_bot Wie wurde widunetz gegründet?").as_deref(),
            Some("İİİİ Wie wurde widunetz gegründet?")
        );
    }

    #[test]
    fn emoji_arabic_and_case() {
        assert_eq!(
            group("👋🏽 @WIDUNETZ_BOT kontakt").as_deref(),
            Some("👋🏽 kontakt")
        );
        assert_eq!(
            group("@widunetz_bot كيف تأسست الشبكة؟").as_deref(),
            Some("كيف تأسست الشبكة؟")
        );
        assert_eq!(group("سؤال @Widunetz_Bot").as_deref(), Some("سؤال"));
    }

    #[test]
    fn entities_in_utf16_units() {
        for text in [
            "İletişim @widunetz_bot",
            "👨‍👩‍👧 @widunetz_bot kontakt",
            "ẞ@widunetz_bot",
            "مرحبا @widunetz_bot اتصال",
        ] {
            let e = entity(text, "@widunetz_bot");
            let want = group(text);
            assert_eq!(addressed(text, false, &[e], BOT, false), want, "{text}");
            assert!(want.is_some_and(|w| !w.contains('@')), "{text}");
        }
        // Offsets that do not fit the text (or cut a character) are ignored, not trusted.
        let text = "👋 @widunetz_bot hallo";
        assert_eq!(
            addressed(
                text,
                false,
                &[(1, 13), (500, 13), (usize::MAX, 2)],
                BOT,
                false
            )
            .as_deref(),
            Some("👋 hallo")
        );
    }

    #[test]
    fn who_the_message_is_for() {
        assert_eq!(group("hallo zusammen"), None);
        assert_eq!(group("@widunetz_bot_fan hallo"), None, "another name");
        assert_eq!(group("/start@other_bot"), None);
        assert_eq!(group("/topics@other_bot kontakt"), None);
        assert_eq!(
            group("/start@Widunetz_Bot").as_deref(),
            Some("/start@Widunetz_Bot")
        );
        assert_eq!(group("/topics").as_deref(), Some("/topics"));
        assert_eq!(
            addressed("kontakt", false, &[], BOT, true).as_deref(),
            Some("kontakt"),
            "a reply to the bot"
        );
        assert_eq!(
            addressed("İ @x", true, &[], BOT, false).as_deref(),
            Some("İ @x"),
            "private: everything, unchanged"
        );
    }
}
