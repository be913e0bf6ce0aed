//! What a Fluent message uses, read from its syntax tree: variables, referenced messages,
//! plural selectors, whether it has any text; and where each message is defined.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use fluent_syntax::ast;

use super::plurals;
use crate::error::Location;
use crate::l10n::{Language, message_lines};

/// Where a message starts: its line and column 1, or the file when the line is unknown.
pub(super) fn message_at(file: &Path, line: Option<usize>) -> Location {
    Location {
        file: file.to_path_buf(),
        line,
        column: line.map(|_| 1),
    }
}

/// Where each message of a language is defined (first definition).
pub(super) fn message_locations(lang: &Language) -> HashMap<String, Location> {
    let mut out = HashMap::new();
    for f in &lang.files {
        for e in f.resource.entries() {
            if let ast::Entry::Message(m) = e {
                let id = m.id.name.to_string();
                let line = message_lines(f.source(), &id).first().copied();
                out.entry(id).or_insert_with(|| message_at(&f.path, line));
            }
        }
    }
    out
}

/// The literal text of a pattern, all variants included.
pub(super) fn pattern_text(p: &ast::Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    pattern_text(&v.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

/// What a message's patterns use: variables, referenced messages, plural selectors.
#[derive(Default)]
pub(super) struct Uses {
    pub vars: BTreeSet<String>,
    pub messages: BTreeSet<String>,
    /// Variant keys of each select expression on a number (plural), in order.
    pub plurals: Vec<BTreeSet<String>>,
    /// The message has a value (not only attributes), and that value is not blank.
    pub has_text: bool,
}

pub(super) fn uses_of(m: &ast::Message<&str>) -> Uses {
    let mut u = Uses::default();
    if let Some(p) = &m.value {
        u.has_text = !pattern_is_blank(p);
        walk_pattern(p, &mut u);
    }
    for a in &m.attributes {
        walk_pattern(&a.value, &mut u);
    }
    u
}

fn pattern_is_blank(p: &ast::Pattern<&str>) -> bool {
    p.elements.iter().all(|e| match e {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable { expression } => matches!(
            expression,
            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) if value.trim().is_empty()
        ),
    })
}

fn walk_pattern(p: &ast::Pattern<&str>, u: &mut Uses) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            walk_expr(expression, u);
        }
    }
}

fn walk_expr(e: &ast::Expression<&str>, u: &mut Uses) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, u);
            let numeric = match selector {
                ast::InlineExpression::VariableReference { .. } => true,
                ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                _ => false,
            };
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => Some(name.to_string()),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            // A select on gender or a string has other keys: not a plural. Nor is one with
            // exact numbers and `other` only (`[1] this question *[other] these questions`).
            if numeric
                && keys.iter().any(|k| k != "other")
                && keys
                    .iter()
                    .all(|k| plurals::CATEGORIES.contains(&k.as_str()))
            {
                u.plurals.push(keys);
            }
            for v in variants {
                walk_pattern(&v.value, u);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, u),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, u: &mut Uses) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            u.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            u.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => walk_args(arguments, u),
        ast::InlineExpression::TermReference {
            arguments: Some(a), ..
        } => walk_args(a, u),
        ast::InlineExpression::Placeable { expression } => walk_expr(expression, u),
        _ => {}
    }
}

fn walk_args(a: &ast::CallArguments<&str>, u: &mut Uses) {
    for p in &a.positional {
        walk_inline(p, u);
    }
    for n in &a.named {
        walk_inline(&n.value, u);
    }
}
