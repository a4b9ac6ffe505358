#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour
escapes) to a PNG, through an ImageMagick drawing (MVG). Usage: ansi_to_png.py SCREEN.txt OUT.png"""
import re
import subprocess
import sys
import os
import tempfile

CELL_W, CELL_H, FONT_SIZE = 9, 18, 15
DEFAULT_FG, DEFAULT_BG = (220, 220, 220), (24, 24, 28)
BASIC = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205),
         (229, 229, 229), (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234),
         (214, 112, 214), (41, 184, 219), (255, 255, 255)]


def palette(n):
    """xterm's 256 colours."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    v = 8 + (n - 232) * 10
    return v, v, v


def parse(lines):
    """Each line as a list of (char, fg, bg, bold)."""
    fg, bg, bold, reverse = DEFAULT_FG, DEFAULT_BG, False, False
    screen = []
    for line in lines:
        cells = []
        for part in re.split(r'(\x1b\[[0-9;]*m)', line):
            if part.startswith('\x1b['):
                codes = [int(c) if c else 0 for c in part[2:-1].split(';')]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        fg, bg, bold, reverse = DEFAULT_FG, DEFAULT_BG, False, False
                    elif c == 1:
                        bold = True
                    elif c == 22:
                        bold = False
                    elif c == 7:
                        reverse = True
                    elif c == 27:
                        reverse = False
                    elif 30 <= c <= 37:
                        fg = BASIC[c - 30]
                    elif 90 <= c <= 97:
                        fg = BASIC[c - 90 + 8]
                    elif 40 <= c <= 47:
                        bg = BASIC[c - 40]
                    elif 100 <= c <= 107:
                        bg = BASIC[c - 100 + 8]
                    elif c == 39:
                        fg = DEFAULT_FG
                    elif c == 49:
                        bg = DEFAULT_BG
                    elif c in (38, 48) and i + 1 < len(codes):
                        if codes[i + 1] == 5 and i + 2 < len(codes):
                            colour = palette(codes[i + 2])
                            i += 2
                        elif codes[i + 1] == 2 and i + 4 < len(codes):
                            colour = tuple(codes[i + 2:i + 5])
                            i += 4
                        else:
                            colour = DEFAULT_FG if c == 38 else DEFAULT_BG
                        if c == 38:
                            fg = colour
                        else:
                            bg = colour
                    i += 1
            else:
                for ch in part:
                    f, b = (bg, fg) if reverse else (fg, bg)
                    cells.append((ch, f, b, bold))
        screen.append(cells)
    return screen


def hexc(c):
    return '#%02x%02x%02x' % tuple(c)


def main(src, out):
    with open(src, encoding='utf-8') as f:
        lines = f.read().rstrip('\n').split('\n')
    screen = parse(lines)
    cols = max(len(l) for l in screen)
    width, height = cols * CELL_W, len(screen) * CELL_H
    draw = ['viewbox 0 0 %d %d' % (width, height), 'fill %s rectangle 0,0 %d,%d' % (hexc(DEFAULT_BG), width, height),
            'font-size %d' % FONT_SIZE]
    for y, cells in enumerate(screen):
        for x, (ch, fg, bg, bold) in enumerate(cells):
            if bg != DEFAULT_BG:
                draw.append('fill %s rectangle %d,%d %d,%d' % (hexc(bg), x * CELL_W, y * CELL_H,
                                                                (x + 1) * CELL_W - 1, (y + 1) * CELL_H - 1))
        for x, (ch, fg, bg, bold) in enumerate(cells):
            if ch.strip():
                text = ch.replace('\\', '\\\\').replace("'", "\\'")
                draw.append("fill %s font %s text %d,%d '%s'" % (hexc(fg), 'DejaVu-Sans-Mono-Bold' if bold else 'DejaVu-Sans-Mono',
                                                                 x * CELL_W, y * CELL_H + 14, text))
    with tempfile.NamedTemporaryFile('w', suffix='.mvg', delete=False, encoding='utf-8') as mvg:
        mvg.write('\n'.join(draw))
    # An MVG file read as an image (Debian's ImageMagick policy refuses `-draw @file`).
    subprocess.run([os.environ.get('CONVERT', 'convert'), 'mvg:' + mvg.name, out], check=True)
    os.unlink(mvg.name)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
