"""The Textual full-screen app. Import ``sk_tui.tui.app`` only when opening it (Textual is heavy)."""
