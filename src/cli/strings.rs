//! `doorway strings`: a scenario's texts as a string table (CSV) for a
//! translator, and the translated scenario written back from the table.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};

use super::files::{emit_to_stderr, load_for_command, read_limited};
use crate::core::files::write_atomically;
use crate::core::load::{LoadOptions, SCENARIO_EXTENSION, load_file, load_str};
use crate::core::model::{Review, Scenario};
use crate::core::scenario_text::scenario_text;
use crate::core::strings::{
    Applied, Extraction, StringTable, Target, Unused, apply, extract, first_acts, read_table,
    write_table,
};
use crate::core::wording::plural;

#[derive(Debug, Args)]
pub struct StringsArgs {
    #[command(subcommand)]
    pub command: StringsCommand,
}

#[derive(Debug, Subcommand)]
pub enum StringsCommand {
    /// Write every translatable text of a scenario to a string table (CSV:
    /// id, source, translation, lock, comment), keeping the translations of a
    /// table already there; a translation whose source text changed is marked
    /// stale.
    Extract(ExtractArgs),
    /// Write the scenario translated by a string table, checked by the
    /// validator. Refuses when texts are missing or stale, unless
    /// --allow-incomplete.
    Apply(ApplyArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// The table to write [default: translations/ID.LANGUAGE.csv beside the
    /// scenario].
    #[arg(long, value_name = "TABLE")]
    pub to: Option<PathBuf>,
    /// The language the table translates into, as a two-letter code ("es").
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,
    /// Only the first N acts, for a translation made one act at a time.
    #[arg(long, value_name = "N")]
    pub acts: Option<usize>,
    /// Leave out the translated rows whose text the scenario no longer has
    /// (by default they are kept at the end of the table, marked UNUSED).
    #[arg(long)]
    pub prune: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The scenario file in its own language.
    pub file: PathBuf,
    /// The string table with the translations.
    #[arg(long, value_name = "TABLE")]
    pub table: PathBuf,
    /// The language of the translation, as a two-letter code ("es").
    #[arg(long, value_name = "CODE")]
    pub language: String,
    /// The translated scenario file to write [default: NAME.LANGUAGE.scenario.ron
    /// beside the scenario].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only the first N acts: where the last one leads on, the scenario ends.
    #[arg(long, value_name = "N")]
    pub acts: Option<usize>,
    /// How far the translation has been checked [default: that of the file
    /// written before, or machine-assisted].
    #[arg(long, value_enum)]
    pub review: Option<ReviewArg>,
    /// A word about the translation for trainees, in its language [default:
    /// that of the file written before].
    #[arg(long)]
    pub note: Option<String>,
    /// Write the translation even with texts missing (they stay in the source
    /// language) or stale (their old translation is used).
    #[arg(long)]
    pub allow_incomplete: bool,
}

/// How far a translation has been checked, as the command line writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewArg {
    MachineAssisted,
    Unreviewed,
    Reviewed,
}

impl From<ReviewArg> for Review {
    fn from(review: ReviewArg) -> Self {
        match review {
            ReviewArg::MachineAssisted => Review::MachineAssisted,
            ReviewArg::Unreviewed => Review::Unreviewed,
            ReviewArg::Reviewed => Review::Reviewed,
        }
    }
}

/// Runs `doorway strings`; true when all went well.
pub(super) fn run(args: &StringsArgs) -> bool {
    match &args.command {
        StringsCommand::Extract(args) => extract_table(args),
        StringsCommand::Apply(args) => apply_table(args),
    }
}

fn extract_table(args: &ExtractArgs) -> bool {
    let Some(loaded) = load_for_command(&args.file) else {
        return false;
    };
    let Some(scenario) = loaded.playable() else {
        return false;
    };
    let to = match (&args.to, &args.language) {
        (Some(to), _) => to.clone(),
        (None, Some(language)) => {
            beside(&args.file, "translations").join(format!("{}.{language}.csv", scenario.id))
        }
        (None, None) => {
            eprintln!(
                "error: give the table's language (--language es) or where to write it (--to TABLE.csv)"
            );
            return false;
        }
    };
    let scenario = match part(scenario, args.acts) {
        Ok(scenario) => scenario,
        Err(message) => {
            eprintln!("error: {message}");
            return false;
        }
    };
    let previous = if to.exists() {
        match read(&to) {
            Some(table) => Some(table),
            None => {
                eprintln!("error: {} was not replaced", to.display());
                return false;
            }
        }
    } else {
        None
    };
    let unused = if args.prune {
        Unused::Drop
    } else {
        Unused::Keep
    };
    let extraction = extract(&scenario, previous.as_ref(), unused);
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(error) = std::fs::create_dir_all(folder)
    {
        eprintln!("error: cannot make {}: {error}", folder.display());
        return false;
    }
    if let Err(error) = write_atomically(&to, &write_table(&extraction.table)) {
        eprintln!("error: cannot write {}: {error}", to.display());
        return false;
    }
    report_extraction(&extraction, &to, args.prune);
    true
}

