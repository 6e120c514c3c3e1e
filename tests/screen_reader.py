"""A screen reader's walk through Doorway over the Linux accessibility bus.

Run by tests/integration/screen_reader.rs inside `dbus-run-session` under a
virtual X display. It turns on the bus's screen-reader flag (as Orca does),
starts the app, and plays the fixture scenario through AT-SPI alone: every
button is found by its accessible name and pressed with its AT-SPI action,
every check reads the names and roles a screen reader reads. Announcements
(AT-SPI `object:announcement` events) are recorded as they arrive.

Usage: screen_reader.py DOORWAY SCENARIO_DIR DATA_DIR
Prints one line per check; exits non-zero with the tree on the first failure.
"""

import subprocess
import sys
import threading
import time

import pyatspi
from gi.repository import GLib

WAIT_SECONDS = 60
STARTED = time.time()


def say(line):
    """One line of the walk, with the seconds since it began."""
    print(f"{time.time() - STARTED:5.1f} s  {line}", flush=True)


def enable_screen_reader_flag():
    subprocess.run(
        [
            "gdbus", "call", "--session", "--dest", "org.a11y.Bus",
            "--object-path", "/org/a11y/bus",
            "--method", "org.freedesktop.DBus.Properties.Set",
            "org.a11y.Status", "ScreenReaderEnabled", "<true>",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def nodes(root):
    """Every node under root, depth first, as (role name, name, node)."""
    found = []

    def walk(node):
        try:
            found.append((node.getRoleName(), node.name or "", node))
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:  # a node that went away while we looked
            return
        for child in children:
            if child is not None:
                walk(child)

    walk(root)
    return found


def doorway():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "doorway":
            return app
    return None


def dump(app):
    if app is None:
        return "(no application named doorway on the bus)"
    return "\n".join(f"[{role}] {name!r}" for role, name, _ in nodes(app))


def wait_for(what, test):
    """Polls the tree until test(list of nodes) gives a value, and returns it."""
    deadline = time.time() + WAIT_SECONDS
    while time.time() < deadline:
        app = doorway()
        if app is not None:
            found = test(nodes(app))
            if found:
                say(f"ok: {what}")
                return found
        time.sleep(0.3)
    say(f"FAILED: {what}\n{dump(doorway())}")
    sys.exit(1)


def one(role, name=None, starts=None, contains=None):
    """A test for wait_for: the first node of role matching the name."""

    def test(found):
        for node_role, node_name, node in found:
            if node_role != role:
                continue
            if name is not None and node_name != name:
                continue
            if starts is not None and not node_name.startswith(starts):
                continue
            if contains is not None and contains not in node_name:
                continue
            return node
        return None

    return test


def window_named(title):
    return one("frame", name=f"Doorway: {title}")


def press(what, node):
    actions = node.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    if "click" not in names:
        print(f"FAILED: {what} has no click action, only {names}")
        sys.exit(1)
    actions.doAction(names.index("click"))
    say(f"pressed: {what}")


CONTROLS = {"push button", "toggle button", "check box", "radio button",
            "entry", "text", "combo box", "slider", "spin button", "link"}


def every_control_named(found):
    """A test for wait_for: some controls, and none without a name."""
    controls = [name for role, name, _ in found if role in CONTROLS]
    return bool(controls) and all(name.strip() for name in controls)


class Announcements:
    """object:announcement events, heard on a GLib main loop in a thread."""

    def __init__(self):
        self.heard = []
        self.lock = threading.Lock()
        pyatspi.Registry.registerEventListener(self.hear, "object:announcement")
        thread = threading.Thread(target=GLib.MainLoop().run, daemon=True)
        thread.start()

    def hear(self, event):
        with self.lock:
            self.heard.append(str(event.any_data))

    def wait_for(self, what, part):
        deadline = time.time() + WAIT_SECONDS
        while time.time() < deadline:
            with self.lock:
                if any(part in text for text in self.heard):
                    say(f"ok: announced {what}")
                    return
            time.sleep(0.3)
        with self.lock:
            say(f"FAILED: {what} was not announced; heard {self.heard!r}")
        sys.exit(1)


def main():
    binary, scenarios, data = sys.argv[1:4]
    enable_screen_reader_flag()
    heard = Announcements()
    app = subprocess.Popen(
        [binary, "--scenarios", scenarios, "--data-dir", data],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        walk(heard)
    finally:
        app.terminate()
        app.wait(timeout=20)


def walk(heard):
    wait_for("the library names its window", window_named("Library"))
    wait_for("the search field is named by its label", one("entry", name="Find:"))
    wait_for("every control in the library has a name", every_control_named)
    button = wait_for(
        "each card's button names its scenario",
        one("push button", name="Open the briefing: Screen reader walk"),
    )
    press("Open the briefing", button)

    wait_for("the briefing names its window", window_named("Briefing"))
    press("Begin", wait_for("Begin is a button", one("push button", name="Begin")))

    wait_for("play names its window", window_named("Play"))
    heard.wait_for("the moment", "Sam: “Have you got a minute?”")
    wait_for("the countdown reads the time left", one("progress bar", starts="Time left:"))
    wait_for("the connection meter is read in words", one("level bar", starts="Connection: "))
    answer = wait_for("the first answer is a button", one("push button", contains="Come in, Sam."))
    press("the first answer", answer)

    heard.wait_for("the feedback", "What it does: A warm welcome.")
    go_on = wait_for("Continue is a button", one("push button", starts="Continue"))
    press("Continue", go_on)

    wait_for("the end names its window", window_named("The end of the attempt"))
    wait_for("the end names the ending", one("label", contains="Stayed"))
    wait_for("every control at the end has a name", every_control_named)


if __name__ == "__main__":
    main()
