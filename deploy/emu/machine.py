"""The emulated kiosk machine: qemu-system-aarch64 (-M virt, TCG) driven from outside, the way a
person would use a Pi: a root shell on the serial console for commands, and QEMU's QMP monitor for
the screen (screendump), USB sticks (hot-plug and pull), the touch screen (a USB tablet fed with
input-send-event) and the power button. Only the Python standard library.
"""
import json
import os
import re
import socket
import subprocess
import time

TABLET_MAX = 0x7FFF  # QEMU's absolute axis range, whatever the screen size (see _pointer)


class MachineError(Exception):
    pass


class Machine:
    def __init__(self, work, disk, boot, screen=(1280, 720)):
        self.work, self.disk, self.boot, self.screen = work, disk, boot, screen
        self.serial_path = os.path.join(work, "serial.sock")
        self.qmp_path = os.path.join(work, "qmp.sock")
        self.proc = None
        self.buf = ""  # serial output not yet consumed
        self.n = 0
        self.t0 = 0.0

    def command(self):
        # What install-pi.sh puts on a Pi's cmdline.txt, plus the serial console the harness uses.
        append = ("root=/dev/vda rw console=tty1 console=ttyAMA0 consoleblank=0 "
                  "vt.global_cursor_default=0 logo.nologo quiet loglevel=3")
        w, h = self.screen
        return [
            "qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-smp", "2", "-m", "2048",
            "-accel", "tcg,thread=multi", "-no-user-config", "-nic", "none", "-display", "none",
            "-kernel", os.path.join(self.boot, "vmlinuz"),
            "-initrd", os.path.join(self.boot, "initrd.img"), "-append", append,
            "-drive", f"if=none,id=hd0,file={self.disk},format=raw,cache=unsafe",
            "-device", "virtio-blk-pci,drive=hd0",
            "-device", f"virtio-gpu-pci,xres={w},yres={h}",
            "-device", "qemu-xhci,id=xhci",
            "-device", "usb-kbd,bus=xhci.0,id=kbd",
            "-device", "usb-tablet,bus=xhci.0,id=tablet",
            "-device", "i6300esb",
            "-chardev", f"socket,id=ser0,path={self.serial_path},server=on,wait=on,"
                        f"logfile={os.path.join(self.work, 'serial.log')},logappend=on",
            "-serial", "chardev:ser0",
            "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
        ]

    # --- power ---------------------------------------------------------------------------------
    def power_on(self):
        for p in (self.serial_path, self.qmp_path):
            if os.path.exists(p):
                os.unlink(p)
        self.t0 = time.time()
        self.buf = ""
        log = open(os.path.join(self.work, "qemu.log"), "a")
        self.proc = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT)
        for _ in range(200):
            if os.path.exists(self.serial_path):
                break
            time.sleep(0.1)
        self.ser = socket.socket(socket.AF_UNIX)
        self.ser.connect(self.serial_path)
        self.ser.settimeout(0.2)
        for _ in range(50):  # QEMU opens the QMP socket once the serial one is connected
            if os.path.exists(self.qmp_path):
                break
            time.sleep(0.1)
        self.qmp_sock = socket.socket(socket.AF_UNIX)
        self.qmp_sock.connect(self.qmp_path)
        self.qmp_file = self.qmp_sock.makefile("rw")
        json.loads(self.qmp_file.readline())  # the greeting
        self.qmp("qmp_capabilities")

    def power_off(self, timeout=120):
        """Waits for the guest to halt (after a poweroff command), or pulls the plug."""
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def pull_plug(self):
        if self.proc and self.proc.poll() is None:
            try:
                self.qmp("quit")
                self.proc.wait(10)
            except Exception:
                self.proc.kill()
                self.proc.wait()

    def since_power_on(self):
        return time.time() - self.t0

    # --- QMP -----------------------------------------------------------------------------------
    def qmp(self, execute, timeout=30, **args):
        # Each command carries an id, so that a late reply to one that timed out is skipped.
        # (A screendump of virtio-gpu waits for the guest's next frame: none may ever come.)
        self.n += 1
        msg = {"execute": execute, "id": self.n, **({"arguments": args} if args else {})}
        self.qmp_sock.settimeout(timeout)
        self.qmp_file.write(json.dumps(msg) + "\n")
        self.qmp_file.flush()
        while True:
            try:
                reply = json.loads(self.qmp_file.readline())
            except (socket.timeout, OSError):
                # The file object cannot be read after a timeout: a new one for the next reply.
                self.qmp_file = self.qmp_sock.makefile("rw")
                raise MachineError(f"{execute}: no reply from QEMU in {timeout} s")
            if reply.get("id") != self.n:
                continue  # an event, or the late reply to an earlier command
            if "error" in reply:
                raise MachineError(f"{execute}: {reply['error']}")
            return reply.get("return")

    def hmp(self, line):
        return self.qmp("human-monitor-command", **{"command-line": line})

    def screendump_ppm(self, path, timeout=20):
        self.qmp("screendump", timeout=timeout, filename=path)

    def plug_stick(self, image, name):
        self.hmp(f"drive_add 0 if=none,id={name},file={image},format=raw,cache=writethrough")
        self.qmp("device_add", driver="usb-storage", bus="xhci.0", drive=name, id=name,
                 removable=True)

    def pull_stick(self, name):
        self.qmp("device_del", id=name)  # its drive goes with it

    def replug_touch(self):
        """Pulls the touch screen (the USB tablet) and plugs it in again, as a loose cable or a
        panel reset does. True once the guest saw the old one go and udev has handled the new
        one (without the first, a tablet that never went would pass for the new one)."""
        self.qmp("device_del", id="tablet")
        gone = self.until("! grep -q 'USB Tablet' /proc/bus/input/devices", 30)
        self.qmp("device_add", driver="usb-tablet", bus="xhci.0", id="tablet")
        back = self.until("grep -q 'USB Tablet' /proc/bus/input/devices && udevadm settle", 60)
        return gone and back

    def _pointer(self, x, y, down=None):
        # Fractions of the screen to the tablet's absolute axes, as screen pixels. To the guest
        # the tablet is a mouse with absolute axes (no BTN_TOUCH), and SDL 2.26 takes such a
        # mouse's values as pixels, unscaled (the FIXME in its SDL_evdev.c), under KMSDRM and
        # evdev alike: values over QEMU's whole range (0-TABLET_MAX) all landed on the screen's
        # right and bottom edges, so a "swipe" was a tap on the corner. (A touch screen comes
        # to SDL as finger events, normalised to its range: no such problem.)
        w, h = self.screen
        events = [{"type": "abs", "data": {"axis": "x", "value": min(int(x * w), w - 1)}},
                  {"type": "abs", "data": {"axis": "y", "value": min(int(y * h), h - 1)}}]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.qmp("input-send-event", events=events)

    def tap(self, x, y):
        self._pointer(x, y)
        time.sleep(0.1)
        self._pointer(x, y, True)
        # Short: the kiosk stamps an event when it reads it, once a frame, and under emulation
        # on a loaded host a frame at 1080p took over a second; a press and a release read a
        # frame apart were more than a tap's 0.6 s (seen: a tap lost, 1 Dec 2026).
        time.sleep(0.05)
        self._pointer(x, y, False)

    def swipe(self, x0, x1, y, steps=8, seconds=0.4):
        self._pointer(x0, y)
        self._pointer(x0, y, True)
        for i in range(1, steps + 1):
            time.sleep(seconds / steps)
            self._pointer(x0 + (x1 - x0) * i / steps, y)
        self._pointer(x1, y, False)

    def keys(self, *names):
        """Presses the keys together (QEMU's qcode names: ctrl, alt, f2, sysrq, h...)."""
        self.qmp("send-key", keys=[{"type": "qcode", "data": k} for k in names])

    # --- serial console ------------------------------------------------------------------------
    def _read(self):
        try:
            data = self.ser.recv(65536)
        except socket.timeout:
            return
        if not data:
            raise MachineError("serial console closed (QEMU exited?)")
        self.buf += data.decode("utf-8", "replace")

    def _wait(self, pattern, timeout):
        """Waits for a regex on the console; returns the match and the text before it."""
        rx = re.compile(pattern)
        end = time.time() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                before, self.buf = self.buf[:m.start()], self.buf[m.end():]
                return m, before
            if time.time() > end:
                raise MachineError(f"timeout waiting for {pattern!r}; console: {self.buf[-600:]!r}")
            if self.proc.poll() is not None:
                raise MachineError(f"QEMU exited ({self.proc.returncode})")
            self._read()

    def wait_shell(self, timeout=600):
        """Waits for the autologin root shell, then makes it quiet and script-friendly."""
        self._wait(r"root@[\w-]+:~# ", timeout)
        return self._prepare_shell(timeout)

    def _prepare_shell(self, timeout):
        t = self.since_power_on()
        self.ser.sendall(b"stty -echo; export TERM=dumb PAGER=cat SYSTEMD_PAGER= "
                         b"SYSTEMD_COLORS=0; PS1=''; dmesg -n 1\n")
        time.sleep(1)
        # The console's getty may still be restarted by the end of the boot: wait for that first.
        try:
            self.sh("systemctl is-system-running --wait", timeout=timeout)
        except MachineError:
            pass  # restarted meanwhile: sh() has made the new shell ready
        return t

    def sh(self, cmd, timeout=300, check=False):
        """Runs a shell command in the guest; returns (exit status, output)."""
        self.n += 1
        # Markers split in the command so that an echo of it cannot match them.
        self.ser.sendall(f'echo "BE""GIN{self.n}"; {{ {cmd}\n}} 2>&1; '
                         f'echo "EN""D{self.n} rc=$?"\n'.encode())
        self._wait(rf"BEGIN{self.n}\r?\n", timeout)
        # The console's getty was seen to restart during an install (cause not found): a new
        # login ends the command's shell, so say so at once rather than time out.
        m, out = self._wait(rf"END{self.n} rc=(\d+)\r?\n|\(automatic login\)", timeout)
        if not m.group(1):
            self._wait(r"root@[\w-]+:~# ", 120)
            self._prepare_shell(120)
            raise MachineError(f"the console's shell was restarted during: {cmd}")
        out = out.replace("\r\n", "\n").rstrip("\n")
        if check and m.group(1) != "0":
            raise MachineError(f"guest command failed ({m.group(1)}): {cmd}\n{out}")
        return int(m.group(1)), out

    def send_line(self, line):
        self.ser.sendall((line + "\n").encode())

    def until(self, condition, timeout, step=1):
        """Polls a shell condition inside the guest: one console round trip, not one per poll.
        The step may be a fraction of a second (to catch an import while it runs)."""
        rc, _ = self.sh(f"end_=$(( $(date +%s) + {int(timeout)} )); exit_=; "
                        f"until {{ {condition}; }} >/dev/null 2>&1; do "
                        f"[ $(date +%s) -ge $end_ ] && exit_=1 && break; "
                        f"sleep {step}; done; [ -z \"$exit_\" ]", timeout=timeout + 60)
        return rc == 0
