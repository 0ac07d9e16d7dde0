//! The catalogues agree with each other and with the code: the same messages with the same
//! parameters in both languages, every message renders without a Fluent error, the window never
//! names a `jst` command, and every id the code uses exists (and every message is used).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use jst_text::{sources, Lang, Surface};

/// Message id → (file, the variables it uses, including those of messages it references).
fn messages(lang: Lang) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut direct = BTreeMap::new();
    let mut references: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (file, source) in sources(lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.code()));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                let mut refs = Vec::new();
                if let Some(pattern) = &message.value {
                    walk_pattern(pattern, &mut vars, &mut refs);
                }
                let id = message.id.name.to_owned();
                assert!(
                    direct.insert(id.clone(), (file.to_string(), vars)).is_none(),
                    "{}: message {id} defined twice",
                    lang.code()
                );
                references.insert(id, refs);
            }
        }
    }
    let ids: Vec<String> = direct.keys().cloned().collect();
    for id in ids {
        let mut seen = BTreeSet::new();
        let mut stack = references[&id].clone();
        while let Some(other) = stack.pop() {
            if !seen.insert(other.clone()) {
                continue;
            }
            let (_, vars) = direct.get(&other).unwrap_or_else(|| {
                panic!("{}: {id} references a missing message {other}", lang.code())
            });
            let vars = vars.clone();
            direct
                .get_mut(&id)
                .expect("the catalogue and the workspace are readable")
                .1
                .extend(vars);
            stack.extend(references[&other].iter().cloned());
        }
    }
    for (_, vars) in direct.values_mut() {
        vars.remove("surface");
    }
    direct
}

fn walk_pattern(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars, refs);
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut Vec<String>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for variant in variants {
                walk_pattern(&variant.value, vars, refs);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars, refs),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut Vec<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, .. } => refs.push(id.name.to_owned()),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, refs),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_in_the_same_files_with_the_same_parameters() {
    let polish = messages(Lang::Pl);
    let english = messages(Lang::En);
    let polish_ids: BTreeSet<_> = polish.keys().collect();
    let english_ids: BTreeSet<_> = english.keys().collect();
    assert_eq!(
        polish_ids.difference(&english_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "messages with no English text"
    );
    assert_eq!(
        english_ids.difference(&polish_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "English messages with no Polish text"
    );
    for (id, (file, vars)) in &polish {
        let (english_file, english_vars) = &english[id];
        assert_eq!(file, english_file, "{id} is in different files");
        assert_eq!(vars, english_vars, "{id} has different parameters in Polish and English");
    }
}

/// Renders every message with every parameter set (text for names, a number for counts) in
/// both languages and on both surfaces; returns (lang, surface, file, id, text).
fn render_all() -> Vec<(Lang, Surface, String, String, String)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new(vec![lang
            .code()
            .parse()
            .expect("the catalogue and the workspace are readable")]);
        bundle.set_use_isolating(false);
        for (_, source) in sources(lang) {
            bundle
                .add_resource(
                    FluentResource::try_new(source.to_string())
                        .expect("the catalogue and the workspace are readable"),
                )
                .expect("the catalogue and the workspace are readable");
        }
        for (id, (file, vars)) in messages(lang) {
            for surface in Surface::ALL {
                for number in [1, 2, 5, 22] {
                    let mut args = FluentArgs::new();
                    args.set("surface", surface.code());
                    for var in &vars {
                        args.set(var.clone(), FluentValue::from(number));
                    }
                    let message = bundle
                        .get_message(&id)
                        .expect("the catalogue and the workspace are readable");
                    let pattern = message.value().unwrap_or_else(|| panic!("{id} has no value"));
                    let mut errors = Vec::new();
                    let text =
                        bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
                    assert!(errors.is_empty(), "{}/{id}: {errors:?}", lang.code());
                    assert!(!text.trim().is_empty(), "{}/{id} renders empty", lang.code());
                    out.push((lang, surface, file.clone(), id.clone(), text));
                }
            }
        }
    }
    out
}

