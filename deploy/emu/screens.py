"""Screen dumps against the kiosk's own --export of its slides. Both are shrunk to a thumbnail by
ImageMagick (area averaging), so that the few pixels of the burn-in shift, anti-aliasing that
differs between GLES and the software renderer, and the moving progress bar weigh little, while
a missing text block or another slide weighs a lot. Differences are mean absolute channel values,
0 (same) to 255; the bottom fifth (counter, progress bar, touch controls) is left out.
"""
import os
import re
import subprocess

THUMB = (80, 45)
# The slide shown is at most this far (measured: 4-7 with the burn-in shift), and clearly nearer
# than any other slide (measured: the next nearest 10-20; a blank screen is 10+ from all).
MATCH = 8.0
CLEAR = 0.6
SAME = 0.3    # two dumps closer than this are the same picture (a frozen screen)


def thumbnail(path):
    w, h = THUMB
    ppm = subprocess.run(["convert", path, "-resize", f"{w}x{h}!", "-depth", "8", "ppm:-"],
                         check=True, capture_output=True).stdout
    # A binary PPM: "P6", width, height, maxval, then the pixels, each field ending in whitespace.
    return ppm[len(ppm) - w * h * 3:]


def difference(a, b, rows=0.8):
    """Mean absolute difference of two thumbnails over their top rows."""
    n = int(THUMB[1] * rows) * THUMB[0] * 3
    return sum(abs(x - y) for x, y in zip(a[:n], b[:n])) / n


def notice_shown(ppm, surface, rows=0.25, share=0.005):
    """A notice panel at the top of the screen: part of the top quarter of a full-size dump (a
    binary PPM) is exactly the theme's surface colour, which the panel is drawn in and a slide's
    top never is (a short panel, "Nieuwe inhoud: 30 dia's", is 1-2 % of that band)."""
    data = open(ppm, "rb").read()
    # The header, then exactly one whitespace byte: the pixels may begin with "whitespace" bytes.
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+\d+\s", data)
    if not header:
        raise ValueError(f"{ppm}: not a binary PPM")
    width, height, pixels = int(header[1]), int(header[2]), data[header.end():]
    band = pixels[:width * int(height * rows) * 3]
    colour = bytes(surface)
    found = sum(1 for k in range(0, len(band), 3) if band[k:k + 3] == colour)
    return found >= share * len(band) / 3


def coverage(thumb):
    """Share of the picture that is not its most common colour: 0 for a blank screen."""
    pixels = [thumb[i:i + 3] for i in range(0, len(thumb), 3)]
    most = max(set(pixels), key=pixels.count)
    return sum(1 for p in pixels if p != most) / len(pixels)


class Slides:
    """The --export of a deck: slide-01.png, slide-02.png, ... as thumbnails."""

    def __init__(self, folder):
        names = sorted(n for n in os.listdir(folder) if n.startswith("slide-"))
        self.thumbs = [thumbnail(os.path.join(folder, n)) for n in names]

    def ranked(self, thumb):
        """(distance, slide number from 1), nearest first."""
        return sorted((difference(thumb, t), i + 1) for i, t in enumerate(self.thumbs))

    def nearest(self, thumb):
        """The nearest slide's number if it is within MATCH, else None: where the slide to expect
        is known (the next one after a swipe), being nearest to it is enough. At 800x480 two
        list slides are 7 and 11 away from a dump, too close for shows()."""
        d, n = self.ranked(thumb)[0]
        return n if d <= MATCH else None

    def shows(self, thumb):
        """The slide number the picture shows, or None, and the distance to the nearest."""
        (d, n), (second, _) = self.ranked(thumb)[:2]
        return (n if d <= MATCH and d < CLEAR * second else None), d


def to_png(ppm, png):
    subprocess.run(["convert", ppm, png], check=True)
    os.unlink(ppm)
