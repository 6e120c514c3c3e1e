use std::process::ExitCode;

fn main() -> ExitCode {
    doorway::cli::run()
}