#[test]
fn every_message_renders_without_errors() {
    assert!(render_all().len() > 10);
}

#[test]
fn the_window_never_tells_anyone_to_run_a_command() {
    for (lang, surface, file, id, text) in render_all() {
        // cli.ftl holds what only the command line prints.
        if surface == Surface::Window && file != "cli.ftl" {
            assert!(
                !text.contains("jst ") && !text.contains("--"),
                "{}/{id} in the window names a command: {text}",
                lang.code()
            );
        }
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in
        std::fs::read_dir(dir).expect("the catalogue and the workspace are readable").flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every `t!("id", name = …)` in the code: (file, id, parameter names).
fn uses() -> Vec<(PathBuf, String, BTreeSet<String>)> {
    let mut files = Vec::new();
    for crate_dir in std::fs::read_dir(workspace().join("crates"))
        .expect("the catalogue and the workspace are readable")
        .flatten()
    {
        let src = crate_dir.path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    rust_files(&workspace().join("src-tauri/src"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).expect("the catalogue and the workspace are readable");
        let mut rest = text.as_str();
        while let Some(at) = rest.find("t!(") {
            let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
            let in_comment = rest[line_start..at].contains("//");
            let preceded_by_ident = in_comment
                || rest[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + 3..];
            if preceded_by_ident {
                continue;
            }
            let body = balanced(rest);
            let trimmed = body.trim_start();
            let Some(literal) = trimmed.strip_prefix('"') else { continue };
            let Some(end) = literal.find('"') else { continue };
            let id = literal[..end].to_owned();
            let params = top_level_args(&literal[end + 1..])
                .into_iter()
                .filter_map(|arg| arg.split_once('=').map(|(name, _)| name.trim().to_owned()))
                .collect();
            out.push((file.clone(), id, params));
        }
    }
    out
}

/// The text up to the parenthesis closing the one just opened.
fn balanced(text: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return &text[..i],
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    text
}

fn top_level_args(text: &str) -> Vec<&str> {
    let mut args = Vec::new();
    let (mut depth, mut start, mut in_string) = (0usize, 0usize, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '(' | '[' | '{' if !in_string => depth += 1,
            ')' | ']' | '}' if !in_string => depth = depth.saturating_sub(1),
            ',' if depth == 0 && !in_string => {
                args.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(&text[start..]);
    args.into_iter().map(str::trim).filter(|arg| !arg.is_empty()).collect()
}

#[test]
fn every_message_the_code_uses_exists_with_the_parameters_it_is_given() {
    let polish = messages(Lang::Pl);
    let mut wrong = Vec::new();
    for (file, id, params) in uses() {
        match polish.get(&id) {
            None => wrong.push(format!("{}: {id} is not in the catalogue", file.display())),
            Some((_, vars)) if *vars != params => wrong
                .push(format!("{}: {id} is given {params:?} but uses {vars:?}", file.display())),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_is_used_somewhere() {
    let mut code = String::new();
    let mut files = Vec::new();
    for crate_dir in std::fs::read_dir(workspace().join("crates"))
        .expect("the catalogue and the workspace are readable")
        .flatten()
    {
        let src = crate_dir.path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    rust_files(&workspace().join("src-tauri/src"), &mut files);
    for file in files {
        code.push_str(
            &std::fs::read_to_string(file).expect("the catalogue and the workspace are readable"),
        );
    }
    let polish = messages(Lang::Pl);
    let referenced: BTreeSet<String> = sources(Lang::Pl)
        .iter()
        .flat_map(|(_, source)| source.lines())
        .flat_map(|line| line.split('{').skip(1))
        .map(|part| {
            part.trim()
                .split(|c: char| c.is_whitespace() || c == '}')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    let unused: Vec<_> = polish
        .keys()
        .filter(|id| !code.contains(&format!("\"{id}\"")) && !referenced.contains(*id))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
