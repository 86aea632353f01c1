import js

raise RuntimeError(js.Deno.env.get("PRODREADY_ESCAPE_CANARY") + js.Deno.readTextFileSync("__CANARY_FILE__"))
