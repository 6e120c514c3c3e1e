//! `doorway sheet`: a scenario's moments and answers as a spreadsheet (CSV),
//! and the sheet built back into the scenario file.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::files::{emit_to_stderr, read_limited};
use crate::core::diagnostic::Severity;
use crate::core::files::write_atomically;
use crate::core::load::{LoadOptions, SCENARIO_EXTENSION, load_file};
use crate::core::scenario_save::save_scenario;
use crate::core::sheet::{Imported, Separator, SheetProblem, export_csv, import_csv, is_imported};
use crate::core::wording::plural;

#[derive(Debug, Args)]
pub struct SheetArgs {
    #[command(subcommand)]
    pub command: SheetCommand,
}

#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// Write a scenario's moments and answers as a CSV sheet, one row per answer,
    /// to edit in LibreOffice, Excel or Google Sheets.
    Export(ExportArgs),
    /// Build a scenario back from a sheet: what the sheet carries replaces the
    /// values in the scenario file given with -o, everything else is kept.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// The CSV file to write.
    #[arg(short, long, value_name = "SHEET")]
    pub output: PathBuf,
    /// Separate cells with semicolons, as Excel expects in languages with a
    /// decimal comma.
    #[arg(long)]
    pub semicolons: bool,
    /// Replace a sheet that holds what the scenario does not (edits not
    /// imported yet, a column Doorway does not read): they are lost.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV sheet.
    pub sheet: PathBuf,
    /// The scenario file to build into: its characters, acts, clock, sources
    /// and drills are kept, its moments and answers replaced by the sheet's.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Say what would change, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `doorway sheet`; true when all went well.
pub(super) fn run(args: &SheetArgs) -> bool {
    match &args.command {
        SheetCommand::Export(args) => export(args),
        SheetCommand::Import(args) => import(args),
    }
}

fn export(args: &ExportArgs) -> bool {
    if is_scenario_file(&args.output) {
        eprintln!(
            "error: {} is a scenario file's name; write the sheet to a .csv file\n\
             help: doorway sheet export {} -o SHEET.csv",
            args.output.display(),
            args.file.display()
        );
        return false;
    }
    let loaded = load_file(&args.file, LoadOptions::default());
    let Some(scenario) = loaded.scenario else {
        let _ = emit_to_stderr(&loaded.report);
        return false;
    };
    let separator = if args.semicolons {
        Separator::Semicolon
    } else {
        Separator::Comma
    };
    let bytes = export_csv(&scenario, separator);
    let (sheet, file) = (args.output.display(), args.file.display());
    match std::fs::read(&args.output) {
        Ok(existing) if existing == bytes => {
            println!("{sheet} is up to date with {file}");
            return true;
        }
        Ok(existing) if !args.force && !is_imported(&existing, &scenario) => {
            eprintln!(
                "error: {sheet} holds what {file} does not: edits not imported yet, or a column Doorway does not read\n\
                 help: import it first (doorway sheet import {sheet} -o {file}), or give --force to replace it"
            );
            return false;
        }
        _ => {}
    }
    if let Err(error) = write_atomically(&args.output, &bytes) {
        eprintln!("error: cannot write {sheet}: {error}");
        return false;
    }
    let moments = scenario.nodes().count();
    println!(
        "wrote {sheet}: {}\nnext: edit it in a spreadsheet, then `doorway sheet import {sheet} -o {file}`",
        plural(moments, "moment")
    );
    true
}

fn import(args: &ImportArgs) -> bool {
    let (sheet, file) = (args.sheet.display(), args.output.display());
    if is_scenario_file(&args.sheet) {
        eprintln!(
            "error: {sheet} is a scenario file, not a sheet\n\
             help: the sheet comes first, the scenario file after -o: \
             doorway sheet import SHEET.csv -o {sheet}"
        );
        return false;
    }
    if !args.output.exists() {
        eprintln!(
            "error: {file} does not exist\n\
             help: a sheet carries a scenario's moments and answers, not its characters, acts and clock; \
             start the scenario with `doorway new NAME`, then import the sheet into it with -o"
        );
        return false;
    }
    let loaded = load_file(&args.output, LoadOptions::default());
    let Some(base) = loaded.scenario else {
        let _ = emit_to_stderr(&loaded.report);
        eprintln!("error: fix {file} before importing a sheet into it");
        return false;
    };
    let bytes = match read_limited(&args.sheet, "a scenario's sheet") {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("error: {message}");
            return false;
        }
    };
    match import_csv(&bytes, &base) {
        Ok(imported) => {
            print_problems(&imported.problems);
            report_and_save(&imported, args)
        }
        Err(problems) => {
            print_problems(&problems);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            eprintln!(
                "{sheet}: {}: nothing was written to {file}",
                plural(errors, "error")
            );
            false
        }
    }
}

fn is_scenario_file(path: &Path) -> bool {
    path.to_string_lossy().ends_with(SCENARIO_EXTENSION)
}

fn print_problems(problems: &[SheetProblem]) {
    for problem in problems {
        let severity = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        println!("{severity}: {problem}");
    }
}

fn report_and_save(imported: &Imported, args: &ImportArgs) -> bool {
    let file = args.output.display();
    if imported.unchanged {
        println!("{file} is unchanged: the sheet says what it already says");
        return true;
    }
    let lines = imported.changes.lines();
    if lines.is_empty() {
        println!("no value changed, but the order of rows or the way a value is written did");
    }
    for line in lines {
        println!("{line}");
    }
    if args.dry_run {
        println!("nothing was written (--dry-run)");
        return true;
    }
    match save_scenario(&args.output, &imported.scenario) {
        Ok(saved) => {
            if let Some(backup) = saved.backup {
                println!(
                    "kept the hand-written file as {}: its comments are not in the new text",
                    backup.display()
                );
            }
            println!("wrote {file}");
            true
        }
        Err(error) => {
            eprintln!("error: cannot write {file}: {error}");
            false
        }
    }
}
