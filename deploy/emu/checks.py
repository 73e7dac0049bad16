#!/usr/bin/env python3
"""The kiosk's deployment checked on the emulated machine, from outside, as a person would:
install the .deb with install-pi.sh, power on, look at the screen, touch it, plug sticks in, pull
the plug. Each check prints PASS or FAIL with its evidence; screen dumps (PNG), the receipts
and figures.json go to OUT. Exits 1 if any check failed.

Usage: checks.py WORK OUT WxH [all|screen|figures]   (WORK holds disk.img, boot/ and fixtures/
from run.sh; "screen": only the checks a screen's size changes: boot, drawing, touch; "figures":
the boot, then the performance figures beside fbi, on the installed deck)
"""
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from machine import Machine, MachineError  # noqa: E402
from screens import SAME, Slides, coverage, difference, notice_shown, thumbnail, to_png  # noqa: E402

IDLE_RETURN_S = 45  # the guest's idle_return_s: short for a test, long enough for TCG's slow frames
FIGURES_S = 30  # how long a process's CPU is measured (checks 9 and 10)
# A runtime drop-in (gone at the next boot) that adds --frame-times to the kiosk's command line.
FRAME_TIMES_DROP_IN = "/run/systemd/system/kiosk.service.d/frame-times.conf"


class Run:
    def __init__(self, work, out, size):
        self.work, self.out, self.size = work, out, size
        self.fixtures = os.path.join(work, "fixtures")
        self.machine = Machine(work, os.path.join(work, "disk.img"), os.path.join(work, "boot"),
                               tuple(int(v) for v in size.split("x")))
        slides = os.path.join(self.fixtures, size)
        self.installed = Slides(os.path.join(slides, "slides-installed"))
        self.seq2 = Slides(os.path.join(slides, "slides-seq2"))
        self.seq4 = Slides(os.path.join(slides, "slides-seq4"))
        # The colour notices are drawn in: the theme's surface, the same in every deck here.
        theme = json.load(open(os.path.join(self.fixtures, "deck-2", "deck.json")))["theme"]
        self.surface = bytes.fromhex(theme["surface"].lstrip("#"))
        self.results, self.figures, self.t0 = [], {"screen": size}, time.time()

    # --- reporting -----------------------------------------------------------------------------
    def log(self, *words):
        print(f"[{time.time() - self.t0:5.0f}s]", *words, flush=True)

    def result(self, number, name, ok, evidence):
        self.results.append((number, name, bool(ok), evidence))
        self.log("PASS" if ok else "FAIL", f"{number} {name}:", evidence)

    def write_report(self):
        self.results.sort(key=lambda r: r[0])
        with open(os.path.join(self.out, "results.txt"), "w") as f:
            for number, name, ok, evidence in self.results:
                f.write(f"{'PASS' if ok else 'FAIL'} {number} {name}: {evidence}\n")
        with open(os.path.join(self.out, "figures.json"), "w") as f:
            json.dump(self.figures, f, indent=2)

    # --- the screen ----------------------------------------------------------------------------
    def dump(self, name=None):
        """A screen dump as a thumbnail; kept as OUT/name.png when named."""
        ppm = os.path.join(self.work, "screen.ppm")
        self.machine.screendump_ppm(ppm)
        thumb = thumbnail(ppm)
        if name:
            to_png(ppm, os.path.join(self.out, name + ".png"))
        return thumb

    def settled(self, name, slides=None, timeout=30, leaving=None):
        """Dumps the screen until it stops changing on a slide of the deck: under emulation a
        transition draws a frame a second or slower, so one still pair can be mid-way. With
        `leaving`, a page that was just turned: a transition's first frame already shows the new
        counter over the old slide, and a slow guest can hold it for two dumps, so the old slide
        counts as settled only when the timeout ends."""
        slides = slides or self.installed
        last, start = self.dump(), time.time()
        while time.time() - start < timeout:
            time.sleep(1)
            thumb = self.dump()
            shown = slides.nearest(thumb)
            if difference(last, thumb, rows=1.0) < SAME and shown and shown != leaving:
                break
            last = thumb
        return self.dump(name)

    def describe(self, thumb, slides):
        n, d = slides.shows(thumb)
        return f"slide {n if n else '?'} (distance {d:.1f}), {coverage(thumb):.0%} not background"

    def wait_for_slide(self, slides, number, timeout, name):
        """Dumps the screen until it shows that slide; returns the seconds waited or None."""
        start = time.time()
        while time.time() - start < timeout:
            try:
                thumb = self.dump()
            except MachineError as e:  # no frame yet: the display is not up
                self.log(e)
                continue
            self.log("screen:", self.describe(thumb, slides))
            if slides.shows(thumb)[0] == number:
                seen = time.time() - start
                self.dump(name)
                return seen
            time.sleep(1)
        self.dump(name)
        return None

    def seconds_to_slide(self, start, slides, name, timeout=60):
        """Seconds from calling start() until the dump shows slide 1, or None (about a second's
        resolution: a dump, then a second's wait)."""
        t0 = time.time()
        start()
        waited_from = time.time()
        waited = self.wait_for_slide(slides, 1, timeout, name)
        return None if waited is None else round(waited_from - t0 + waited, 1)

    def kiosk_pid(self):
        """The running kiosk's PID; MachineError when none runs (MainPID 0: `kill 0` would hit
        the console shell's own process group, /proc/0 does not exist)."""
        _, pid = self.machine.sh("systemctl show -p MainPID --value kiosk")
        if not pid.strip().isdigit() or pid.strip() == "0":
            raise MachineError(f"no kiosk running (MainPID {pid.strip()!r})")
        return pid.strip()

    def kiosk_ready_stamps(self):
        """The kiosk's last exec and READY (its first frame presented) on the guest's monotonic
        clock, in seconds from the kernel's start (about power-on); 0 for one not seen."""
        _, out = self.machine.sh(
            "systemctl show -p ExecMainStartTimestampMonotonic --value kiosk; "
            "systemctl show -p ActiveEnterTimestampMonotonic --value kiosk")
        values = [int(v) if v.isdigit() else 0 for v in out.split()] + [0, 0]
        return values[0] / 1e6, values[1] / 1e6

    def guest_json(self, path):
        rc, out = self.machine.sh(f"cat {path}")
        return json.loads(out) if rc == 0 else {}

    # --- the steps -----------------------------------------------------------------------------
    def install(self):
        """First boot of a fresh machine: install-pi.sh as deploy/README.md says, the organiser's
        key in the configuration, then power off (the reboot install-pi.sh would do is the cold
        boot measured next)."""
        m = self.machine
        m.power_on()
        self.figures["first_boot_to_shell_s"] = round(m.wait_shell(), 1)
        start = time.time()
        # Detached from the console, whose shell may be restarted under it (see Machine.sh).
        m.sh("setsid sh -c 'sh /root/emu/install-pi.sh /root/emu/kiosk_*.deb "
             "/root/emu/kiosk-tools_*.deb --no-reboot "
             ">/root/emu/install.log 2>&1; echo $? >/root/emu/install.rc' </dev/null >/dev/null &")
        while time.time() - start < 900:
            try:
                if m.until("[ -f /root/emu/install.rc ]", 60):
                    break
            except MachineError as e:
                self.log(e)
        self.figures["install_pi_s"] = round(time.time() - start, 1)
        rc, out = m.sh("cat /root/emu/install.rc; tail -n 4 /root/emu/install.log")
        if not out.startswith("0\n"):
            raise MachineError(f"install-pi.sh failed: {out[-800:]}")
        key = open(os.path.join(self.fixtures, "keys", "kiosk.pub")).read().splitlines()[1]
        m.sh(f"sed -i -e 's|\"trusted_keys\": \\[\\]|\"trusted_keys\": [\"{key}\"]|' "
             f"-e 's|\"idle_return_s\": [0-9]*|\"idle_return_s\": {IDLE_RETURN_S}|' "
             "/etc/kiosk/kiosk.json && grep -q RW /etc/kiosk/kiosk.json", check=True)
        self.log(f"installed with install-pi.sh in {self.figures['install_pi_s']:.0f} s; power off")
        m.send_line("systemctl poweroff")
        m.power_off()

    def wait_for_kiosk(self, timeout=300):
        """Waits for the serial shell, then for the kiosk's READY (sent once its first frame is
        on screen). Only then the screen is dumped: a screendump of virtio-gpu waits for the
        guest's next frame, and QMP answers nothing else meanwhile."""
        shell = self.machine.wait_shell()
        self.log(f"shell {shell:.0f} s after power-on")
        ready = self.machine.until("systemctl is-active -q kiosk", timeout)
        self.log(f"kiosk active: {ready}")
        return shell, ready

    def check_boot(self):
        m = self.machine
        m.power_on()
        shell, ready = self.wait_for_kiosk()
        waited = self.wait_for_slide(self.installed, 1, 20, "01-first-slide") if ready else None
        wall = m.since_power_on()
        # READY on the guest's own clock; the kiosk's own share is from its exec to READY.
        started, t = self.kiosk_ready_stamps()
        own = t - started
        ok = waited is not None
        self.figures.update(power_on_to_shell_s=round(shell, 1),
                            power_on_to_kiosk_ready_s=round(t, 1) if ready else None,
                            kiosk_exec_to_first_frame_s=round(own, 2) if ready else None,
                            power_on_to_first_slide_dump_s=round(wall, 1) if ok else None)
        _, status = m.sh("systemctl show -p SubState,StatusText,NRestarts kiosk; "
                         "journalctl -b -u kiosk -o cat | grep 'display:'")
        # Mesa cannot write its shader cache under ProtectSystem=strict: the unit turns it off.
        _, mesa = m.sh("journalctl -b -u kiosk -o cat | grep -c -i -E 'shader|disk.cache'")
        # The kiosk's own output without GL, not the fallback to SDL's KMSDRM (README: Display).
        ok = ok and mesa.strip() == "0" and "frames copied to card" in status
        status += f", Mesa shader-cache warnings in the journal: {mesa.strip()}"
        self.result(1, "boot to the first slide", ok,
                    (f"READY (first frame) {t:.0f} s after power-on ({own:.1f} s after the "
                     f"kiosk's exec), slide 1 in the dump at "
                     f"{wall:.0f} s wall" if ok else "slide 1 not seen on screen")
                    + f"; 01-first-slide.png; {status.replace(chr(10), ', ')}")

    def check_drawing(self):
        first = self.settled("02-slide")
        n1 = self.installed.shows(first)[0]
        # The loop must move on by itself: a slide stays at most max_slide_s (30 s).
        start, later = time.time(), first
        while time.time() - start < 45 and self.installed.shows(later)[0] in (n1, None):
            time.sleep(2)
            later = self.dump()
        later = self.settled("02-later")
        n2 = self.installed.shows(later)[0]
        moved = difference(first, later, rows=1.0)
        # A blank screen (the background colour only) has no coverage and matches no slide.
        ok = n1 is not None and n2 is not None and n2 != n1 and moved > SAME \
            and coverage(first) > 0.02
        self.result(2, "the screen shows the slides and changes", ok,
                    f"02-slide.png: {self.describe(first, self.installed)}; 02-later.png: "
                    f"{self.describe(later, self.installed)}; the two differ by {moved:.2f}"
                    + ("" if ok else " (a blank or frozen screen)"))

    def check_touch(self):
        m = self.machine
        # High on the right half: clear of the controls, and of the findings in the overview.
        m.tap(0.75, 0.2)  # the first touch only pauses the loop and shows the controls
        before = self.installed.shows(self.settled("03-first-touch"))[0]
        m.tap(0.95, 0.2)  # the right edge (a tap on the text moves nothing): the next slide
        tapped = self.installed.nearest(self.settled("03-tap", leaving=before))
        m.swipe(0.8, 0.2, 0.2)  # to the left: the next slide
        swiped = self.installed.nearest(self.settled("03-swipe", leaving=tapped))
        # The touch screen unplugged and plugged in again while the kiosk runs: it must still
        # answer (the kiosk hears of the new device through udev's netlink events).
        replugged = m.replug_touch()
        m.tap(0.95, 0.2)
        after = self.installed.nearest(self.settled("03-replugged", leaving=swiped))
        # The visitor walks away: after idle_return_s the loop comes back by itself, at slide 1.
        # (It matters to the next checks too: only the loop draws frames while nobody touches,
        # and a screen dump of virtio-gpu waits for the next frame.)
        back = self.wait_for_slide(self.installed, 1, IDLE_RETURN_S + 60, "03-back-to-loop")
        ok = None not in (before, tapped, swiped, after) and tapped == before + 1 \
            and swiped == tapped + 1 and replugged and after == swiped + 1 and back is not None
        self.result(3, "a tap and a swipe on the touch screen change the slide, also after the "
                       "screen is plugged in again; the loop comes back when nobody touches", ok,
                    f"paused on slide {before}, tap at the right edge: {tapped}, swipe to "
                    f"the left: {swiped}; touch screen plugged in again "
                    f"({'seen by udev' if replugged else 'not seen by udev'}), a tap: {after}; "
                    f"back in the loop at slide 1 "
                    + (f"{back:.0f} s after the swipe" if back is not None else "never")
                    + " (03-*.png)")

    def import_notice(self, name, words):
        """Waits for the kiosk to say `words` on screen (it logs each notice, "kiosk: on screen:
        ...", in the journal: "Nieuwe inhoud wordt gecontroleerd" comes first, in the same
        colour), then for a screen dump that shows a notice (8 s for a new deck, 15 s for a
        refusal). Returns the journal's line, or None when either is not seen."""
        m = self.machine
        said = m.until("journalctl -u kiosk -o cat --since @$(cat /run/emu-stick-start) | "
                       f"grep -q 'kiosk: on screen: {words}'", 300, step=0.5)
        if not said or not self.watch_for_notice(name, timeout=12):
            return None
        _, line = m.sh("journalctl -u kiosk -o cat --since @$(cat /run/emu-stick-start) | "
                       f"grep 'kiosk: on screen: {words}' | tail -n 1")
        return line.strip()

    def watch_for_notice(self, name, timeout=25):
        """Dumps the screen until a notice shows; keeps that dump (or the last) as PNG."""
        ppm, start = os.path.join(self.work, "screen.ppm"), time.time()
        while time.time() - start < timeout:
            self.dump()
            if notice_shown(ppm, self.surface):
                to_png(ppm, os.path.join(self.out, name + ".png"))
                return True
            time.sleep(0.5)
        self.dump(name)
        return False

    def stick(self, number, image, name, words):
        """Plugs a stick in, waits for its import, brings the loop back to its first slide,
        pulls the stick and reads the receipt from it. Returns what the evidence needs."""
        m = self.machine
        _, before = m.sh("readlink /var/lib/kiosk/current")
        m.sh("date +%s > /run/emu-stick-start")
        m.plug_stick(image, name)
        message = self.import_notice(f"{number:02d}-message", words)
        done = m.until("journalctl -u 'kiosk-import@*' --since @$(cat /run/emu-stick-start) "
                       "| grep -q -E 'Deactivated successfully|Failed with result'", 300)
        _, after = m.sh("readlink /var/lib/kiosk/current")
        status = self.guest_json("/var/lib/kiosk/import-status.json")
        # A touch, then no touch for idle_return_s: the kiosk goes back to the loop's first slide.
        m.tap(0.5, 0.3)
        # Both sticks end with the signed one's deck: the unsigned one must change nothing.
        waited = self.wait_for_slide(self.seq2, 1, IDLE_RETURN_S + 60, f"{number:02d}-first-slide")
        _, mounts = m.sh("findmnt -rn -o TARGET,SOURCE | grep -c -E 'sd[a-z]|kiosk-usb'")
        m.pull_stick(name)
        time.sleep(3)
        receipt = mtools("mtype", image, "::kiosk-receipt.txt")
        stats = mtools("mdir", image, "-b", "::kiosk-stats")
        with open(os.path.join(self.out, f"{number:02d}-receipt.txt"), "w") as f:
            f.write(receipt + "\n--- kiosk-stats/ on the stick:\n" + stats + "\n")
        return dict(done=done, before=before, after=after, state=status.get("state"), message=message,
                    on_screen=waited is not None, mounts=mounts.strip(),
                    receipt=receipt.strip(), stats=stats.split())

    def check_signed_stick(self):
        s = self.stick(5, os.path.join(self.fixtures, "stick-signed.img"), "stick1",
                       "Nieuwe inhoud: 30 dia")
        ok = s["done"] and s["state"] == "accepted" and s["after"] != s["before"] \
            and s["message"] and s["on_screen"] and s["mounts"] == "0" and s["receipt"] \
            and s["stats"]
        self.result(5, "a signed stick: imported, on screen, receipt and statistics on the stick",
                    ok, f"state {s['state']}; current {s['before']} -> {s['after']}; its notice "
                        f"on screen: {s['message']!r} (05-message.png); new deck on screen: "
                        f"{s['on_screen']} (05-first-slide.png); "
                        f"mounts left: {s['mounts']}; receipt: {s['receipt'][:120]!r}; "
                        f"statistics files: {len(s['stats'])} (05-receipt.txt)")

    def check_unsigned_stick(self):
        s = self.stick(6, os.path.join(self.fixtures, "stick-unsigned.img"), "stick2",
                       "Nieuwe inhoud geweigerd: de inhoud is niet ondertekend")
        ok = s["done"] and s["state"] == "refused" and s["after"] == s["before"] \
            and s["message"] and s["on_screen"] and s["receipt"]
        self.result(6, "an unsigned stick: refused, the slides stay, the receipt says why",
                    ok, f"state {s['state']}; current stays {s['after']}; the refusal on screen: "
                        f"{s['message']!r} (06-message.png); the imported deck still on screen: "
                        f"{s['on_screen']} (06-first-slide.png); "
                        f"receipt: {s['receipt'][:160]!r}")

    def import_under_way(self, image, name):
        """Plugs a stick in and returns once its import is copying the bundle's large files
        (the staging copy has its filler/ folder), with `current` as it was before."""
        m = self.machine
        _, before = m.sh("readlink /var/lib/kiosk/current")
        m.sh("date +%s > /run/emu-stick-start")
        m.plug_stick(image, name)
        copying = m.until("ls -A /var/lib/kiosk/staging/*/filler | grep -q .", 180, step=0.2)
        return before, copying

    def check_pulled_stick(self):
        m = self.machine
        before, copying = self.import_under_way(
            os.path.join(self.fixtures, "stick-large.img"), "stick3")
        m.pull_stick("stick3")
        self.log(f"stick pulled while copying: {copying}")
        message = self.import_notice("06-pulled-message", "Nieuwe inhoud geweigerd: ")
        done = m.until("journalctl -u 'kiosk-import@*' --since @$(cat /run/emu-stick-start) "
                       "| grep -q -E 'Deactivated successfully|Failed with result|Stopped'", 180)
        _, after = m.sh("readlink /var/lib/kiosk/current")
        status = self.guest_json("/var/lib/kiosk/import-status.json")
        _, left = m.sh("ls -A /var/lib/kiosk/staging | wc -l")
        _, log = m.sh("journalctl -u 'kiosk-import@*' --since @$(cat /run/emu-stick-start) "
                      "-o cat | grep -E 'refused|Stopped|Failed' | tail -n 2")
        m.tap(0.5, 0.3)
        waited = self.wait_for_slide(self.seq2, 1, IDLE_RETURN_S + 60, "06-pulled-first-slide")
        # Refused for the pull itself, not for anything else about the bundle.
        ok = copying and done and status.get("state") == "refused" \
            and status.get("code") in ("interrupted", "stick_read_error") and after == before \
            and message and left.strip() == "0" and waited is not None
        self.result(6, "a stick pulled out during its import: refused, the slides stay", ok,
                    f"pulled while copying: {copying}; state {status.get('state')} "
                    f"({status.get('code')}: {status.get('message', '')[:100]!r}); current stays "
                    f"{after}; staging folders left: {left.strip()}; the refusal on screen: {message!r}; "
                    f"the imported deck still on "
                    f"screen: {waited is not None} (06-pulled-message.png, "
                    f"06-pulled-first-slide.png); journal: {log.replace(chr(10), ' | ')}")

    def check_power_cut(self):
        """The power cut during an import: QEMU quits (no shutdown, the guest's unwritten pages
        lost) while the large stick is copied; then a cold boot without the stick."""
        m = self.machine
        before, copying = self.import_under_way(
            os.path.join(self.fixtures, "stick-large.img"), "stick4")
        m.pull_plug()
        self.log(f"power cut while copying: {copying}")
        m.power_on()
        self.wait_for_kiosk()
        _, after = m.sh("readlink /var/lib/kiosk/current")
        new = after.startswith("releases/4-")
        slides = self.seq4 if new else self.seq2
        waited = self.wait_for_slide(slides, 1, 60, "07-after-power-cut")
        # Complete: every file its bundle's manifest lists, with its SHA-256, and that manifest.
        deck = os.path.join(self.fixtures, "deck-4" if new else "deck-2")
        files = json.load(open(os.path.join(deck, "manifest.json")))["files"]
        manifest = hashlib.sha256(open(os.path.join(deck, "manifest.json"), "rb").read())
        lines = [f"{f['sha256']}  {f['path']}" for f in files] + \
            [f"{manifest.hexdigest()}  manifest.json"]
        # In a subshell: the console's shell keeps its own directory between commands.
        rc, out = m.sh("( cd /var/lib/kiosk/current && printf '%s\\n' "
                       + " ".join(f"'{line}'" for line in lines)
                       + " | sha256sum -c --quiet ) && echo complete")
        complete = rc == 0 and out.endswith("complete")
        ok = copying and (new or after == before) and complete and waited is not None
        self.result(7, "a power cut during an import leaves one release, complete", ok,
                    f"cut while copying: {copying}; current {before} -> {after} "
                    f"({'the new' if new else 'the old'} release); every file of its manifest "
                    f"there with its SHA-256: {complete}; its first slide on screen: "
                    f"{waited is not None} (07-after-power-cut.png)")

    def check_restarts(self):
        m = self.machine
        # SIGSTOP: no WATCHDOG=1 for WatchdogSec (30 s), then systemd kills and restarts it.
        for how, sig, timeout in (("kill -9", "KILL", 120), ("SIGSTOP", "STOP", 240)):
            pid = self.kiosk_pid()
            start = time.time()
            m.sh(f"kill -{sig} {pid}")
            ok = m.until(f"p=$(systemctl show -p MainPID --value kiosk); [ $p != {pid} ] && "
                         "[ $p != 0 ] && systemctl is-active -q kiosk", timeout)
            took = time.time() - start
            _, log = m.sh("journalctl -u kiosk -n 40 --no-pager -o cat | "
                          "grep -E 'atchdog|Main process exited|Scheduled restart' | tail -n 2")
            self.figures[f"restart_after_{sig.lower()}_s"] = round(took, 1)
            self.result(4, f"{how} is restarted by systemd", ok,
                        f"{took:.0f} s; {log.replace(chr(10), ' | ')}")
        time.sleep(5)
        self.log("after the restarts:", self.describe(self.dump("04-after-restarts"), self.seq2))

    def check_lockdown(self):
        m = self.machine
        m.keys("ctrl", "alt", "f2")
        m.keys("alt", "sysrq", "h")
        time.sleep(1)
        _, out = m.sh("cat /proc/sys/kernel/sysrq; systemctl is-enabled ctrl-alt-del.target; "
                      "systemctl is-active getty@tty1; cat /sys/class/tty/tty0/active; "
                      "dmesg | grep -c 'sysrq: HELP'")
        sysrq, cad, getty, vt, help_ = (out.splitlines() + [""] * 5)[:5]
        ok = sysrq == "0" and cad == "masked" and getty != "active" and vt == "tty1" \
            and help_ == "0"
        self.result(8, "lockdown", ok,
                    f"sysrq {sysrq}; ctrl-alt-del.target {cad}; getty@tty1 {getty}; after "
                    f"Ctrl-Alt-F2 the console is {vt}; SysRq-H from the keyboard printed help "
                    f"{help_} times")

    def process_figures(self, pid):
        """CPU of one process over FIGURES_S (the share of one emulated core), then its PSS, RSS
        and private memory, and its private memory by mapping, largest first (KiB)."""
        m = self.machine
        ticks = f"awk '{{print $14 + $15}}' /proc/{pid}/stat; cat /proc/uptime"
        first = m.sh(ticks)[1].split()
        time.sleep(FIGURES_S)
        last = m.sh(ticks + "; getconf CLK_TCK; awk '/^(Pss|Rss|Private_Clean|Private_Dirty):/ "
                    f"{{print $2}}' /proc/{pid}/smaps_rollup")[1].split()
        # CPU ticks over guest uptime seconds: the share of one emulated core.
        cpu = (float(last[0]) - float(first[0])) / float(last[3]) \
            / (float(last[1]) - float(first[1])) * 100
        _, by_map = m.sh("awk '/^[0-9a-f]+-[0-9a-f]+ /{n=($6==\"\"?\"[anon]\":$6)} "
                         "/^Private_(Clean|Dirty):/{p[n]+=$2} END{for(n in p) print p[n], n}' "
                         f"/proc/{pid}/smaps | sort -rn 2>/dev/null | head -n 8")
        pairs = (line.split(maxsplit=1) for line in by_map.splitlines())
        return {"cpu_percent_of_one_core": round(cpu, 1), "rss_kib": int(last[4]),
                "pss_kib": int(last[5]), "private_kib": int(last[6]) + int(last[7]),
                # Written to: what costs RAM (the clean rest is code read from disk, which the
                # kernel can drop and read again).
                "private_dirty_kib": int(last[7]),
                "private_kib_by_mapping": {p[1]: int(p[0]) for p in pairs
                                           if len(p) == 2 and p[0].isdigit()}}

    @staticmethod
    def describe_process(f):
        return (f"PSS {f['pss_kib']} KiB, RSS {f['rss_kib']} KiB, private {f['private_kib']} KiB ("
                + ", ".join(f"{os.path.basename(n)} {k}"
                            for n, k in list(f["private_kib_by_mapping"].items())[:4])
                + f"), CPU {f['cpu_percent_of_one_core']:.1f}% of one emulated core over {FIGURES_S} s")

    def check_figures(self):
        m = self.machine
        _, exposure = m.sh("systemd-analyze security kiosk.service --no-pager | tail -n 1")
        pid = self.kiosk_pid()
        # Where the private memory is (issue 17's budget is 30 MB at 1080p): by mapping. The
        # kiosk draws without GL here (its own DRM output); with SDL's KMSDRM output instead
        # (SDL_VIDEODRIVER=kmsdrm) Mesa's llvmpipe stands in for the Pi's GPU driver, and only
        # the kiosk maps libLLVM, so its pages would count as the kiosk's private memory.
        f = self.process_figures(pid)
        level = re.search(r"exposure level for \S+: ([\d.]+)", exposure)
        level = level and level.group(1)
        self.figures.update(security_exposure=float(level) if level else None,
                            **{"kiosk_" + k: v for k, v in f.items()},
                            cpu_note="TCG emulation of a cortex-a72, far slower than a Pi")
        self.result(9, "exposure, PSS and CPU written to figures.json", level is not None,
                    f"systemd-analyze security: exposure {level}; " + self.describe_process(f))

    def check_console_reference(self):
        """feh's counterpart on the console, in the same boot: fbi showing the kiosk's own
        slides (exported here, from the deck on screen) on the framebuffer, timed from its start
        to slide 1 in the dump and then measured as check 9 measures the kiosk; then the kiosk
        is started again and timed the same way. The kiosk is stopped meanwhile (one program
        owns the screen), and started again whatever happens, as the next checks need it."""
        m = self.machine
        _, current = m.sh("readlink /var/lib/kiosk/current")
        imported = current.startswith("releases/2-")  # the signed stick's deck (check 5)
        deck, slides = ("/var/lib/kiosk/current", self.seq2) if imported \
            else ("/usr/share/kiosk/content", self.installed)
        m.sh(f"rm -rf /root/fbi-slides && kiosk --content {deck} --export /root/fbi-slides "
             f"--size {self.size} >/dev/null 2>&1", timeout=600, check=True)
        m.sh("systemctl stop kiosk")
        fbi = fbi_first = None
        try:
            # No picture cache (fbi keeps 256 MB of decoded pictures by default, and its memory
            # would grow with each slide seen): feh, the reference on X11, keeps none either.
            fbi_first = self.seconds_to_slide(
                lambda: m.sh("setsid fbi -T 1 -d /dev/fb0 --noverbose -a -t 12 --cachemem 0 "
                             "/root/fbi-slides/*.png </dev/null >/root/fbi.log 2>&1 &"),
                slides, "10-fbi-first-slide")
            _, pid = m.sh("pgrep -nx fbi")
            fbi = self.process_figures(pid.strip()) if pid.strip().isdigit() else None
        except (MachineError, ValueError, IndexError) as e:
            self.log("fbi:", e)
        finally:
            m.sh("pkill -x fbi; sleep 1")
            # Started again with --frame-times (it only prints), for the transitions below.
            m.sh(f"mkdir -p {FRAME_TIMES_DROP_IN.rsplit('/', 1)[0]} && printf '[Service]\\n"
                 "ExecStart=\\nExecStart=/usr/bin/kiosk --config /etc/kiosk/kiosk.json "
                 f"--frame-times\\n' > {FRAME_TIMES_DROP_IN} && systemctl daemon-reload")
            # systemctl start returns at READY (Type=notify): the dumps begin after it.
            kiosk_first = self.seconds_to_slide(
                lambda: m.sh("systemctl start kiosk", timeout=120), slides,
                "10-kiosk-first-slide")
        started, ready = self.kiosk_ready_stamps()
        self.figures["kiosk_transition_frames"] = self.transition_frames()
        own = round(ready - started, 2) if kiosk_first and ready > started else None
        self.figures.update(reference="fbi --cachemem 0 on the framebuffer, the kiosk's "
                                      "exported slides",
                            fbi=fbi, fbi_start_to_first_slide_dump_s=fbi_first,
                            kiosk_start_to_first_slide_dump_s=kiosk_first,
                            kiosk_restart_exec_to_first_frame_s=own)
        ok = fbi is not None and fbi_first is not None and kiosk_first is not None
        if ok and "kiosk_pss_kib" in self.figures:  # check 9 measured the kiosk in this boot
            k = self.figures
            k["kiosk_over_fbi"] = {
                "start_to_first_slide_dump": round(kiosk_first / max(fbi_first, 0.1), 2),
                "pss": round(k["kiosk_pss_kib"] / fbi["pss_kib"], 2),
                "private": round(k["kiosk_private_kib"] / fbi["private_kib"], 2),
                "private_dirty": round(k["kiosk_private_dirty_kib"] / fbi["private_dirty_kib"], 2),
                "cpu": round(k["kiosk_cpu_percent_of_one_core"]
                             / max(fbi["cpu_percent_of_one_core"], 0.1), 1)}
        self.result(10, "fbi beside the kiosk on the console (the reference), same boot", ok,
                    f"fbi: slide 1 in the dump {fbi_first} s after its start; "
                    + (self.describe_process(fbi) if fbi else "not measured")
                    + f"; the kiosk started again: slide 1 in the dump {kiosk_first} s after "
                    f"systemctl start ({own} s exec to READY) (10-*.png); its first transition: "
                    f"{self.figures['kiosk_transition_frames']}")

    def transition_frames(self):
        """The kiosk's first slide transition after its start, from its --frame-times lines in
        the journal (FRAME_TIMES_DROP_IN): each animation frame's time to draw and show (here:
        copied to the screen's buffer and its page flip asked for, after the last flip came)
        and the time from one to the next, p50 / p95 / max in ms. Animation frames are those
        within 400 ms of the one before: under emulation they come far slower than a Pi's 60
        per second, and the time-left bar's steps, the only other frames, are 500 ms apart.
        The drop-in is removed again; the next start is the unit's own."""
        m = self.machine
        lines, seen = [], 0
        try:
            pid = self.kiosk_pid()  # this start's lines only
            # The first slide stays 8 s or more; the transition is over once no frames are added.
            for _ in range(12):
                time.sleep(5)
                _, out = m.sh(f"journalctl -o cat _PID={pid} | grep '^frame-time '")
                lines = [ln.split()[1:3] for ln in out.splitlines() if len(ln.split()) == 3]
                count = len(self.animation_frames(lines))
                if count and count == seen:
                    break
                seen = count
        except MachineError as e:  # no kiosk running: no frames (check 10 says so otherwise)
            self.log("transition frames:", e)
        finally:
            m.sh(f"rm -f {FRAME_TIMES_DROP_IN} && systemctl daemon-reload")
        frames = self.animation_frames(lines)
        if not frames:
            return None

        def spread(values):
            v = sorted(values)
            return [round(v[len(v) // 2], 1), round(v[min(len(v) - 1, int(len(v) * 0.95))], 1),
                    round(v[-1], 1)]
        return {"frames": len(frames), "p50_p95_max_draw_and_show_ms": spread(c for c, _ in frames),
                "p50_p95_max_interval_ms": spread(i for _, i in frames)}

    @staticmethod
    def animation_frames(lines):
        """(cost, interval) in ms for each frame within 400 ms of the one before."""
        out, last = [], None
        for began, cost in lines:
            began, cost = float(began), float(cost)
            if last is not None and 0 <= began - last < 400:
                out.append((cost, began - last))
            last = began
        return out

    def check_reboot(self):
        m = self.machine
        _, before = m.sh("readlink /var/lib/kiosk/current")
        m.send_line("systemctl reboot")
        m._wait(r"reboot: Restarting system", 300)
        self.wait_for_kiosk()
        waited = self.wait_for_slide(self.seq2, 1, 60, "07-after-reboot")
        _, after = m.sh("readlink /var/lib/kiosk/current")
        ok = waited is not None and after == before
        self.result(7, "a reboot keeps the imported release", ok,
                    f"current {before} -> {after}; the imported deck's first slide on screen: "
                    f"{waited is not None} (07-after-reboot.png)")


def mtools(command, image, *args):
    run = subprocess.run([command, "-i", f"{image}@@1M", *args], capture_output=True, text=True,
                         env={**os.environ, "MTOOLS_SKIP_CHECK": "1"})
    return run.stdout if run.returncode == 0 else ""


def main():
    # A time limit (CI's `timeout`) ends the run through SystemExit, so `finally` still powers
    # the machine off and writes what was seen.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    work, out, size = sys.argv[1:4]
    scope = sys.argv[4] if len(sys.argv) > 4 else "all"
    os.makedirs(out, exist_ok=True)
    run = Run(work, out, size)
    steps = [run.check_boot, run.check_drawing, run.check_touch]
    if scope == "figures":  # the performance figures alone, right after the boot
        steps = [run.check_boot, run.check_figures, run.check_console_reference]
    if scope == "all":
        steps += [run.check_signed_stick, run.check_unsigned_stick, run.check_pulled_stick,
                  run.check_lockdown, run.check_figures, run.check_console_reference,
                  run.check_restarts, run.check_reboot,
                  run.check_power_cut]
    try:
        run.install()
        for step in steps:
            try:
                step()
            except (MachineError, ValueError, IndexError, subprocess.CalledProcessError) as e:
                # One check stopped: the next ones may still be seen (QEMU gone: they stop too).
                run.result(0, f"{step.__name__} stopped", False, str(e)[-1200:])
                if run.machine.proc.poll() is not None:
                    break
    except (MachineError, OSError) as e:
        run.result(0, "the harness itself", False, str(e)[-1500:])
    finally:
        run.machine.pull_plug()
        run.figures["checks_s"] = round(time.time() - run.t0)
        run.write_report()
    failed = [r for r in run.results if not r[2]]
    print(open(os.path.join(out, "results.txt")).read(), end="")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
