//! A screen reader's walk through the real app: under a virtual X display and a
//! private D-Bus session with the Linux accessibility bus (AT-SPI), the Python
//! script `tests/screen_reader.py` turns on the bus's screen-reader flag as Orca
//! does, then plays the fixture scenario from the library to the end through
//! AT-SPI alone, pressing buttons by their accessible names and checking what a
//! screen reader hears: the window's name per screen, named controls, the
//! countdown and meters in words, and the moment and feedback announced.

use std::process::Command;

/// Whether the accessibility bus can be run here: xvfb-run, dbus-run-session and
/// Python's pyatspi. Without them the test says so and passes, unless
/// `DOORWAY_REQUIRE_WINDOW=1` (as `.ci/run` sets, after installing them).
fn accessibility_bus_available() -> bool {
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|output| output.status.success())
    };
    let found = runs("xvfb-run", &["--help"])
        && runs("dbus-run-session", &["--version"])
        && runs("/usr/bin/python3", &["-c", "import pyatspi"]);
    if !found {
        assert!(
            std::env::var_os("DOORWAY_REQUIRE_WINDOW").is_none_or(|v| v != "1"),
            "DOORWAY_REQUIRE_WINDOW=1 but xvfb-run, dbus-run-session or pyatspi is missing \
             (apt-get install xvfb dbus at-spi2-core python3-pyatspi; see .ci/run)"
        );
        eprintln!("skipped: no accessibility bus here (xvfb-run, dbus-run-session, pyatspi)");
    }
    found
}

#[test]
fn a_screen_reader_can_choose_play_and_read_the_feedback() {
    if !accessibility_bus_available() {
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let scenarios = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{root}/tests/fixtures/screen-reader.scenario.ron"),
        scenarios.path().join("screen-reader.scenario.ron"),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24"])
        .args(["dbus-run-session", "--", "/usr/bin/python3"])
        .arg(format!("{root}/tests/screen_reader.py"))
        .arg(env!("CARGO_BIN_EXE_doorway"))
        .arg(scenarios.path())
        .arg(data.path())
        .output()
        .expect("xvfb-run runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the walk failed:\n{said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for check in [
        "ok: announced the moment",
        "ok: announced the feedback",
        "ok: the end names its window",
    ] {
        assert!(said.contains(check), "{check} missing from:\n{said}");
    }
}
