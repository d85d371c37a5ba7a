"""The product's colours, in one place: each verdict's colour and the page's colours in light and
dark. The card, the chip, the popup, the options page, the dashboard and the bookmarklet's window
read them as CSS custom properties from the file `python -m givefirst.shared_files` writes."""

# Each verdict's colour: the card's verdict bar, the dashboard's badges, the toolbar badge, the
# launcher and the chips. White text sits on each, in light and dark, at 4.5:1 or more.
VERDICT_COLOURS = {
    "stranger": "#52606d",
    "connection_only": "#6d4fc2",
    "give_space": "#b93d0b",
    "they_are_waiting": "#a34b07",
    "ask_pending": "#8f5606",
    "reconnect_first": "#0e7490",
    "give_first": "#c81e1e",
    "ready": "#15803d",
}
NOT_RUNNING = "#52606d"
ON_VERDICT = "#ffffff"

# The page's colours by role. Text roles (ink, muted, accent, give, take, warn, problem, ok) keep
# 4.5:1 on paper, panel and soft; borders of controls (field) keep 3:1.
LIGHT = {
    "ink": "#1d2321",
    "muted": "#4f5b57",
    "paper": "#f6f8f7",
    "panel": "#ffffff",
    "soft": "#eef2f0",
    "line": "#d5dcd9",
    "field": "#7b8884",
    "accent": "#1b6553",
    "on-accent": "#ffffff",
    "accent-soft": "#e3f1ec",
    "give": "#1f7045",
    "take": "#a8452c",
    "warn": "#8a4b00",
    "warn-soft": "#fff4de",
    "problem": "#a11d1d",
    "problem-soft": "#fdecec",
    "ok": "#1f7045",
    "focus": "#1a5fd0",
}
DARK = {
    "ink": "#e4ebe8",
    "muted": "#a9b6b1",
    "paper": "#121716",
    "panel": "#1a201f",
    "soft": "#232b29",
    "line": "#36403d",
    "field": "#7f8c87",
    "accent": "#6fd0b4",
    "on-accent": "#0b1f1a",
    "accent-soft": "#1d3a32",
    "give": "#7fd6a2",
    "take": "#f5a088",
    "warn": "#f1bd6a",
    "warn-soft": "#3a2c12",
    "problem": "#ff9b92",
    "problem-soft": "#3d1d1d",
    "ok": "#7fd6a2",
    "focus": "#8ab4ff",
}
TEXT_ROLES = ("ink", "muted", "accent", "give", "take", "warn", "problem", "ok")
BACKGROUND_ROLES = ("paper", "panel", "soft")


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of '#rrggbb'."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two '#rrggbb' colours, from 1 to 21."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
