"""The plugin's import and printing actions: "Import DGN sheet…" and "Print parcel extract"."""
