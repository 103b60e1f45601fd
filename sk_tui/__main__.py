from sk_tui.cli import main

raise SystemExit(main())
