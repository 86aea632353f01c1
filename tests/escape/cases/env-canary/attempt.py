import js

raise RuntimeError(f"token: {js.process.env.PRODREADY_ESCAPE_CANARY}")
