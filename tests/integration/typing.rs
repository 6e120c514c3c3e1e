//! Typing in the real window: under a virtual X display the app plays the
//! practice fixture in "Say it first", and `xdotool` types through the X
//! server as a trainee would, into the own-words field and then a reflection
//! field: letters, the number keys and E (which belong to the field while it
//! has focus, not to the play shortcuts), Backspace, Ctrl+V from the X
//! clipboard, Ctrl+A and Ctrl+C to the X clipboard (read back with `xclip`),
//! and Ctrl+Enter to send. The saved attempt must hold exactly what was typed.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The tools this test drives the X server with; `.ci/run` installs them.
const TOOLS: [&str; 3] = ["Xvfb", "xdotool", "xclip"];

/// Whether the tools are here. Without them the test says so and passes,
/// unless `DOORWAY_REQUIRE_WINDOW=1` (as `.ci/run` sets), where it fails.
fn tools_available() -> bool {
    let missing: Vec<&str> = TOOLS
        .into_iter()
        .filter(|tool| {
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .stdout(Stdio::null())
                .status()
                .map_or(true, |status| !status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("DOORWAY_REQUIRE_WINDOW").is_none_or(|v| v != "1"),
        "DOORWAY_REQUIRE_WINDOW=1 but {} missing (see .ci/run)",
        missing.join(", ")
    );
    eprintln!("skipped: {} not installed", missing.join(", "));
    false
}

/// A process killed when dropped, so a failing test leaves nothing running.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a virtual X display on a free number and returns it with the server.
fn start_display() -> (String, Running) {
    let mut server = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let stdout = server.stdout.take().expect("piped");
    let mut number = String::new();
    BufReader::new(stdout)
        .read_line(&mut number)
        .expect("Xvfb says its display number");
    (format!(":{}", number.trim()), Running(server))
}

/// Runs `xdotool` (or another X tool) on the display; its output.
fn x(display: &str, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A pause long enough for the app to draw a frame between inputs: the
/// modifier keys are read once a frame, so Ctrl must be held across frames,
/// as a hand holds it.
fn settle() {
    std::thread::sleep(Duration::from_millis(250));
}

fn type_text(display: &str, text: &str) {
    x(display, "xdotool", &["type", "--delay", "60", text]);
    settle();
}

fn key(display: &str, key: &str) {
    x(display, "xdotool", &["key", key]);
    settle();
}

/// Ctrl held, `key` pressed, Ctrl released.
fn ctrl(display: &str, key: &str) {
    x(display, "xdotool", &["keydown", "ctrl"]);
    settle();
    x(display, "xdotool", &["key", key]);
    settle();
    x(display, "xdotool", &["keyup", "ctrl"]);
    settle();
}

/// Puts `text` on the X clipboard, as another program would.
fn set_clipboard(display: &str, text: &str) {
    let mut xclip = Command::new("xclip")
        .args(["-selection", "clipboard", "-i"])
        .env("DISPLAY", display)
        .stdin(Stdio::piped())
        .spawn()
        .expect("xclip runs");
    xclip
        .stdin
        .take()
        .expect("piped")
        .write_all(text.as_bytes())
        .unwrap();
    assert!(xclip.wait().unwrap().success());
}

/// The attempt saved in the data folder, once there is one (with the
/// reflections when `with_reflection`).
fn saved_attempt(data: &Path, with_reflection: bool) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let attempt = std::fs::read_dir(data.join("attempts"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "json"))
            .find_map(|entry| {
                serde_json::from_slice::<serde_json::Value>(&std::fs::read(entry.path()).ok()?).ok()
            });
        if let Some(attempt) = attempt
            && (!with_reflection
                || attempt["reflections"]
                    .as_array()
                    .is_some_and(|r| !r.is_empty()))
        {
            return attempt;
        }
        assert!(Instant::now() < deadline, "no attempt was saved in time");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn typing_pasting_and_copying_work_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let (display, _server) = start_display();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("preferences.ron"),
        r#"(schema: 1, practice_modes: {"practice": say_it_first})"#,
    )
    .unwrap();
    let _app = Running(
        Command::new(env!("CARGO_BIN_EXE_doorway"))
            .args(["open", "tests/fixtures/practice.scenario.ron", "--begin"])
            .arg("--data-dir")
            .arg(data.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the app starts"),
    );
    let window = x(
        &display,
        "xdotool",
        &["search", "--sync", "--name", "^Doorway$"],
    );
    let window = window
        .lines()
        .next()
        .expect("the window is found")
        .to_owned();
    // The first frames load the scenario and begin; the field takes focus.
    std::thread::sleep(Duration::from_secs(3));
    x(&display, "xdotool", &["windowfocus", "--sync", &window]);
    // With no window manager, the app hears that it has the keyboard only with
    // the next event it gets; a pointer move (a hand on the mouse) gives one,
    // and the field then takes the focus.
    for (x_at, y_at) in [("640", "700"), ("650", "710")] {
        x(
            &display,
            "xdotool",
            &["mousemove", "--window", &window, x_at, y_at],
        );
        settle();
    }

    // The own words: number keys and E are text here, not shortcuts.
    set_clipboard(&display, " and I kept your hour");
    type_text(&display, "You came back 1 2 3 exx");
    key(&display, "BackSpace");
    key(&display, "BackSpace");
    ctrl(&display, "v");
    ctrl(&display, "a");
    ctrl(&display, "c");
    let typed = "You came back 1 2 3 e and I kept your hour";
    assert_eq!(
        x(&display, "xclip", &["-selection", "clipboard", "-o"]),
        typed,
        "Ctrl+A, Ctrl+C copied the field"
    );
    key(&display, "End");
    ctrl(&display, "Return");
    // Pick the closest, read the feedback, and on through the next moments.
    key(&display, "1");
    key(&display, "Return");
    type_text(&display, "Stay a minute");
    ctrl(&display, "Return");
    key(&display, "1");
    key(&display, "Return");
    key(&display, "1");
    key(&display, "Return");
    std::thread::sleep(Duration::from_secs(1));
    // The end screen: the first reflection field has focus.
    let attempt = saved_attempt(data.path(), false);
    let steps = attempt["transcript"]["steps"].as_array().unwrap();
    assert_eq!(steps[0]["own_words"]["text"], typed);
    assert_eq!(steps[1]["own_words"]["text"], "Stay a minute");
    type_text(&display, "I wanted to rescue him, 4 or 5 times");
    ctrl(&display, "Return");
    let attempt = saved_attempt(data.path(), true);
    assert_eq!(
        attempt["reflections"][0]["answer"],
        "I wanted to rescue him, 4 or 5 times"
    );
}