/// Prints what an extraction found: stale rows, rows no longer used, and the
/// counts.
fn report_extraction(extraction: &Extraction, to: &Path, pruned: bool) {
    for id in &extraction.stale {
        println!("stale: {id}");
    }
    let (kept, what) = if pruned {
        (0, "left out")
    } else {
        (
            extraction.unused.len(),
            "kept, marked UNUSED (--prune leaves them out)",
        )
    };
    for id in &extraction.unused {
        println!("no longer in the scenario, {what}: {id}");
    }
    let rows = extraction.table.rows.len() - kept;
    println!(
        "wrote {}: {}, {} translated, {} missing, {} stale",
        to.display(),
        plural(rows, "string"),
        rows - extraction.missing.len() - extraction.stale.len(),
        extraction.missing.len(),
        extraction.stale.len(),
    );
}

fn apply_table(args: &ApplyArgs) -> bool {
    let Some(loaded) = load_for_command(&args.file) else {
        return false;
    };
    let Some(source) = loaded.playable() else {
        return false;
    };
    let Some(table) = read(&args.table) else {
        return false;
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| translation_path(&args.file, &args.language));
    let target = target(args, &out);
    let applied = match apply(source, &table, &target) {
        Ok(applied) => applied,
        Err(error) => {
            eprintln!("error: {error}");
            return false;
        }
    };
    report_gaps(&applied, &args.table);
    if !applied.is_complete() && !args.allow_incomplete {
        eprintln!(
            "error: {} missing and {} stale in {}; nothing was written to {}\n\
             help: translate them (doorway strings extract marks them), or give --allow-incomplete",
            plural(applied.missing.len(), "string"),
            applied.stale.len(),
            args.table.display(),
            out.display()
        );
        return false;
    }
    let text = scenario_text(&applied.scenario);
    let checked = load_str(
        &out.display().to_string(),
        text.clone(),
        LoadOptions::default(),
    );
    // Notes (the source's own, carried over) are left to `doorway validate`.
    if checked.report.error_count() + checked.report.warning_count() > 0 {
        let _ = emit_to_stderr(&checked.report);
    }
    if checked.report.error_count() > 0 {
        eprintln!("error: the translation does not validate; nothing was written");
        return false;
    }
    if let Err(error) = write_atomically(&out, text.as_bytes()) {
        eprintln!("error: cannot write {}: {error}", out.display());
        return false;
    }
    if applied.is_complete() {
        println!("wrote {}: every string translated", out.display());
    } else {
        println!(
            "wrote {}, incomplete (--allow-incomplete): {} missing, {} stale",
            out.display(),
            applied.missing.len(),
            applied.stale.len()
        );
    }
    true
}

/// Prints the ids of the texts a table leaves untranslated or translated from
/// an older source, and of its rows that name no text.
fn report_gaps(applied: &Applied, table: &Path) {
    for id in &applied.missing {
        println!("missing: {id}");
    }
    for id in &applied.stale {
        println!("stale: {id}");
    }
    for id in &applied.unknown {
        println!(
            "warning: {}: \"{id}\" names no text of the scenario (run doorway strings extract to update the table)",
            table.display()
        );
    }
}

/// Where a translation is written by default: `NAME.LANGUAGE.scenario.ron`
/// beside `file`, `NAME.scenario.ron`.
fn translation_path(file: &Path, language: &str) -> PathBuf {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(SCENARIO_EXTENSION).unwrap_or(&name);
    beside(file, "").join(format!("{stem}.{language}{SCENARIO_EXTENSION}"))
}

/// What the translation is: the review and note given, else those of the
/// translation already at `out`, else machine-assisted with no note.
fn target(args: &ApplyArgs, out: &Path) -> Target {
    let before = previous_translation(out);
    Target {
        language: args.language.clone(),
        review: args
            .review
            .map(Review::from)
            .or(before.as_ref().map(|(review, _)| *review))
            .unwrap_or(Review::MachineAssisted),
        note: args
            .note
            .clone()
            .or(before.map(|(_, note)| note))
            .unwrap_or_default(),
        acts: args.acts,
    }
}

/// The scenario, or its first `acts` acts.
fn part(scenario: &Scenario, acts: Option<usize>) -> Result<Scenario, String> {
    match acts {
        Some(acts) => first_acts(scenario, acts).map_err(|error| error.to_string()),
        None => Ok(scenario.clone()),
    }
}

/// The folder `name` beside `file` (the file's own folder when `name` is empty).
fn beside(file: &Path, name: &str) -> PathBuf {
    file.parent().unwrap_or(Path::new("")).join(name)
}

/// The review and note of the translation already at `out`, if one is.
fn previous_translation(out: &Path) -> Option<(Review, String)> {
    if !out.exists() {
        return None;
    }
    let translation = load_file(out, LoadOptions::default())
        .scenario?
        .translation?;
    Some((translation.review, translation.note))
}

/// Reads a string table, or prints each problem as `TABLE:LINE:COLUMN: what`
/// and returns none.
fn read(path: &Path) -> Option<StringTable> {
    let bytes = read_limited(path, "a scenario's table")
        .map_err(|message| eprintln!("error: {message}"))
        .ok()?;
    read_table(&bytes)
        .map_err(|errors| {
            for error in &errors {
                eprintln!("error: {}:{error}", path.display());
            }
        })
        .ok()
}
