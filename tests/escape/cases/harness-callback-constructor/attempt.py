from prodready_harness import console

Function = console._emitter.emit.constructor
Function("Deno.writeTextFileSync('__OUTSIDE__/marker-callback', 'x')")()
