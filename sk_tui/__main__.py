from sk_tui.cli import main

if __name__ == "__main__":  # not again in a worker process that re-imports the main module (serve --workers)
    raise SystemExit(main())
